using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Randomness;

namespace Augment.Transforms.Blur;

/// <summary>The drawn standard deviation of a <see cref="GaussianBlur"/>.</summary>
/// <param name="Sigma">The standard deviation, used along both axes.</param>
public readonly record struct GaussianBlurParams(double Sigma);

/// <summary>
/// Blurs the image with a Gaussian whose standard deviation is drawn uniformly from a range, the same along both
/// axes (torchvision's <c>GaussianBlur</c>; see <see cref="BlurKernels.GaussianBlur(ImageTensor, int, int, float, float)"/>:
/// separable, reflect padding).
/// </summary>
public sealed class GaussianBlur : RandomTransform<GaussianBlurParams>
{
    /// <summary>Creates the transform with a square kernel.</summary>
    /// <param name="kernelSize">The kernel size, odd and positive.</param>
    /// <param name="sigma">The range of the standard deviation, positive; <see langword="null"/> for torchvision's (0.1, 2.0).</param>
    /// <exception cref="ArgumentException"><paramref name="kernelSize"/> is even or not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is not positive, reversed or not finite.</exception>
    public GaussianBlur(int kernelSize, ValueRange? sigma = null)
        : this((kernelSize, kernelSize), sigma)
    {
    }

    /// <summary>Creates the transform.</summary>
    /// <param name="kernelSize">The kernel size (x, y), odd and positive.</param>
    /// <param name="sigma">The range of the standard deviation, positive; <see langword="null"/> for torchvision's (0.1, 2.0).</param>
    /// <exception cref="ArgumentException">A kernel size is even or not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is not positive, reversed or not finite.</exception>
    public GaussianBlur((int X, int Y) kernelSize, ValueRange? sigma = null)
    {
        Sigma = (sigma ?? (0.1, 2.0)).Validate(0, double.PositiveInfinity, nameof(sigma), lowerExclusive: true);
        BlurKernels.ValidateKernel(kernelSize.X, 1f, nameof(kernelSize), nameof(sigma));
        BlurKernels.ValidateKernel(kernelSize.Y, 1f, nameof(kernelSize), nameof(sigma));
        KernelSize = kernelSize;
    }

    /// <summary>The kernel size (x, y).</summary>
    public (int X, int Y) KernelSize { get; }

    /// <summary>The range of the standard deviation.</summary>
    public ValueRange Sigma { get; }

    /// <inheritdoc />
    public override GaussianBlurParams Draw(int channels, ImageSize size, ref RandomSource random) => new(random.Uniform(Sigma.Min, Sigma.Max));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in GaussianBlurParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (image)
        {
            float sigma = (float)parameters.Sigma;
            return BlurKernels.GaussianBlur(image, KernelSize.X, KernelSize.Y, sigma, sigma);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"GaussianBlur(kernelSize=({KernelSize.X}, {KernelSize.Y}), sigma={Sigma})";
}
