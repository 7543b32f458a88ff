using System.Runtime.CompilerServices;

namespace Augment.Kernels.Lanes;

/// <summary>
/// Streaming stores (<see cref="ILane{TSelf}.StoreNonTemporal"/>), for the whole-line part of <see cref="LaneLoop.RunStreaming"/>
/// over pinned memory.
/// </summary>
internal readonly struct StreamingStore : ILaneStore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TLane>(TLane value, ref float destination, nuint index)
        where TLane : struct, ILane<TLane> => TLane.StoreNonTemporal(value, ref destination, index);
}
