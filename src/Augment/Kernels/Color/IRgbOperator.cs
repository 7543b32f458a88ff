using Augment.Kernels.Lanes;

namespace Augment.Kernels.Color;

/// <summary>
/// A per-pixel operation on the three planes of an RGB image, written once for every lane width: it reads the red,
/// green and blue values of the same pixels and overwrites them. Implementations are small readonly structs whose
/// fields hold the operation's scalars; <see cref="RgbPointwise"/> runs them, so an operation never contains a loop.
/// </summary>
internal interface IRgbOperator
{
    /// <summary>Transforms <c>TLane.Count</c> pixels.</summary>
    void Invoke<TLane>(ref TLane r, ref TLane g, ref TLane b)
        where TLane : struct, ILane<TLane>;
}
