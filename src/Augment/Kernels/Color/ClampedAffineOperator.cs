using System.Runtime.Intrinsics;

namespace Augment.Kernels.Color;

/// <summary>
/// <c>clamp(x * scale + offset, 0, 1)</c> in one pass: torchvision's <c>_blend</c> with a constant second image
/// (brightness: offset 0; contrast: offset <c>(1 - f) * mean</c>). Multiply and add round separately, as in torchvision.
/// </summary>
internal readonly struct ClampedAffineOperator(float scale, float offset) : IUnaryOperator
{
    private readonly float _scale = scale;
    private readonly float _offset = offset;

    public float Invoke(float x) => Math.Clamp((x * _scale) + _offset, 0f, 1f);

    public Vector128<float> Invoke(Vector128<float> x) =>
        Vector128.Clamp((x * _scale) + Vector128.Create(_offset), Vector128<float>.Zero, Vector128<float>.One);

    public Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.Clamp((x * _scale) + Vector256.Create(_offset), Vector256<float>.Zero, Vector256<float>.One);

    public Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.Clamp((x * _scale) + Vector512.Create(_offset), Vector512<float>.Zero, Vector512<float>.One);
}
