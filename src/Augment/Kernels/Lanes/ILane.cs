using System.Numerics;
using System.Runtime.CompilerServices;

namespace Augment.Kernels.Lanes;

/// <summary>
/// A register of float lanes: the unit every SIMD loop of the library computes in. Loops (<see cref="LaneLoop"/>) and
/// operators (<see cref="IUnaryOperator"/>, <see cref="IBinaryOperator"/>, <see cref="Color.IRgbOperator"/>) are
/// written once against this interface and specialised by the JIT for each implementation: <see cref="Lane512"/>,
/// <see cref="Lane256"/>, <see cref="Lane128"/> and the one-lane <see cref="ScalarLane"/> (the software path and the
/// last few elements); the resampler (<see cref="Geometry.ResamplePasses"/>) also runs eight lanes as
/// <see cref="Lane128x2"/> where only 128-bit vectors are accelerated. The lanes hold 32-bit values read as floats by the arithmetic and as raw bits by the bitwise
/// operators, shifts and integer conversions.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILane<TSelf> :
    IAdditionOperators<TSelf, TSelf, TSelf>,
    ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>,
    IDivisionOperators<TSelf, TSelf, TSelf>,
    IUnaryNegationOperators<TSelf, TSelf>,
    IBitwiseOperators<TSelf, TSelf, TSelf>
    where TSelf : struct, ILane<TSelf>
{
    /// <summary>The number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs in hardware here (always true for the scalar lane).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>All lanes 0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes 1.</summary>
    static abstract TSelf One { get; }

    /// <summary>Broadcasts <paramref name="value"/> to every lane.</summary>
    static abstract TSelf Create(float value);

    /// <summary>Broadcasts the 32 bits <paramref name="bits"/> to every lane.</summary>
    static abstract TSelf CreateBits(uint bits);

    /// <summary>Loads <see cref="Count"/> consecutive floats starting at <c>source[index]</c>.</summary>
    static abstract TSelf Load(ref float source, nuint index);

    /// <summary>Stores the lanes to <see cref="Count"/> consecutive floats starting at <c>destination[index]</c>.</summary>
    static abstract void Store(TSelf value, ref float destination, nuint index);

    /// <summary>
    /// Stores like <see cref="Store"/>, bypassing the caches where the platform can (streaming stores, for large
    /// outputs that are not read again soon; see <see cref="LaneLoop.RunStreaming"/>, which gives them whole cache
    /// lines only). <c>destination[index]</c> must be pinned and aligned to <see cref="Count"/> floats; the writer
    /// issues a store fence before other threads read the memory.
    /// </summary>
    static abstract unsafe void StoreNonTemporal(TSelf value, ref float destination, nuint index);

    /// <summary>Loads <see cref="Count"/> consecutive bytes, widened to floats (no scaling).</summary>
    static abstract TSelf LoadWidened(ref byte source);

    /// <summary>Reads <see cref="Count"/> pixels as packed 32-bit words (see <see cref="IPixelReader"/>).</summary>
    static abstract TSelf LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader;

    /// <summary>Writes the lanes' packed 32-bit words as <see cref="Count"/> pixels (see <see cref="IPixelWriter"/>).</summary>
    static abstract void StorePixels<TWriter>(TSelf words, ref byte pixel)
        where TWriter : struct, IPixelWriter;

    /// <summary>Returns <c>a * b + c</c>, rounded once.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>Returns <c>a * b + c</c>, fused where the hardware has FMA, else rounded twice.</summary>
    static abstract TSelf MultiplyAddEstimate(TSelf a, TSelf b, TSelf c);

    /// <summary>Returns <c>accumulator + x * y</c> lane-wise, with <paramref name="y"/> broadcast (<see cref="MultiplyAddEstimate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TSelf MultiplyAdd(TSelf accumulator, TSelf x, float y) => TSelf.MultiplyAddEstimate(x, TSelf.Create(y), accumulator);

    /// <summary>Returns <c>x * scale + offset</c> lane-wise (<see cref="MultiplyAddEstimate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TSelf Affine(TSelf x, float scale, float offset) => TSelf.MultiplyAddEstimate(x, TSelf.Create(scale), TSelf.Create(offset));

    /// <summary>The lane-wise minimum as the hardware computes it (NaN and -0 handling platform-specific).</summary>
    static abstract TSelf MinNative(TSelf x, TSelf y);

    /// <summary>The lane-wise maximum as the hardware computes it (NaN and -0 handling platform-specific).</summary>
    static abstract TSelf MaxNative(TSelf x, TSelf y);

    /// <summary>
    /// Returns <c>min(max(x, 0), 1)</c> lane-wise (NaN propagates): a clamp to [0, 1] with the bounds
    /// visible to the JIT as constants, which makes the clamp two instructions cheaper.
    /// </summary>
    static abstract TSelf ClampUnit(TSelf x);

    /// <summary>Returns <c>min(max(x, min), max)</c> lane-wise with the hardware's minimum and maximum.</summary>
    static abstract TSelf ClampNative(TSelf x, TSelf min, TSelf max);

    /// <summary>All bits set in the lanes where <c>x == y</c>, none elsewhere.</summary>
    static abstract TSelf CompareEqual(TSelf x, TSelf y);

    /// <summary>All bits set in the lanes where <c>x &lt; y</c>, none elsewhere.</summary>
    static abstract TSelf CompareLessThan(TSelf x, TSelf y);

    /// <summary>All bits set in the lanes where <c>x &gt;= y</c>, none elsewhere.</summary>
    static abstract TSelf CompareGreaterThanOrEqual(TSelf x, TSelf y);

    /// <summary>Takes each bit from <paramref name="x"/> where <paramref name="mask"/> has it set, else from <paramref name="y"/>.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf x, TSelf y);

    /// <summary>Rounds toward zero.</summary>
    static abstract TSelf Truncate(TSelf x);

    /// <summary>Rounds toward negative infinity.</summary>
    static abstract TSelf Floor(TSelf x);

    /// <summary>Rounds to the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf x);

    /// <summary>Converts floats to 32-bit integers (toward zero, saturating, NaN to 0), held as raw bits.</summary>
    static abstract TSelf ConvertToInt32(TSelf x);

    /// <summary>Converts 32-bit integers held as raw bits to floats.</summary>
    static abstract TSelf ConvertToSingle(TSelf x);

    /// <summary>Shifts each lane's bits left by <paramref name="count"/>.</summary>
    static abstract TSelf ShiftLeft(TSelf x, int count);

    /// <summary>Shifts each lane's bits right by <paramref name="count"/>, filling with zeros.</summary>
    static abstract TSelf ShiftRightLogical(TSelf x, int count);

    /// <summary>Reverses the order of the lanes.</summary>
    static abstract TSelf Reverse(TSelf x);
}
