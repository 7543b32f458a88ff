using Augment.Batching;
using Augment.Mixing;
using Augment.Randomness;

namespace Augment.Tests.Mixing;

/// <summary>
/// One row per public <see cref="BatchTransform{TParams}"/>: <see cref="BatchTransformContractTests"/> runs every generic
/// check on every row and fails for an exported batch transform without one. A new batch transform adds its row here.
/// </summary>
internal static class BatchTransformRegistry
{
    /// <summary>The rows, keyed by the batch transform's type name; each builds a fresh instance behind <see cref="IBatchCase"/>.</summary>
    public static IReadOnlyDictionary<string, Func<IBatchCase>> Rows { get; } = new Func<IBatchCase>[]
    {
        () => new BatchCase<MixParams>(new Mixup(1.0, MixMode.Sample)),
        () => new BatchCase<MixParams>(new CutMix(mode: MixMode.Sample)),
        () => new BatchCase<MixParams>(new MixupOrCutMix(probability: 0.8, mode: MixMode.Sample)),
        () => new BatchCase<RicapParams>(new Ricap(mode: MixMode.Sample)),
    }.ToDictionary(create => create().Transform.GetType().Name);
}

/// <summary>A batch transform seen without its parameter type.</summary>
internal interface IBatchCase
{
    /// <summary>The batch transform.</summary>
    object Transform { get; }

    /// <summary>Draws and applies through the instance's cached parameters.</summary>
    void Apply(ImageBatch batch, ref RandomSource random);

    /// <summary>Draws into a parameter object of its own, then applies it (the two stateless halves).</summary>
    void DrawThenApply(ImageBatch batch, ref RandomSource random);
}

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
