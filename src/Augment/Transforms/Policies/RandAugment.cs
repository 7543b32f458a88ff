using System.Globalization;
using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Policies;

/// <summary>
/// RandAugment (Cubuk et al., 2020): N operations chosen uniformly, with replacement, from torchvision's 14, all
/// at one magnitude M of <c>numMagnitudeBins</c> bins, with a random sign for the signed operations; plus timm's
/// options: Gaussian noise on the magnitude (<c>mstd</c>; infinite means uniform on [0, M]) clipped to
/// [0, <c>mmax</c>], a probability for each operation, and the choice between increasing-severity operations
/// (torchvision's space) and timm's original posterize, solarize and enhance mappings.
/// </summary>
/// <remarks>
/// With the defaults this is torchvision's <c>RandAugment(num_ops=2, magnitude=9, num_magnitude_bins=31)</c>.
/// <see cref="FromConfig"/> reads timm's configuration strings (<c>rand-m9-n2-mstd0.5-inc1</c>), whose magnitudes
/// are on timm's 0–10 scale and are mapped to the same fraction of the bin range. The operation list is always
/// torchvision's (Identity instead of timm's Invert and SolarizeAdd).
/// </remarks>
public sealed class RandAugment : PolicyTransform
{
    private const double TimmLevelDenominator = 10.0;

    /// <summary>Creates the transform.</summary>
    /// <param name="numOps">N, the number of operations per image, 0 to <see cref="PolicyParams.MaxSteps"/>.</param>
    /// <param name="magnitude">M, the magnitude bin position in [0, numMagnitudeBins - 1] (fractional allowed).</param>
    /// <param name="numMagnitudeBins">The number of magnitude bins, at least 2.</param>
    /// <param name="interpolation">The sampling of the geometric operations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <param name="magnitudeStd">The standard deviation of the magnitude noise in bins; 0 for none, infinity for uniform on [0, M].</param>
    /// <param name="magnitudeMax">The largest noisy magnitude in bins; <see langword="null"/> for numMagnitudeBins - 1.</param>
    /// <param name="increasing">Whether severity increases with magnitude for every operation (torchvision's space); otherwise timm's original mappings.</param>
    /// <param name="probability">The probability that each chosen operation runs (timm's default is 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandAugment(
        int numOps = 2,
        double magnitude = 9,
        int numMagnitudeBins = 31,
        Interpolation interpolation = Interpolation.Nearest,
        IReadOnlyList<float>? fill = null,
        double magnitudeStd = 0,
        double? magnitudeMax = null,
        bool increasing = true,
        double probability = 1.0)
        : base(interpolation, fill)
    {
        if ((uint)numOps > PolicyParams.MaxSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(numOps), numOps, $"RandAugment runs 0 to {PolicyParams.MaxSteps} operations, got {numOps}.");
        }

        if (numMagnitudeBins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(numMagnitudeBins), numMagnitudeBins, $"At least 2 magnitude bins are needed, got {numMagnitudeBins}.");
        }

        double top = numMagnitudeBins - 1;
        if (!(magnitude >= 0 && magnitude <= top))
        {
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, $"The magnitude must lie in [0, {top}], got {magnitude}.");
        }

        if (!(magnitudeStd >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(magnitudeStd), magnitudeStd, $"The magnitude std must be non-negative, got {magnitudeStd}.");
        }

        double max = magnitudeMax ?? top;
        if (!(max >= 0 && max <= top))
        {
            throw new ArgumentOutOfRangeException(nameof(magnitudeMax), magnitudeMax, $"The largest magnitude must lie in [0, {top}], got {max}.");
        }

        NumOps = numOps;
        Magnitude = magnitude;
        NumMagnitudeBins = numMagnitudeBins;
        MagnitudeStd = magnitudeStd;
        MagnitudeMax = max;
        Increasing = increasing;
        Probability = Transforms.Probability.Validate(probability, nameof(probability));
    }

    /// <summary>N, the number of operations per image.</summary>
    public int NumOps { get; }

    /// <summary>M, the magnitude bin position.</summary>
    public double Magnitude { get; }

    /// <summary>The number of magnitude bins.</summary>
    public int NumMagnitudeBins { get; }

    /// <summary>The standard deviation of the magnitude noise, in bins (0: none; infinity: uniform on [0, M]).</summary>
    public double MagnitudeStd { get; }

    /// <summary>The largest noisy magnitude, in bins.</summary>
    public double MagnitudeMax { get; }

    /// <summary>Whether every operation's severity increases with the magnitude.</summary>
    public bool Increasing { get; }

    /// <summary>The probability that each chosen operation runs.</summary>
    public double Probability { get; }

    /// <summary>The operations chosen from, in torchvision's order.</summary>
    public static IReadOnlyList<AugmentOp> Operations => AugmentationSpace.RandomOpsView;

    /// <summary>
    /// Parses timm's RandAugment configuration string: <c>rand</c> followed by dash-separated sections
    /// <c>m</c> (magnitude on the 0–10 scale, default 10), <c>n</c> (operations, default 2), <c>mstd</c> (noise std on
    /// the 0–10 scale; above 100 means uniform), <c>mmax</c> (largest magnitude, default 10), <c>inc</c> (1 for
    /// increasing severity, default 0) and <c>p</c> (probability of each operation, default 0.5), e.g. <c>rand-m9-n2-mstd0.5-inc1</c>.
    /// </summary>
    /// <param name="config">The configuration string.</param>
    /// <param name="numMagnitudeBins">The number of magnitude bins timm's 0–10 scale is mapped onto.</param>
    /// <param name="interpolation">The sampling of the geometric operations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">The string is malformed or has an unknown section.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static RandAugment FromConfig(string config, int numMagnitudeBins = 31, Interpolation interpolation = Interpolation.Nearest, IReadOnlyList<float>? fill = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        string[] sections = config.Split('-');
        if (sections[0] != "rand")
        {
            throw new ArgumentException($"A RandAugment configuration starts with 'rand', got '{config}'.", nameof(config));
        }

        double magnitude = TimmLevelDenominator, std = 0, max = TimmLevelDenominator, probability = 0.5;
        int numOps = 2;
        bool increasing = false;
        foreach (string section in sections.AsSpan(1))
        {
            int split = 0;
            while (split < section.Length && char.IsAsciiLetter(section[split]))
            {
                split++;
            }

            string key = section[..split];
            string value = section[split..];
            switch (key)
            {
                case "m": magnitude = ParseNumber(value, section, config); break;
                case "n": numOps = (int)ParseNumber(value, section, config); break;
                case "mstd": std = ParseNumber(value, section, config); break;
                case "mmax": max = ParseNumber(value, section, config); break;
                case "inc": increasing = ParseNumber(value, section, config) != 0; break;
                case "p": probability = ParseNumber(value, section, config); break;
                default: throw new ArgumentException($"Unknown RandAugment section '{section}' in '{config}'.", nameof(config));
            }
        }

        double binsPerLevel = (numMagnitudeBins - 1) / TimmLevelDenominator;
        return new RandAugment(
            numOps,
            magnitude * binsPerLevel,
            numMagnitudeBins,
            interpolation,
            fill,
            std > 100 ? double.PositiveInfinity : std * binsPerLevel,
            max * binsPerLevel,
            increasing,
            probability);
    }

    /// <inheritdoc />
    public override PolicyParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        Span<PolicyStep> steps = stackalloc PolicyStep[PolicyParams.MaxSteps];
        int count = 0;
        for (int i = 0; i < NumOps; i++)
        {
            AugmentOp op = AugmentationSpace.RandomOps[random.NextInt32(AugmentationSpace.RandomOps.Length)];
            bool negative = random.NextBoolean(0.5);
            double bin = Magnitude;
            if (MagnitudeStd > 0)
            {
                bin = double.IsPositiveInfinity(MagnitudeStd) ? random.Uniform(0, Magnitude) : random.NextNormal(Magnitude, MagnitudeStd);
                bin = Math.Clamp(bin, 0, MagnitudeMax);
            }

            if (Probability < 1.0 && !random.NextBoolean(Probability))
            {
                continue;
            }

            steps[count++] = Increasing ? StandardStep(op, bin, size, negative) : TimmOriginalStep(op, bin, size, negative);
        }

        return new PolicyParams(-1, steps[..count]);
    }

    private PolicyStep StandardStep(AugmentOp op, double bin, ImageSize size, bool negative)
    {
        float magnitude = AugmentationSpace.Magnitude(op, bin, NumMagnitudeBins, size, wide: false);
        return new PolicyStep(op, negative && AugmentationSpace.IsSigned(op) ? -magnitude : magnitude);
    }

    /// <summary>timm's non-increasing level-to-argument functions, at level fraction <c>bin / (bins - 1)</c>.</summary>
    private PolicyStep TimmOriginalStep(AugmentOp op, double bin, ImageSize size, bool negative)
    {
        double fraction = bin / (NumMagnitudeBins - 1);
        return op switch
        {
            AugmentOp.Posterize => new PolicyStep(op, (int)(fraction * 4)),
            AugmentOp.Solarize => new PolicyStep(op, Math.Min(256, (int)(fraction * 256))),
            AugmentOp.Brightness or AugmentOp.Color or AugmentOp.Contrast or AugmentOp.Sharpness => new PolicyStep(op, (float)((fraction * 1.8) + 0.1 - 1.0)),
            _ => StandardStep(op, bin, size, negative),
        };
    }

    private static double ParseNumber(string value, string section, string config) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsNaN(number)
            ? number
            : throw new ArgumentException($"RandAugment section '{section}' of '{config}' has no number.", nameof(config));

    /// <inheritdoc />
    public override string ToString() =>
        $"RandAugment(numOps={NumOps}, magnitude={Magnitude}, numMagnitudeBins={NumMagnitudeBins}, interpolation={Interpolation}, magnitudeStd={MagnitudeStd}, magnitudeMax={MagnitudeMax}, increasing={Increasing}, probability={Probability})";
}
