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
