using Augment.Kernels.Lanes;

namespace Augment.Kernels;

/// <summary>
/// A pointwise operation on floats, written once for every lane width. Implementations are small readonly structs
/// whose fields hold the operation's scalars; <see cref="Pointwise"/> runs them, so an operation never contains a loop.
/// </summary>
internal interface IUnaryOperator
{
    /// <summary>Computes <c>TLane.Count</c> elements.</summary>
    TLane Invoke<TLane>(TLane x)
        where TLane : struct, ILane<TLane>;
}
