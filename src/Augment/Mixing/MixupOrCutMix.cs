using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels.Mixing;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Mixing;

/// <summary>
/// timm's <c>Mixup</c> switch: with probability <see cref="Probability"/> a batch (or, per sample, a sample) is
/// mixed, by CutMix with probability <see cref="SwitchProbability"/> and by mixup otherwise; otherwise it is kept
/// (λ = 1). The samples' soft targets are mixed with the λ used (label smoothing comes first, in the collator).
/// </summary>
/// <remarks>
/// As in timm, an α of 0 turns its branch off: <c>mixupAlpha: 0</c> gives CutMix alone, <c>cutMixAlpha: 0</c> mixup
/// alone (the switch probability then plays no part). A CutMix ratio range (<c>cutMixMaxRatio</c> &gt; 0) keeps
/// CutMix on whatever its α, as timm's <c>cutmix_minmax</c> does.
/// </remarks>
public sealed class MixupOrCutMix : BatchTransform<MixParams>
{
    private readonly CutMix _cutMix;

    /// <summary>Creates the switch.</summary>
    /// <param name="mixupAlpha">α of mixup's Beta(α, α), non-negative; 0 turns mixup off.</param>
    /// <param name="cutMixAlpha">α of CutMix's Beta(α, α), non-negative; 0 turns CutMix off (unless a ratio range is given).</param>
    /// <param name="switchProbability">The probability of CutMix rather than mixup, in [0, 1].</param>
    /// <param name="probability">The probability of mixing at all, in [0, 1].</param>
    /// <param name="mode">Whether the decisions and λ are drawn once per batch or once per sample.</param>
    /// <param name="partners">How samples are paired.</param>
    /// <param name="cutMixMinRatio">CutMix's min box ratio (see <see cref="CutMix"/>).</param>
    /// <param name="cutMixMaxRatio">CutMix's max box ratio; 0 for the λ-sized box.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">Both branches are off (both α are 0 and no CutMix ratio range is given).</exception>
    public MixupOrCutMix(
        double mixupAlpha = 0.8,
        double cutMixAlpha = 1.0,
        double switchProbability = 0.5,
        double probability = 1.0,
        MixMode mode = MixMode.Batch,
        PartnerMode partners = PartnerMode.Permutation,
        double cutMixMinRatio = 0.0,
        double cutMixMaxRatio = 0.0)
    {
        MixupAlpha = ValidateAlpha(mixupAlpha, nameof(mixupAlpha));
        ValidateAlpha(cutMixAlpha, nameof(cutMixAlpha));
        CutMixEnabled = cutMixAlpha > 0 || cutMixMaxRatio > 0;
        if (MixupAlpha == 0 && !CutMixEnabled)
        {
            throw new ArgumentException("Both branches are off: give mixupAlpha > 0, cutMixAlpha > 0 or a CutMix ratio range (cutMixMaxRatio > 0).", nameof(mixupAlpha));
        }

        // With its branch off CutMix's α is never drawn from; a ratio range ignores it too (timm forces 1.0).
        _cutMix = new CutMix(cutMixAlpha > 0 ? cutMixAlpha : 1.0, mode, partners, cutMixMinRatio, cutMixMaxRatio);
        SwitchProbability = Transforms.Probability.Validate(switchProbability, nameof(switchProbability));
        Probability = Transforms.Probability.Validate(probability, nameof(probability));
    }

    /// <summary>α of mixup's Beta(α, α); 0 when mixup is off.</summary>
    public double MixupAlpha { get; }

    /// <summary>α of CutMix's Beta(α, α).</summary>
    public double CutMixAlpha => _cutMix.Alpha;

    /// <summary>Whether the CutMix branch is on.</summary>
    public bool CutMixEnabled { get; }

    /// <summary>The probability of CutMix rather than mixup.</summary>
    public double SwitchProbability { get; }

    /// <summary>The probability of mixing at all.</summary>
    public double Probability { get; }

    /// <summary>Whether draws are per batch or per sample.</summary>
    public MixMode Mode => _cutMix.Mode;

    /// <summary>How samples are paired.</summary>
    public PartnerMode Partners => _cutMix.Partners;

    /// <inheritdoc />
    public override void Draw(int batchSize, ImageSize size, ref RandomSource random, MixParams destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(batchSize);
        ulong key = Mode == MixMode.Sample ? MixDraws.SampleKey(ref random) : 0;
        MixDraws.FillPartners(destination.Partners, Partners, ref random);
        if (Mode == MixMode.Batch)
        {
            (MixKind kind, float lambda, CutBox box) = DrawOne(size, ref random);
            destination.Kinds.Fill(kind);
            destination.Lambdas.Fill(lambda);
            destination.Boxes.Fill(box);
            return;
        }

        for (int i = 0; i < batchSize; i++)
        {
            RandomSource sample = MixDraws.ForSample(key, i);
            (destination.Kinds[i], destination.Lambdas[i], destination.Boxes[i]) = DrawOne(size, ref sample);
        }
    }

    /// <inheritdoc />
    public override void Apply(ImageBatch batch, MixParams parameters) => MixKernels.Mix(batch, parameters);

    private static double ValidateAlpha(double alpha, string name) =>
        alpha == 0 ? 0 : BetaSampler.ValidateShape(alpha, name);

    private (MixKind Kind, float Lambda, CutBox Box) DrawOne(ImageSize size, ref RandomSource random)
    {
        if (!random.NextBoolean(Probability))
        {
            return (MixKind.None, 1f, default);
        }

        bool cutMix = MixupAlpha == 0 || (CutMixEnabled && random.NextBoolean(SwitchProbability));
        if (cutMix)
        {
            CutBox box = _cutMix.DrawBox(size, ref random);
            return (MixKind.Paste, MixDraws.CorrectedLambda(box, size), box);
        }

        return (MixKind.Blend, (float)random.NextBeta(MixupAlpha, MixupAlpha), default);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"MixupOrCutMix(mixupAlpha={MixupAlpha}, cutMixAlpha={CutMixAlpha}, switchProbability={SwitchProbability}, probability={Probability}, mode={Mode}, partners={Partners}, cutMixMinRatio={_cutMix.MinRatio}, cutMixMaxRatio={_cutMix.MaxRatio})";
}
