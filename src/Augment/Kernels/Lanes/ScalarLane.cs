using System.Runtime.CompilerServices;

namespace Augment.Kernels.Lanes;

/// <summary>
/// One float lane: the software path when SIMD is off, and the last elements after the vector blocks. It computes
/// exactly what one lane of the vector widths computes (masks are all-ones bit patterns, as in a vector register).
/// </summary>
internal readonly struct ScalarLane : ILane<ScalarLane>
{
    private readonly float _v;

    private ScalarLane(float v) => _v = v;

    public static int Count => 1;

    public static bool IsHardwareAccelerated => true;

    public static ScalarLane Zero => default;

    public static ScalarLane One => new(1f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Create(float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane CreateBits(uint bits) => FromBits(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ref float source, nuint index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, ref float destination, nuint index) => Unsafe.Add(ref destination, index) = value._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNonTemporal(ScalarLane value, ref float destination, nuint index) => Store(value, ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane LoadWidened(ref byte source) => new(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader => FromBits(TReader.Load(ref pixel));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePixels<TWriter>(ScalarLane words, ref byte pixel)
        where TWriter : struct, IPixelWriter => TWriter.Store(words.Bits, ref pixel);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane FusedMultiplyAdd(ScalarLane a, ScalarLane b, ScalarLane c) => new(MathF.FusedMultiplyAdd(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane MultiplyAddEstimate(ScalarLane a, ScalarLane b, ScalarLane c) => new(float.MultiplyAddEstimate(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane MinNative(ScalarLane x, ScalarLane y) => new(float.MinNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane MaxNative(ScalarLane x, ScalarLane y) => new(float.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ClampUnit(ScalarLane x) => new(MathF.Min(MathF.Max(x._v, 0f), 1f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ClampNative(ScalarLane x, ScalarLane min, ScalarLane max) => MinNative(MaxNative(x, min), max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane CompareEqual(ScalarLane x, ScalarLane y) => Mask(x._v == y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane CompareLessThan(ScalarLane x, ScalarLane y) => Mask(x._v < y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane CompareGreaterThanOrEqual(ScalarLane x, ScalarLane y) => Mask(x._v >= y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ConditionalSelect(ScalarLane mask, ScalarLane x, ScalarLane y) => (mask & x) | (~mask & y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Truncate(ScalarLane x) => new(MathF.Truncate(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Floor(ScalarLane x) => new(MathF.Floor(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Round(ScalarLane x) => new(MathF.Round(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ConvertToInt32(ScalarLane x) => FromBits((uint)(int)x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ConvertToSingle(ScalarLane x) => new((int)x.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ShiftLeft(ScalarLane x, int count) => FromBits(x.Bits << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane ShiftRightLogical(ScalarLane x, int count) => FromBits(x.Bits >> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Reverse(ScalarLane x) => x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane x, ScalarLane y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane x, ScalarLane y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane x, ScalarLane y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane x, ScalarLane y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane x) => new(-x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator &(ScalarLane x, ScalarLane y) => FromBits(x.Bits & y.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator |(ScalarLane x, ScalarLane y) => FromBits(x.Bits | y.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator ^(ScalarLane x, ScalarLane y) => FromBits(x.Bits ^ y.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator ~(ScalarLane x) => FromBits(~x.Bits);

    private uint Bits => BitConverter.SingleToUInt32Bits(_v);

    private static ScalarLane FromBits(uint bits) => new(BitConverter.UInt32BitsToSingle(bits));

    private static ScalarLane Mask(bool condition) => FromBits(condition ? uint.MaxValue : 0u);
}
