using Augment.Imaging;

namespace Augment.Kernels.Tone;

/// <summary>
/// Tone operations of the AutoAugment family on CHW float images in [0, 1]: posterize, solarize, equalize,
/// autocontrast, sharpness and invert, defined as torchvision 0.14 defines them. The 8-bit operations
/// (posterize, equalize) work on the uint8 value <c>round(clamp(x, 0, 1) * 255)</c> and return that value / 255.
/// </summary>
public static partial class ToneKernels
{
    /// <summary>The largest 8-bit value, as a float.</summary>
    internal const float Max8Bit = 255f;

    /// <summary>Runs <paramref name="op"/> over every element of <paramref name="image"/> in place.</summary>
    private static void InPlace<TOp>(ImageTensor image, TOp op)
        where TOp : struct, IUnaryOperator
    {
        ArgumentNullException.ThrowIfNull(image);
        Pointwise.ApplyInPlace(image.Data, op);
    }
}
