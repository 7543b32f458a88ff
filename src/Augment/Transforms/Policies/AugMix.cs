using System.Globalization;
using System.Text.RegularExpressions;
using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Mixing;
using Augment.Randomness;
using Augment.Transforms.Warp;

namespace Augment.Transforms.Policies;

/// <summary>
/// AugMix (Hendrycks et al., 2020) as torchvision's <c>AugMix</c> defines it, as a single-view transform:
/// <see cref="Width"/> branches each run a chain of <see cref="ChainDepth"/> operations (1 to 3 at random when
/// negative) chosen uniformly, with replacement, from <see cref="Operations"/>, each at a magnitude bin drawn
/// uniformly from the first <see cref="Severity"/> of 10 bins and a random sign; the branches are mixed with
/// Dirichlet(α, …, α) weights w, and the mix is blended with the original by a Beta(α, α) weight m:
/// <c>(1 - m) · x + m · Σ_i w_i · chain_i(x)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Draw order: m, the weights w, then for each branch its depth (when random) and for each step the operation, the
/// magnitude bin (for operations with a magnitude) and the sign (for signed ones). torchvision draws m as the second
/// component of a Dirichlet(α, α), which is Beta(α, α). On a float image the mix is not truncated to 8 bits as
/// torchvision's uint8 path is. A multi-view (JSD) loader calls <c>Apply(image, ref random)</c>
/// once per view with its own stream.
/// </para>
/// <para><see cref="FromConfig"/> reads timm's string form (<c>augmix-m3-w3-d-1</c>) into these semantics.</para>
/// </remarks>
public sealed class AugMix : RandomTransform<AugMixParams>
{
    private static readonly Regex ConfigSection = new(@"\G-(?<key>[a-z]+)(?<value>-?[0-9]+(?:\.[0-9]+)?)", RegexOptions.CultureInvariant);
    private readonly float[] _fill;
    private readonly int _opCount;

    /// <summary>Creates the transform.</summary>
    /// <param name="severity">The number of low magnitude bins drawn from, 1 to 10.</param>
    /// <param name="mixtureWidth">The number of branches, 1 to <see cref="AugMixParams.MaxWidth"/>.</param>
    /// <param name="chainDepth">The operations per branch, 1 to <see cref="PolicyParams.MaxSteps"/>, or -1 for a uniform depth in 1..3.</param>
    /// <param name="alpha">The Dirichlet and Beta concentration, positive and finite.</param>
    /// <param name="allOps">Whether the colour operations (brightness, colour, contrast, sharpness) are included.</param>
    /// <param name="interpolation">The sampling of the geometric operations (nearest or bilinear).</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public AugMix(
        int severity = 3,
        int mixtureWidth = 3,
        int chainDepth = -1,
        double alpha = 1.0,
        bool allOps = true,
        Interpolation interpolation = Interpolation.Bilinear,
        IReadOnlyList<float>? fill = null)
    {
        if (severity is < 1 or > AugmentationSpace.AugMixBins)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, $"The severity must lie in [1, {AugmentationSpace.AugMixBins}], got {severity}.");
        }

        if (mixtureWidth is < 1 or > AugMixParams.MaxWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(mixtureWidth), mixtureWidth, $"The mixture width must lie in [1, {AugMixParams.MaxWidth}], got {mixtureWidth}.");
        }

        if (chainDepth == 0 || chainDepth > PolicyParams.MaxSteps || chainDepth < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(chainDepth), chainDepth, $"The chain depth must be -1 (random 1 to 3) or lie in [1, {PolicyParams.MaxSteps}], got {chainDepth}.");
        }

        Severity = severity;
        Width = mixtureWidth;
        ChainDepth = chainDepth;
        Alpha = Randomness.BetaSampler.ValidateShape(alpha, nameof(alpha));
        AllOps = allOps;
        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [];
        _opCount = allOps ? AugmentationSpace.AugMixOps.Length : AugmentationSpace.AugMixBaseOpCount;
    }

    /// <summary>The number of low magnitude bins drawn from.</summary>
    public int Severity { get; }

    /// <summary>The number of branches (torchvision's <c>mixture_width</c>).</summary>
    public int Width { get; }

    /// <summary>The operations per branch, or -1 for a uniform depth in 1..3.</summary>
    public int ChainDepth { get; }

    /// <summary>The Dirichlet and Beta concentration.</summary>
    public double Alpha { get; }

    /// <summary>Whether the colour operations are included.</summary>
    public bool AllOps { get; }

    /// <summary>The sampling of the geometric operations.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>The fill values; empty for plain zero padding.</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <summary>The operations chosen from, in torchvision's order.</summary>
    public IReadOnlyList<AugmentOp> Operations => new ArraySegment<AugmentOp>(AugmentationSpace.AugMixOps, 0, _opCount);

    /// <summary>
    /// Parses timm's AugMix configuration string: <c>augmix</c> followed by dash-separated sections <c>m</c>
    /// (severity, default 3), <c>w</c> (mixture width, default 3), <c>d</c> (chain depth, default -1, negative
    /// allowed as in <c>d-1</c>) and <c>a</c> (alpha, default 1), e.g. <c>augmix-m5-w4-d2</c>. The result has
    /// torchvision's semantics (its operation space and severity bins), not timm's <c>AugMixAugment</c> operations.
    /// </summary>
    /// <param name="config">The configuration string.</param>
    /// <param name="interpolation">The sampling of the geometric operations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <param name="allOps">Whether the colour operations are included.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">The string is malformed or has an unknown or unsupported section (timm's <c>mstd</c> and <c>b</c> have no torchvision counterpart).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static AugMix FromConfig(string config, Interpolation interpolation = Interpolation.Bilinear, IReadOnlyList<float>? fill = null, bool allOps = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string Prefix = "augmix";
        if (!config.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"An AugMix configuration starts with '{Prefix}', got '{config}'.", nameof(config));
        }

        int severity = 3, width = 3, depth = -1;
        double alpha = 1.0;
        int position = Prefix.Length;
        while (position < config.Length)
        {
            Match match = ConfigSection.Match(config, position);
            if (!match.Success)
            {
                throw new ArgumentException($"AugMix configuration '{config}' is malformed at '{config[position..]}': expected sections like -m3, -w3, -d-1, -a1.", nameof(config));
            }

            string key = match.Groups["key"].Value;
            double value = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            switch (key)
            {
                case "m": severity = ToInt(value, match.Value, config); break;
                case "w": width = ToInt(value, match.Value, config); break;
                case "d": depth = ToInt(value, match.Value, config); break;
                case "a": alpha = value; break;
                default: throw new ArgumentException($"Unknown or unsupported AugMix section '{match.Value[1..]}' in '{config}' (known: m, w, d, a).", nameof(config));
            }

            position += match.Length;
        }

        return new AugMix(severity, width, depth, alpha, allOps, interpolation, fill);
    }

    /// <inheritdoc />
    public override AugMixParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        float mixing = (float)random.NextBeta(Alpha, Alpha);
        Span<double> dirichlet = stackalloc double[Width];
        random.NextDirichlet(Alpha, dirichlet);
        Span<float> weights = stackalloc float[Width];
        Span<PolicyParams> chains = stackalloc PolicyParams[Width];
        Span<PolicyStep> steps = stackalloc PolicyStep[PolicyParams.MaxSteps];
        for (int i = 0; i < Width; i++)
        {
            weights[i] = (float)dirichlet[i];
            int depth = ChainDepth > 0 ? ChainDepth : random.NextInt32(1, 3);
            for (int s = 0; s < depth; s++)
            {
                AugmentOp op = AugmentationSpace.AugMixOps[random.NextInt32(_opCount)];
                float magnitude = 0f;
                if (AugmentationSpace.HasMagnitude(op))
                {
                    magnitude = AugmentationSpace.AugMixMagnitude(op, random.NextInt32(Severity), size);
                    if (AugmentationSpace.IsSigned(op) && random.NextBoolean(0.5))
                    {
                        magnitude = -magnitude;
                    }
                }

                steps[s] = new PolicyStep(op, magnitude);
            }

            chains[i] = new PolicyParams(-1, steps[..depth]);
        }

        return new AugMixParams(mixing, weights, chains);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in AugMixParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (parameters.Width == 0)
        {
            throw new ArgumentException("The AugMix parameters hold no branch (a default value?); draw them or build them with the constructor.", nameof(parameters));
        }

        ImageTensor? mix = null;
        try
        {
            // A running convex combination: after branch k, mix = Σ_{j≤k} w_j chain_j(x) / Σ_{j≤k} w_j.
            double total = 0;
            for (int i = 0; i < parameters.Width; i++)
            {
                ImageTensor branch = RunChain(image.Clone(), parameters.Chain(i));
                double weight = parameters.Weight(i);
                total += weight;
                if (mix is null)
                {
                    mix = branch;
                    continue;
                }

                using (branch)
                {
                    float share = total > 0 ? (float)(weight / total) : 1f;
                    Pointwise.Apply(branch.Data, mix.Data, mix.Data, new BlendOperator(share));
                }
            }

            // x = (1 - m) · x + m · mix.
            Pointwise.Apply(image.Data, mix!.Data, image.Data, new BlendOperator(1f - parameters.MixingWeight));
            return image;
        }
        finally
        {
            mix?.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"AugMix(severity={Severity}, mixtureWidth={Width}, chainDepth={ChainDepth}, alpha={Alpha}, allOps={AllOps}, interpolation={Interpolation})";

    private ImageTensor RunChain(ImageTensor branch, in PolicyParams chain)
    {
        for (int s = 0; s < chain.Count; s++)
        {
            branch = PolicyOps.Apply(branch, chain[s], Interpolation, _fill);
        }

        return branch;
    }

    private static int ToInt(double value, string section, string config) =>
        value == Math.Floor(value) && Math.Abs(value) <= 1000
            ? (int)value
            : throw new ArgumentException($"AugMix section '{section[1..]}' of '{config}' needs an integer.", nameof(config));
}
