using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels.Mixing;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>
/// CutMix (Yun et al. 2019), as timm does it: λ ~ Beta(α, α), a box of side <c>√(1 - λ)</c> of each dimension
/// centred uniformly on the image and clipped (or, with a min/max ratio, sides uniform in that fraction of each
/// dimension), copied in place from the partner; λ is then corrected to the box's actual area and the soft
/// targets are mixed with it.
/// </summary>
public sealed class CutMix : BatchTransform<MixParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="alpha">α of Beta(α, α), positive (timm's default 1.0). Unused with a min/max ratio.</param>
    /// <param name="mode">Whether the box is drawn once per batch or once per sample.</param>
    /// <param name="partners">How samples are paired.</param>
    /// <param name="minRatio">With <paramref name="maxRatio"/>: the smallest box side as a fraction of the image's, in [0, maxRatio).</param>
    /// <param name="maxRatio">The largest box side as a fraction of the image's, in (minRatio, 1]; 0 (default) for the λ-sized box.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public CutMix(double alpha = 1.0, MixMode mode = MixMode.Batch, PartnerMode partners = PartnerMode.Permutation, double minRatio = 0.0, double maxRatio = 0.0)
    {
        Alpha = BetaSampler.ValidateShape(alpha, nameof(alpha));
        Mode = MixDraws.ValidateEnum(mode, nameof(mode));
        Partners = MixDraws.ValidateEnum(partners, nameof(partners));
        (MinRatio, MaxRatio) = ValidateRatios(minRatio, maxRatio);
    }

    /// <summary>α of Beta(α, α).</summary>
    public double Alpha { get; }

    /// <summary>Whether the box is drawn per batch or per sample.</summary>
    public MixMode Mode { get; }

    /// <summary>How samples are paired.</summary>
    public PartnerMode Partners { get; }

    /// <summary>The smallest box side as a fraction of the image's (with <see cref="MaxRatio"/> &gt; 0).</summary>
    public double MinRatio { get; }

    /// <summary>The largest box side as a fraction of the image's; 0 when the box is sized by λ.</summary>
    public double MaxRatio { get; }

    /// <inheritdoc />
    public override void Draw(int batchSize, ImageSize size, ref RandomSource random, MixParams destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(batchSize);
        ulong key = Mode == MixMode.Sample ? MixDraws.SampleKey(ref random) : 0;
        MixDraws.FillPartners(destination.Partners, Partners, ref random);
        destination.Kinds.Fill(MixKind.Paste);
        if (Mode == MixMode.Batch)
        {
            CutBox box = DrawBox(size, ref random);
            destination.Boxes.Fill(box);
            destination.Lambdas.Fill(MixDraws.CorrectedLambda(box, size));
            return;
        }

        for (int i = 0; i < batchSize; i++)
        {
            RandomSource sample = MixDraws.ForSample(key, i);
            CutBox box = DrawBox(size, ref sample);
            destination.Boxes[i] = box;
            destination.Lambdas[i] = MixDraws.CorrectedLambda(box, size);
        }
    }

    /// <inheritdoc />
    public override void Apply(ImageBatch batch, MixParams parameters) => MixKernels.Mix(batch, parameters);

    /// <summary>Draws one box (λ first, unless the box is sized by the min/max ratio).</summary>
    internal CutBox DrawBox(ImageSize size, ref RandomSource random)
    {
        double lambda = MaxRatio > 0.0 ? 1.0 : random.NextBeta(Alpha, Alpha);
        return MixDraws.Box(size, lambda, MinRatio, MaxRatio, ref random);
    }

    private static (double Min, double Max) ValidateRatios(double minRatio, double maxRatio)
    {
        if (minRatio == 0.0 && maxRatio == 0.0)
        {
            return (0.0, 0.0);
        }

        if (!(minRatio >= 0.0 && minRatio < maxRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(minRatio), minRatio, $"The min box ratio must lie in [0, maxRatio = {maxRatio}), got {minRatio}.");
        }

        if (!(maxRatio <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxRatio), maxRatio, $"The max box ratio must lie in (minRatio, 1], got {maxRatio}.");
        }

        return (minRatio, maxRatio);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"CutMix(alpha={Alpha}, mode={Mode}, partners={Partners}, minRatio={MinRatio}, maxRatio={MaxRatio})";
}
