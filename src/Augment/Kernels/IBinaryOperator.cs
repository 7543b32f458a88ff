using Augment.Kernels.Lanes;

namespace Augment.Kernels;

/// <summary>A pointwise operation on pairs of floats, written once for every lane width; see <see cref="IUnaryOperator"/>.</summary>
internal interface IBinaryOperator
{
    /// <summary>Computes <c>TLane.Count</c> elements.</summary>
    TLane Invoke<TLane>(TLane x, TLane y)
        where TLane : struct, ILane<TLane>;
}
