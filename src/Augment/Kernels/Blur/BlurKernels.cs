using Augment.Imaging;

namespace Augment.Kernels.Blur;

/// <summary>Blur kernels of CHW float images.</summary>
public static class BlurKernels
{
    /// <summary>
    /// Writes torchvision's one-dimensional Gaussian kernel (<c>_get_gaussian_kernel1d</c>): effectively
    /// <c>w[i] = exp(-0.5 * (x_i / sigma)²) / Σ</c> with <c>x_i = i - (size - 1) / 2</c>, in single precision.
    /// </summary>
    /// <param name="weights">The kernel; its length is the kernel size, odd and positive.</param>
    /// <param name="sigma">The standard deviation, positive and finite.</param>
    /// <exception cref="ArgumentException">The length is even or zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is not positive and finite.</exception>
    public static void GaussianKernel(Span<float> weights, float sigma)
    {
        ValidateKernel(weights.Length, sigma, nameof(weights), nameof(sigma));
        float half = (weights.Length - 1) * 0.5f, sum = 0f;
        for (int i = 0; i < weights.Length; i++)
        {
            float t = (i - half) / sigma;
            weights[i] = MathF.Exp(-0.5f * (t * t));
            sum += weights[i];
        }

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
    }

    /// <summary>
    /// Blurs <paramref name="source"/> as torchvision's <c>F.gaussian_blur</c>: a Gaussian of
    /// <paramref name="kernelWidth"/> taps and <paramref name="sigmaX"/> along x, <paramref name="kernelHeight"/> and
    /// <paramref name="sigmaY"/> along y (<see cref="GaussianKernel"/>), over reflect padding, run as two separable passes.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="kernelWidth">The horizontal kernel size, odd and positive.</param>
    /// <param name="kernelHeight">The vertical kernel size, odd and positive.</param>
    /// <param name="sigmaX">The horizontal standard deviation, positive.</param>
    /// <param name="sigmaY">The vertical standard deviation, positive.</param>
    /// <returns>A new image of the same shape.</returns>
    /// <exception cref="ArgumentException">A kernel size is even or not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sigma is not positive and finite.</exception>
    public static ImageTensor GaussianBlur(ImageTensor source, int kernelWidth, int kernelHeight, float sigmaX, float sigmaY)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateKernel(kernelWidth, sigmaX, nameof(kernelWidth), nameof(sigmaX));
        ValidateKernel(kernelHeight, sigmaY, nameof(kernelHeight), nameof(sigmaY));
        var destination = ImageTensor.Create(source.Channels, source.Size);
        Blur(source, kernelWidth, kernelHeight, sigmaX, sigmaY, destination);
        return destination;
    }

    /// <summary>
    /// Writes the Gaussian blur of <paramref name="source"/> into <paramref name="destination"/>, as
    /// <see cref="GaussianBlur(ImageTensor, int, int, float, float)"/> does, allocating nothing.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="kernelWidth">The horizontal kernel size, odd and positive.</param>
    /// <param name="kernelHeight">The vertical kernel size, odd and positive.</param>
    /// <param name="sigmaX">The horizontal standard deviation, positive.</param>
    /// <param name="sigmaY">The vertical standard deviation, positive.</param>
    /// <param name="destination">An image of the source's shape, not the source itself.</param>
    /// <exception cref="ArgumentException">A kernel size is even or not positive, or the destination is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sigma is not positive and finite.</exception>
    public static void GaussianBlur(ImageTensor source, int kernelWidth, int kernelHeight, float sigmaX, float sigmaY, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ValidateKernel(kernelWidth, sigmaX, nameof(kernelWidth), nameof(sigmaX));
        ValidateKernel(kernelHeight, sigmaY, nameof(kernelHeight), nameof(sigmaY));
        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("A blur cannot write into its source image.", nameof(destination));
        }

        source.ThrowIfShapeDiffers(destination, nameof(destination));
        Blur(source, kernelWidth, kernelHeight, sigmaX, sigmaY, destination);
    }

    internal static void ValidateKernel(int size, float sigma, string sizeName, string sigmaName)
    {
        if (size <= 0 || size % 2 == 0)
        {
            throw new ArgumentException($"A Gaussian kernel size must be odd and positive, got {size}.", sizeName);
        }

        if (!(sigma > 0) || float.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(sigmaName, sigma, $"A Gaussian sigma must be positive and finite, got {sigma}.");
        }
    }

    private static void Blur(ImageTensor source, int kernelWidth, int kernelHeight, float sigmaX, float sigmaY, ImageTensor destination)
    {
        Span<float> horizontal = kernelWidth <= 256 ? stackalloc float[kernelWidth] : new float[kernelWidth];
        Span<float> vertical = kernelHeight <= 256 ? stackalloc float[kernelHeight] : new float[kernelHeight];
        GaussianKernel(horizontal, sigmaX);
        GaussianKernel(vertical, sigmaY);
        for (int c = 0; c < source.Channels; c++)
        {
            SeparableFilter.Convolve(source.Plane(c), source.Height, source.Width, horizontal, vertical, destination.Plane(c));
        }
    }
}
