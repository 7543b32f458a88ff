using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augment.Kernels.Lanes;

/// <summary>
/// The one SIMD loop skeleton: runs an <see cref="ILaneBody"/> over <c>[0, length)</c> in blocks of the widest
/// accelerated width (512 or 256 bits, or two 128-bit vectors), then at most one block of each narrower width, then at
/// most three scalar steps. Every element is read and written by exactly one step, so in-place bodies stay correct. Also holds the
/// argument checks the loops share, TensorPrimitives' rules included: a destination may be its source, starting at
/// the same element, but may not overlap it anywhere else.
/// </summary>
internal static class LaneLoop
{
    /// <summary>Runs <paramref name="body"/> over every index in <c>[0, length)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TBody>(TBody body, nuint length)
        where TBody : ILaneBody, allows ref struct
    {
        nuint index = Blocks<Lane512, TBody>(ref body, 0, length);
        index = Blocks<Lane256, TBody>(ref body, index, length);
        index = Blocks<Lane128x2, TBody>(ref body, index, length);
        index = Blocks<Lane128, TBody>(ref body, index, length);
        Blocks<ScalarLane, TBody>(ref body, index, length);
    }

    /// <summary>
    /// Runs <paramref name="body"/> over every index in <c>[0, length)</c> like <see cref="Run"/>, for bodies that
    /// store with <see cref="ILane{TSelf}.StoreNonTemporal"/> into <paramref name="destination"/>: scalar steps
    /// first, until <c>destination[index]</c> is aligned to the widest accelerated lane, so that every vector store
    /// is aligned. <paramref name="destination"/> must be pinned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void RunAligned<TBody>(TBody body, ref float destination, nuint length)
        where TBody : ILaneBody, allows ref struct
    {
        nuint widest = (nuint)(Lane512.IsHardwareAccelerated ? Lane512.Count
            : Lane256.IsHardwareAccelerated ? Lane256.Count
            : Lane128x2.IsHardwareAccelerated ? Lane128x2.Count
            : ScalarLane.Count);
        nuint misaligned = ((nuint)Unsafe.AsPointer(ref destination) / sizeof(float)) % widest;
        nuint index = Blocks<ScalarLane, TBody>(ref body, 0, Math.Min((widest - misaligned) % widest, length));
        index = Blocks<Lane512, TBody>(ref body, index, length);
        index = Blocks<Lane256, TBody>(ref body, index, length);
        index = Blocks<Lane128x2, TBody>(ref body, index, length);
        index = Blocks<Lane128, TBody>(ref body, index, length);
        Blocks<ScalarLane, TBody>(ref body, index, length);
    }

    /// <summary>Throws unless <paramref name="destination"/> holds at least <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfTooShort<T>(Span<T> destination, int length, string paramName)
    {
        if (destination.Length < length)
        {
            ThrowTooShort(destination.Length, length, paramName);
        }
    }

    /// <summary>
    /// Throws if <paramref name="output"/> overlaps <paramref name="input"/> without starting at the same element
    /// (the loops would read values they already overwrote).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfPartlyOverlapping<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> output, string paramName)
    {
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(output))
            && input.Overlaps(output, out int offset))
        {
            ThrowOverlapping(offset, paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowTooShort(int destinationLength, int length, string paramName) =>
        throw new ArgumentException($"The destination holds {destinationLength} elements, the source {length}.", paramName);

    [DoesNotReturn]
    private static void ThrowOverlapping(int offset, string paramName) =>
        throw new ArgumentException(
            $"The spans overlap with an offset of {offset} elements; write either in place (the same start) or to separate memory.",
            paramName);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Blocks<TLane, TBody>(scoped ref TBody body, nuint index, nuint length)
        where TLane : struct, ILane<TLane>
        where TBody : ILaneBody, allows ref struct
    {
        if (TLane.IsHardwareAccelerated)
        {
            // A canonical counted loop (the JIT hoists the operator's broadcasts out of it).
            nuint end = length - ((length - index) % (nuint)TLane.Count);
            for (; index < end; index += (nuint)TLane.Count)
            {
                body.Step<TLane>(index);
            }
        }

        return index;
    }
}
