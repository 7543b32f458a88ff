namespace Augment.Kernels.Lanes;

/// <summary>
/// How a loop body writes its lanes: through the caches (<see cref="CachedStore"/>) or around them
/// (<see cref="StreamingStore"/>), so that one body serves both.
/// </summary>
internal interface ILaneStore
{
    /// <summary>Stores <paramref name="value"/> at <c>destination[index]</c>.</summary>
    static abstract void Store<TLane>(TLane value, ref float destination, nuint index)
        where TLane : struct, ILane<TLane>;
}
