using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels.Mixing;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>
/// RICAP, random image cropping and patching (Takahashi et al. 2018): a boundary
/// <c>w = round(W · Beta(β, β))</c>, <c>h = round(H · Beta(β, β))</c> splits each output image into four patches;
/// patch k comes from its own random permutation of the batch, cut at a uniformly random offset; the soft targets
/// are the patches' targets weighted by patch area. The boundary and offsets are drawn once per batch (the paper)
/// or once per sample (<see cref="MixMode"/>); the four permutations are always per batch.
/// </summary>
public sealed class Ricap : BatchTransform<RicapParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="beta">β of Beta(β, β), positive (the paper's 0.3).</param>
    /// <param name="mode">Whether the boundary and offsets are drawn per batch or per sample.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive and finite, or <paramref name="mode"/> is undefined.</exception>
    public Ricap(double beta = 0.3, MixMode mode = MixMode.Batch)
    {
        Beta = BetaSampler.ValidateShape(beta, nameof(beta));
        Mode = MixDraws.ValidateEnum(mode, nameof(mode));
    }

    /// <summary>β of Beta(β, β).</summary>
    public double Beta { get; }

    /// <summary>Whether the boundary and offsets are drawn per batch or per sample.</summary>
    public MixMode Mode { get; }

    /// <inheritdoc />
    public override void Draw(int batchSize, ImageSize size, ref RandomSource random, RicapParams destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(batchSize);
        ulong key = Mode == MixMode.Sample ? MixDraws.SampleKey(ref random) : 0;
        for (int k = 0; k < RicapParams.PatchCount; k++)
        {
            random.Shuffle(destination.Sources(k));
        }

        if (Mode == MixMode.Batch)
        {
            DrawGeometry(destination, 0, size, ref random);
            destination.SetBoundary(destination.BoundaryWidths[0], destination.BoundaryHeights[0]);
            for (int k = 0; k < RicapParams.PatchCount; k++)
            {
                destination.SetOffset(k, destination.OffsetsX(k)[0], destination.OffsetsY(k)[0]);
            }

            return;
        }

        for (int i = 0; i < batchSize; i++)
        {
            RandomSource sample = MixDraws.ForSample(key, i);
            DrawGeometry(destination, i, size, ref sample);
        }
    }

    /// <inheritdoc />
    public override void Apply(ImageBatch batch, RicapParams parameters) => MixKernels.Ricap(batch, parameters);

    private void DrawGeometry(RicapParams destination, int sample, ImageSize size, ref RandomSource random)
    {
        destination.BoundaryWidths[sample] = (int)Math.Round(size.Width * random.NextBeta(Beta, Beta));
        destination.BoundaryHeights[sample] = (int)Math.Round(size.Height * random.NextBeta(Beta, Beta));
        for (int k = 0; k < RicapParams.PatchCount; k++)
        {
            (int h, int w) = destination.PatchSize(sample, k, size.Height, size.Width);
            destination.OffsetsX(k)[sample] = random.NextInt32(0, size.Width - w);
            destination.OffsetsY(k)[sample] = random.NextInt32(0, size.Height - h);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Ricap(beta={Beta}, mode={Mode})";
}
