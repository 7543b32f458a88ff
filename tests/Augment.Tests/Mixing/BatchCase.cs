using Augment.Batching;
using Augment.Mixing;
using Augment.Randomness;

namespace Augment.Tests.Mixing;

/// <summary>The <see cref="IBatchCase"/> of a <see cref="BatchTransform{TParams}"/>.</summary>
internal sealed class BatchCase<TParams>(BatchTransform<TParams> transform) : IBatchCase
    where TParams : class, new()
{
    public object Transform => transform;

    public void Apply(ImageBatch batch, ref RandomSource random) => transform.Apply(batch, ref random);

    public void DrawThenApply(ImageBatch batch, ref RandomSource random)
    {
        var parameters = new TParams();
        transform.Draw(batch.Count, batch.Size, ref random, parameters);
        transform.Apply(batch, parameters);
    }
}
