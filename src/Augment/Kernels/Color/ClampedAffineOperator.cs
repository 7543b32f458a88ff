using System.Runtime.CompilerServices;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Color;

/// <summary>
/// <c>clamp(x * scale + offset, 0, 1)</c> in one pass: torchvision's <c>_blend</c> with a constant second image
/// (brightness: offset 0; contrast: offset <c>(1 - f) * mean</c>). Multiply and add round separately, as in torchvision.
/// </summary>
internal readonly struct ClampedAffineOperator(float scale, float offset) : IUnaryOperator
{
    private readonly float _scale = scale;
    private readonly float _offset = offset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Invoke<TLane>(TLane x)
        where TLane : struct, ILane<TLane> =>
        TLane.ClampUnit((x * TLane.Create(_scale)) + TLane.Create(_offset));
}
