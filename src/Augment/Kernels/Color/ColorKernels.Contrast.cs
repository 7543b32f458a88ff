using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Adjusts contrast in place: effectively computes <c>x = clamp(factor * x + (1 - factor) * m, 0, 1)</c>, where
    /// <c>m</c> is one scalar, the <see cref="GrayscaleMean"/> of the image (torchvision's <c>adjust_contrast</c>).
    /// </summary>
    /// <param name="image">The image: RGB, or any other channel count (then <c>m</c> is the mean of all elements).</param>
    /// <param name="factor">The contrast factor: 0 gives a uniform gray image, 1 the original image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative or NaN.</exception>
    public static void AdjustContrast(ImageTensor image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfNegativeOrNaN(factor, nameof(factor));
        float mean = GrayscaleMean(image);
        Pointwise.ApplyInPlace(image.Data, new ClampedAffineOperator(factor, (1f - factor) * mean));
    }
}
