using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Adjusts brightness in place: effectively computes <c>x = clamp(x * factor, 0, 1)</c> for every element
    /// (torchvision's <c>adjust_brightness</c>).
    /// </summary>
    /// <param name="image">The image, any channel count.</param>
    /// <param name="factor">The brightness factor: 0 gives black, 1 the original image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative or NaN.</exception>
    public static void AdjustBrightness(ImageTensor image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfNegativeOrNaN(factor, nameof(factor));
        Pointwise.ApplyInPlace(image.Data, new ClampedAffineOperator(factor, 0f));
    }
}
