using System.Runtime.Intrinsics;

namespace Augment.Kernels.Color;

/// <summary>
/// A per-pixel operation on the three planes of an RGB image, at every vector width: it reads the red, green and
/// blue values of the same pixels and overwrites them. Implementations are small readonly structs whose fields hold
/// the operation's scalars; <see cref="RgbPointwise"/> runs them, so an operation never contains a loop.
/// </summary>
internal interface IRgbOperator
{
    /// <summary>Transforms one pixel.</summary>
    void Invoke(ref float r, ref float g, ref float b);

    /// <summary>Transforms four pixels.</summary>
    void Invoke(ref Vector128<float> r, ref Vector128<float> g, ref Vector128<float> b);

    /// <summary>Transforms eight pixels.</summary>
    void Invoke(ref Vector256<float> r, ref Vector256<float> g, ref Vector256<float> b);

    /// <summary>Transforms sixteen pixels.</summary>
    void Invoke(ref Vector512<float> r, ref Vector512<float> g, ref Vector512<float> b);
}
