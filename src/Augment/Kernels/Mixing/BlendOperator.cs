using System.Runtime.Intrinsics;

namespace Augment.Kernels.Mixing;

/// <summary><c>λ · x + (1 - λ) · y</c>, as <c>fma(x, λ, (1 - λ) · y)</c>: mixup of images and of soft targets.</summary>
internal readonly struct BlendOperator(float lambda) : IBinaryOperator
{
    private readonly float _lambda = lambda;
    private readonly float _complement = 1f - lambda;

    public float Invoke(float x, float y) => MathF.FusedMultiplyAdd(x, _lambda, y * _complement);

    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) =>
        Vector128.FusedMultiplyAdd(x, Vector128.Create(_lambda), y * Vector128.Create(_complement));

    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) =>
        Vector256.FusedMultiplyAdd(x, Vector256.Create(_lambda), y * Vector256.Create(_complement));

    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) =>
        Vector512.FusedMultiplyAdd(x, Vector512.Create(_lambda), y * Vector512.Create(_complement));
}
