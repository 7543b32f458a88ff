using System.Runtime.Intrinsics;

namespace Augment.Kernels;

/// <summary>
/// A pointwise operation on floats, at every vector width. Implementations are small readonly structs whose
/// fields hold the operation's scalars; <see cref="Pointwise"/> runs them, so an operation never contains a loop.
/// </summary>
internal interface IUnaryOperator
{
    /// <summary>Computes one element.</summary>
    float Invoke(float x);

    /// <summary>Computes four elements.</summary>
    Vector128<float> Invoke(Vector128<float> x);

    /// <summary>Computes eight elements.</summary>
    Vector256<float> Invoke(Vector256<float> x);

    /// <summary>Computes sixteen elements.</summary>
    Vector512<float> Invoke(Vector512<float> x);
}
