using System.Runtime.CompilerServices;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Mixing;

/// <summary><c>λ · x + (1 - λ) · y</c>, as <c>fma(x, λ, (1 - λ) · y)</c>: mixup of images and of soft targets.</summary>
internal readonly struct BlendOperator(float lambda) : IBinaryOperator
{
    private readonly float _lambda = lambda;
    private readonly float _complement = 1f - lambda;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Invoke<TLane>(TLane x, TLane y)
        where TLane : struct, ILane<TLane> =>
        TLane.FusedMultiplyAdd(x, TLane.Create(_lambda), y * TLane.Create(_complement));
}
