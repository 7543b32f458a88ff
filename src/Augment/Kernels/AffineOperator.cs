using System.Runtime.Intrinsics;

namespace Augment.Kernels;

/// <summary><c>x * scale + offset</c>: normalization (scale = 1/std, offset = -mean/std) and channel shifts (scale = 1).</summary>
internal readonly struct AffineOperator(float scale, float offset) : IUnaryOperator
{
    private readonly float _scale = scale;
    private readonly float _offset = offset;

    public float Invoke(float x) => MathF.FusedMultiplyAdd(x, _scale, _offset);

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.FusedMultiplyAdd(x, Vector128.Create(_scale), Vector128.Create(_offset));

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.FusedMultiplyAdd(x, Vector256.Create(_scale), Vector256.Create(_offset));

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.FusedMultiplyAdd(x, Vector512.Create(_scale), Vector512.Create(_offset));
}
