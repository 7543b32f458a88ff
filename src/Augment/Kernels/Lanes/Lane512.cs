using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels.Lanes;

/// <summary>Sixteen float lanes in one <see cref="Vector512{T}"/>.</summary>
internal readonly struct Lane512 : ILane<Lane512>
{
    private readonly Vector512<float> _v;

    private Lane512(Vector512<float> v) => _v = v;

    public static int Count => Vector512<float>.Count;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    public static Lane512 Zero => default;

    public static Lane512 One => new(Vector512<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 CreateBits(uint bits) => new(Vector512.Create(bits).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Load(ref float source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane512 value, ref float destination, nuint index) => value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Lane512 value, ref float destination, nuint index) =>
        value._v.StoreAlignedNonTemporal((float*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 LoadWidened(ref byte source)
    {
        Vector128<byte> bytes = Vector128.LoadUnsafe(ref source);
        if (Avx512F.IsSupported)
        {
            return new(Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(bytes)));
        }

        (Vector128<ushort> lower, Vector128<ushort> upper) = Vector128.Widen(bytes);
        return new(Vector512.Create(
            Vector256.Create(Vector128.ConvertToSingle(Vector128.WidenLower(lower).AsInt32()), Vector128.ConvertToSingle(Vector128.WidenUpper(lower).AsInt32())),
            Vector256.Create(Vector128.ConvertToSingle(Vector128.WidenLower(upper).AsInt32()), Vector128.ConvertToSingle(Vector128.WidenUpper(upper).AsInt32()))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader => new(TReader.Load512(ref pixel).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePixels<TWriter>(Lane512 words, ref byte pixel)
        where TWriter : struct, IPixelWriter => TWriter.Store512(words._v.AsUInt32(), ref pixel);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 FusedMultiplyAdd(Lane512 a, Lane512 b, Lane512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 MultiplyAddEstimate(Lane512 a, Lane512 b, Lane512 c) => new(Vector512.MultiplyAddEstimate(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 MinNative(Lane512 x, Lane512 y) => new(Vector512.MinNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 MaxNative(Lane512 x, Lane512 y) => new(Vector512.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ClampUnit(Lane512 x) => new(Vector512.Clamp(x._v, Vector512<float>.Zero, Vector512<float>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ClampNative(Lane512 x, Lane512 min, Lane512 max) => new(Vector512.ClampNative(x._v, min._v, max._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 CompareEqual(Lane512 x, Lane512 y) => new(Vector512.Equals(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 CompareLessThan(Lane512 x, Lane512 y) => new(Vector512.LessThan(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 CompareGreaterThanOrEqual(Lane512 x, Lane512 y) => new(Vector512.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ConditionalSelect(Lane512 mask, Lane512 x, Lane512 y) => new(Vector512.ConditionalSelect(mask._v, x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Truncate(Lane512 x) => new(Vector512.Truncate(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Floor(Lane512 x) => new(Vector512.Floor(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Round(Lane512 x) => new(Vector512.Round(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ConvertToInt32(Lane512 x) => new(Vector512.ConvertToInt32(x._v).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ConvertToSingle(Lane512 x) => new(Vector512.ConvertToSingle(x._v.AsInt32()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ShiftLeft(Lane512 x, int count) => new(Vector512.ShiftLeft(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 ShiftRightLogical(Lane512 x, int count) => new(Vector512.ShiftRightLogical(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Reverse(Lane512 x) => new(Vector512.Shuffle(x._v, Vector512.Create(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator +(Lane512 x, Lane512 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator -(Lane512 x, Lane512 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator *(Lane512 x, Lane512 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator /(Lane512 x, Lane512 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator -(Lane512 x) => new(-x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator &(Lane512 x, Lane512 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator |(Lane512 x, Lane512 y) => new(x._v | y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator ^(Lane512 x, Lane512 y) => new(x._v ^ y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator ~(Lane512 x) => new(~x._v);
}
