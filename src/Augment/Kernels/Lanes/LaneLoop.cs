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
        where TBody : ILaneBody, allows ref struct => RunFrom(ref body, 0, length);

    /// <summary>The floats in one 64-byte cache line.</summary>
    public const int LineFloats = 64 / sizeof(float);

    /// <summary>
    /// Runs a loop whose stores into <paramref name="destination"/> should bypass the caches: <paramref name="streaming"/>
    /// (a body storing with <see cref="ILane{TSelf}.StoreNonTemporal"/>) over the whole 64-byte lines of
    /// <paramref name="destination"/>, and <paramref name="cached"/> (the same body with ordinary stores) over the
    /// partial lines at either end. A line is never written partly by streaming stores: the processor would have to
    /// merge it with memory, which costs more than the streaming saves. <paramref name="destination"/> must be pinned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void RunStreaming<TCached, TStreaming>(TCached cached, TStreaming streaming, ref float destination, nuint length)
        where TCached : ILaneBody, allows ref struct
        where TStreaming : ILaneBody, allows ref struct
    {
        nuint misaligned = ((nuint)Unsafe.AsPointer(ref destination) / sizeof(float)) % LineFloats;
        nuint first = Math.Min((LineFloats - misaligned) % LineFloats, length);
        nuint end = first + ((length - first) / LineFloats * LineFloats);
        RunFrom(ref cached, 0, first);
        RunFrom(ref streaming, first, end);
        RunFrom(ref cached, end, length);
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

    /// <summary>Runs <paramref name="body"/> over <c>[index, length)</c>: blocks of the widest width, then narrower ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunFrom<TBody>(scoped ref TBody body, nuint index, nuint length)
        where TBody : ILaneBody, allows ref struct
    {
        index = Blocks<Lane512, TBody>(ref body, index, length);
        index = Blocks<Lane256, TBody>(ref body, index, length);
        index = Blocks<Lane128x2, TBody>(ref body, index, length);
        index = Blocks<Lane128, TBody>(ref body, index, length);
        Blocks<ScalarLane, TBody>(ref body, index, length);
    }

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
