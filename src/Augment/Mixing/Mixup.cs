using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels.Mixing;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>
/// Mixup (Zhang et al. 2018): <c>x_i = λ · x_i + (1 - λ) · x_partner(i)</c> in place, soft targets mixed with the
/// same λ, λ ~ Beta(α, α) drawn per batch or per sample (<see cref="MixMode"/>).
/// </summary>
public sealed class Mixup : BatchTransform<MixParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="alpha">α of Beta(α, α), positive (timm's default 0.8; 0.2 for ImageNet in the paper).</param>
    /// <param name="mode">Whether λ is drawn once per batch or once per sample.</param>
    /// <param name="partners">How samples are paired.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not positive and finite, or an enum value is undefined.</exception>
    public Mixup(double alpha = 0.8, MixMode mode = MixMode.Batch, PartnerMode partners = PartnerMode.Permutation)
    {
        Alpha = BetaSampler.ValidateShape(alpha, nameof(alpha));
        Mode = MixDraws.ValidateEnum(mode, nameof(mode));
        Partners = MixDraws.ValidateEnum(partners, nameof(partners));
    }

    /// <summary>α of Beta(α, α).</summary>
    public double Alpha { get; }

    /// <summary>Whether λ is drawn per batch or per sample.</summary>
    public MixMode Mode { get; }

    /// <summary>How samples are paired.</summary>
    public PartnerMode Partners { get; }

    /// <inheritdoc />
    public override void Draw(int batchSize, ImageSize size, ref RandomSource random, MixParams destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(batchSize);
        ulong key = Mode == MixMode.Sample ? MixDraws.SampleKey(ref random) : 0;
        MixDraws.FillPartners(destination.Partners, Partners, ref random);
        destination.Kinds.Fill(MixKind.Blend);
        if (Mode == MixMode.Batch)
        {
            destination.Lambdas.Fill((float)random.NextBeta(Alpha, Alpha));
            return;
        }

        Span<float> lambdas = destination.Lambdas;
        for (int i = 0; i < batchSize; i++)
        {
            RandomSource sample = MixDraws.ForSample(key, i);
            lambdas[i] = (float)sample.NextBeta(Alpha, Alpha);
        }
    }

    /// <inheritdoc />
    public override void Apply(ImageBatch batch, MixParams parameters) => MixKernels.Mix(batch, parameters);

    /// <inheritdoc />
    public override string ToString() =>
        $"Mixup(alpha={Alpha}, mode={Mode}, partners={Partners})";
}
