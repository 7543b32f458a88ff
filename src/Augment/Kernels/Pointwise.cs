using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Kernels.Lanes;

namespace Augment.Kernels;

/// <summary>
/// The shared loops that run <see cref="IUnaryOperator"/> and <see cref="IBinaryOperator"/> structs through
/// <see cref="LaneLoop"/>. A destination may be one of the inputs (the same start) but may not partly overlap one.
/// </summary>
internal static class Pointwise
{
    /// <summary>Computes <c>destination[i] = op(x[i])</c>. <paramref name="x"/> and <paramref name="destination"/> may be the same span.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or overlaps <paramref name="x"/> at another start.</exception>
    public static void Apply<TOp>(ReadOnlySpan<float> x, Span<float> destination, TOp op)
        where TOp : struct, IUnaryOperator
    {
        LaneLoop.ThrowIfTooShort(destination, x.Length, nameof(destination));
        LaneLoop.ThrowIfPartlyOverlapping(x, destination[..x.Length], nameof(destination));
        LaneLoop.Run(new UnaryBody<TOp> { X = x, Destination = destination, Op = op }, (nuint)x.Length);
    }

    /// <summary>Computes <c>x[i] = op(x[i])</c> in place.</summary>
    public static void ApplyInPlace<TOp>(Span<float> x, TOp op)
        where TOp : struct, IUnaryOperator => Apply(x, x, op);

    /// <summary>
    /// Computes <c>destination[i] = op(x[i], y[i])</c>. <paramref name="destination"/> may be the same span as
    /// <paramref name="x"/> or <paramref name="y"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs differ in length, <paramref name="destination"/> is too short, or it overlaps an input at another start.</exception>
    public static void Apply<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination, TOp op)
        where TOp : struct, IBinaryOperator
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"The inputs differ in length: {x.Length} and {y.Length}.", nameof(y));
        }

        LaneLoop.ThrowIfTooShort(destination, x.Length, nameof(destination));
        LaneLoop.ThrowIfPartlyOverlapping(x, destination[..x.Length], nameof(destination));
        LaneLoop.ThrowIfPartlyOverlapping(y, destination[..x.Length], nameof(destination));
        LaneLoop.Run(new BinaryBody<TOp> { X = x, Y = y, Destination = destination, Op = op }, (nuint)x.Length);
    }

    private ref struct UnaryBody<TOp> : ILaneBody
        where TOp : struct, IUnaryOperator
    {
        public required ReadOnlySpan<float> X;

        public required Span<float> Destination;

        public required TOp Op;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane> =>
            TLane.Store(Op.Invoke(TLane.Load(ref MemoryMarshal.GetReference(X), index)), ref MemoryMarshal.GetReference(Destination), index);
    }

    private ref struct BinaryBody<TOp> : ILaneBody
        where TOp : struct, IBinaryOperator
    {
        public required ReadOnlySpan<float> X;

        public required ReadOnlySpan<float> Y;

        public required Span<float> Destination;

        public required TOp Op;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane> =>
            TLane.Store(
                Op.Invoke(TLane.Load(ref MemoryMarshal.GetReference(X), index), TLane.Load(ref MemoryMarshal.GetReference(Y), index)),
                ref MemoryMarshal.GetReference(Destination),
                index);
    }
}
