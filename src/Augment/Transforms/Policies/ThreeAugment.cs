using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Kernels.Color;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Policies;

/// <summary>Which operation a <see cref="ThreeAugment"/> draw applies.</summary>
public enum ThreeAugmentOp
{
    /// <summary>Grayscale, kept at three channels.</summary>
    Grayscale,

    /// <summary>Solarize at 128 / 255.</summary>
    Solarize,

    /// <summary>A Gaussian blur.</summary>
    GaussianBlur,
}

/// <summary>The drawn operation of a <see cref="ThreeAugment"/>.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Sigma">The blur's standard deviation (0 unless <paramref name="Op"/> is <see cref="ThreeAugmentOp.GaussianBlur"/>).</param>
public readonly record struct ThreeAugmentParams(ThreeAugmentOp Op, double Sigma);

/// <summary>
/// DeiT III's 3-Augment (Touvron et al., 2022; facebookresearch/deit <c>augment.py</c>): per image, one of three
/// operations chosen uniformly: grayscale (<c>Grayscale(3)</c>), solarize (PIL's <c>ImageOps.solarize</c>, threshold
/// 128 of 255) or a Gaussian blur of standard deviation uniform in [0.1, 2.0] (PIL's <c>GaussianBlur(radius)</c>).
/// </summary>
/// <remarks>
/// DeiT III applies these to PIL images; here they run on the float tensor: grayscale with torchvision's tensor
/// weights (0.2989, 0.587, 0.114), solarize as <c>x ≥ 128/255 ? 1 - x : x</c> (the same pixels as PIL on 8-bit
/// levels), and the blur as a separable Gaussian truncated at 3σ (<c>2 ⌈3σ⌉ + 1</c> taps) with reflect padding,
/// where PIL approximates the Gaussian by repeated box blurs.
/// </remarks>
public sealed class ThreeAugment : RandomTransform<ThreeAugmentParams>
{
    /// <summary>The solarize threshold: 128 on the 8-bit scale, PIL's default.</summary>
    public const float SolarizeThreshold = 128f / 255f;

    /// <summary>Creates the transform.</summary>
    /// <param name="blurSigma">The range of the blur's standard deviation; <see langword="null"/> for DeiT III's (0.1, 2.0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blurSigma"/> is not positive, reversed or not finite.</exception>
    public ThreeAugment(ValueRange? blurSigma = null)
    {
        BlurSigma = (blurSigma ?? (0.1, 2.0)).Validate(0, double.PositiveInfinity, nameof(blurSigma), lowerExclusive: true);
    }

    /// <summary>The range of the blur's standard deviation.</summary>
    public ValueRange BlurSigma { get; }

    /// <summary>The blur's kernel size for <paramref name="sigma"/>: <c>2 ⌈3σ⌉ + 1</c>.</summary>
    /// <param name="sigma">The standard deviation, positive.</param>
    /// <returns>The odd kernel size.</returns>
    public static int BlurKernelSize(double sigma) => (2 * (int)Math.Ceiling(3 * sigma)) + 1;

    /// <inheritdoc />
    public override ThreeAugmentParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        var op = (ThreeAugmentOp)random.NextInt32(3);
        return new ThreeAugmentParams(op, op == ThreeAugmentOp.GaussianBlur ? random.Uniform(BlurSigma.Min, BlurSigma.Max) : 0.0);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in ThreeAugmentParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        switch (parameters.Op)
        {
            case ThreeAugmentOp.Grayscale:
                if (image.Channels == 3)
                {
                    ColorKernels.Grayscale(image);
                }

                return image;
            case ThreeAugmentOp.Solarize:
                ToneKernels.Solarize(image, SolarizeThreshold);
                return image;
            case ThreeAugmentOp.GaussianBlur:
                using (image)
                {
                    int taps = BlurKernelSize(parameters.Sigma);
                    return BlurKernels.GaussianBlur(image, taps, taps, (float)parameters.Sigma, (float)parameters.Sigma);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Op, "Unknown 3-Augment operation.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ThreeAugment(blurSigma={BlurSigma})";
}
