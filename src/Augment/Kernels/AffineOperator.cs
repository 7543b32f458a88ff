using System.Runtime.CompilerServices;
using Augment.Kernels.Lanes;

namespace Augment.Kernels;

/// <summary><c>x * scale + offset</c>: normalization (scale = 1/std, offset = -mean/std) and channel shifts (scale = 1).</summary>
internal readonly struct AffineOperator(float scale, float offset) : IUnaryOperator
{
    private readonly float _scale = scale;
    private readonly float _offset = offset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Invoke<TLane>(TLane x)
        where TLane : struct, ILane<TLane> => TLane.FusedMultiplyAdd(x, TLane.Create(_scale), TLane.Create(_offset));
}
