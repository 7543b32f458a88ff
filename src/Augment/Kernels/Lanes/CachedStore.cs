using System.Runtime.CompilerServices;

namespace Augment.Kernels.Lanes;

/// <summary>Ordinary stores (<see cref="ILane{TSelf}.Store"/>), for bodies run by <see cref="LaneLoop.Run"/>.</summary>
internal readonly struct CachedStore : ILaneStore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TLane>(TLane value, ref float destination, nuint index)
        where TLane : struct, ILane<TLane> => TLane.Store(value, ref destination, index);
}
