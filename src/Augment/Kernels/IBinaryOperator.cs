using System.Runtime.Intrinsics;

namespace Augment.Kernels;

/// <summary>A pointwise operation on pairs of floats, at every vector width; see <see cref="IUnaryOperator"/>.</summary>
internal interface IBinaryOperator
{
    /// <summary>Computes one element.</summary>
    float Invoke(float x, float y);

    /// <summary>Computes four elements.</summary>
    Vector128<float> Invoke(Vector128<float> x, Vector128<float> y);

    /// <summary>Computes eight elements.</summary>
    Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);

    /// <summary>Computes sixteen elements.</summary>
    Vector512<float> Invoke(Vector512<float> x, Vector512<float> y);
}
