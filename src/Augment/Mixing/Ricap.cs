using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels.Mixing;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>
/// RICAP, random image cropping and patching (Takahashi et al. 2018): per batch, a boundary
/// <c>w = round(W · Beta(β, β))</c>, <c>h = round(H · Beta(β, β))</c> splits each output image into four patches;
/// patch k comes from its own random permutation of the batch, cut at a uniformly random offset; the soft targets
/// are the patches' targets weighted by patch area.
/// </summary>
public sealed class Ricap : BatchTransform<RicapParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="beta">β of Beta(β, β), positive (the paper's 0.3).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive and finite.</exception>
    public Ricap(double beta = 0.3)
    {
        Beta = BetaSampler.ValidateShape(beta, nameof(beta));
    }

    /// <summary>β of Beta(β, β).</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public override void Draw(int batchSize, ImageSize size, ref RandomSource random, RicapParams destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(batchSize);
        destination.BoundaryWidth = (int)Math.Round(size.Width * random.NextBeta(Beta, Beta));
        destination.BoundaryHeight = (int)Math.Round(size.Height * random.NextBeta(Beta, Beta));
        for (int k = 0; k < RicapParams.PatchCount; k++)
        {
            random.Shuffle(destination.Sources(k));
            (int h, int w) = destination.PatchSize(k, size.Height, size.Width);
            destination.OffsetX[k] = random.NextInt32(0, size.Width - w);
            destination.OffsetY[k] = random.NextInt32(0, size.Height - h);
        }
    }

    /// <inheritdoc />
    public override void Apply(ImageBatch batch, RicapParams parameters) => MixKernels.Ricap(batch, parameters);
}
