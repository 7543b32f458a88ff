using Augment.Imaging;

namespace Augment.Transforms.Policies;

/// <summary>
/// torchvision's <c>_augmentation_space</c> magnitude tables: AutoAugment and RandAugment share the standard
/// space, TrivialAugmentWide has the wide one. Linear magnitudes are computed as torch's single-precision
/// <c>linspace</c> computes them, so bin values match torchvision's exactly.
/// </summary>
internal static class AugmentationSpace
{
    /// <summary>The operations RandAugment and TrivialAugmentWide choose from, in torchvision's order.</summary>
    public static readonly AugmentOp[] RandomOps =
    [
        AugmentOp.Identity, AugmentOp.ShearX, AugmentOp.ShearY, AugmentOp.TranslateX, AugmentOp.TranslateY,
        AugmentOp.Rotate, AugmentOp.Brightness, AugmentOp.Color, AugmentOp.Contrast, AugmentOp.Sharpness,
        AugmentOp.Posterize, AugmentOp.Solarize, AugmentOp.AutoContrast, AugmentOp.Equalize,
    ];

    /// <summary>A read-only view of <see cref="RandomOps"/> for the public API.</summary>
    public static readonly IReadOnlyList<AugmentOp> RandomOpsView = Array.AsReadOnly(RandomOps);

    /// <summary>
    /// AugMix's operations in torchvision's order: the nine of the original paper, then (with <c>all_ops</c>) the four
    /// colour operations; AugMix chooses from a prefix of this array.
    /// </summary>
    public static readonly AugmentOp[] AugMixOps =
    [
        AugmentOp.ShearX, AugmentOp.ShearY, AugmentOp.TranslateX, AugmentOp.TranslateY, AugmentOp.Rotate,
        AugmentOp.Posterize, AugmentOp.Solarize, AugmentOp.AutoContrast, AugmentOp.Equalize,
        AugmentOp.Brightness, AugmentOp.Color, AugmentOp.Contrast, AugmentOp.Sharpness,
    ];

    /// <summary>The number of AugMix operations without the colour ones (<c>all_ops=False</c>).</summary>
    public const int AugMixBaseOpCount = 9;

    /// <summary>The number of AugMix magnitude bins (torchvision's <c>_PARAMETER_MAX</c>, passed as <c>num_bins</c>).</summary>
    public const int AugMixBins = 10;

    /// <summary>
    /// The unsigned magnitude of <paramref name="op"/> at <paramref name="bin"/> of AugMix's space (10 bins): shears
    /// up to 0.3, translations up to a third of the side, rotations up to 30°, colour factors up to 0.9, Posterize
    /// <c>4 - round(bin / 2.25)</c> bits, Solarize from 255 down to 0.
    /// </summary>
    public static float AugMixMagnitude(AugmentOp op, int bin, ImageSize size) => op switch
    {
        AugmentOp.TranslateX => Linspace(0.0, size.Width / 3.0, AugMixBins, bin),
        AugmentOp.TranslateY => Linspace(0.0, size.Height / 3.0, AugMixBins, bin),
        AugmentOp.Posterize => 4f - MathF.Round(bin / ((AugMixBins - 1) / 4f)),
        _ => Magnitude(op, bin, AugMixBins, size, wide: false),
    };

    /// <summary>Whether the operation's magnitude gets a random sign.</summary>
    public static bool IsSigned(AugmentOp op) => op is >= AugmentOp.ShearX and <= AugmentOp.Sharpness;

    /// <summary>Whether the operation has a magnitude at all.</summary>
    public static bool HasMagnitude(AugmentOp op) => op is >= AugmentOp.ShearX and <= AugmentOp.Solarize;

    /// <summary>
    /// The unsigned magnitude of <paramref name="op"/> at bin position <paramref name="bin"/> of
    /// <paramref name="bins"/> (a fractional position interpolates linearly; Posterize rounds).
    /// </summary>
    /// <param name="op">The operation.</param>
    /// <param name="bin">The bin position in [0, bins - 1].</param>
    /// <param name="bins">The number of bins, at least 2.</param>
    /// <param name="size">The image size (for the translations of the standard space).</param>
    /// <param name="wide">Whether to use TrivialAugmentWide's space.</param>
    public static float Magnitude(AugmentOp op, double bin, int bins, ImageSize size, bool wide) => op switch
    {
        AugmentOp.ShearX or AugmentOp.ShearY => Linspace(0.0, wide ? 0.99 : 0.3, bins, bin),
        AugmentOp.TranslateX => Linspace(0.0, wide ? 32.0 : 150.0 / 331.0 * size.Width, bins, bin),
        AugmentOp.TranslateY => Linspace(0.0, wide ? 32.0 : 150.0 / 331.0 * size.Height, bins, bin),
        AugmentOp.Rotate => Linspace(0.0, wide ? 135.0 : 30.0, bins, bin),
        AugmentOp.Brightness or AugmentOp.Color or AugmentOp.Contrast or AugmentOp.Sharpness => Linspace(0.0, wide ? 0.99 : 0.9, bins, bin),
        AugmentOp.Posterize => 8f - MathF.Round((float)bin / ((bins - 1) / (wide ? 6f : 4f))),
        AugmentOp.Solarize => Linspace(255.0, 0.0, bins, bin),
        _ => 0f,
    };

    /// <summary>
    /// Element <paramref name="index"/> of <c>torch.linspace(start, end, steps)</c> in float32 (the first half
    /// counted from <paramref name="start"/>, the second from <paramref name="end"/>); a fractional index interpolates.
    /// </summary>
    public static float Linspace(double start, double end, int steps, double index)
    {
        float s = (float)start, e = (float)end;
        if (steps == 1)
        {
            return s;
        }

        if (index != Math.Floor(index))
        {
            return (float)(s + ((e - (double)s) * index / (steps - 1)));
        }

        int i = (int)index;
        float step = (e - s) / (steps - 1);
        return i < steps / 2 ? s + (step * i) : e - (step * (steps - i - 1));
    }
}
