using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels.Lanes;

/// <summary>Eight float lanes in one <see cref="Vector256{T}"/>.</summary>
internal readonly struct Lane256 : ILane<Lane256>
{
    private readonly Vector256<float> _v;

    private Lane256(Vector256<float> v) => _v = v;

    public static int Count => Vector256<float>.Count;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static Lane256 Zero => default;

    public static Lane256 One => new(Vector256<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Create(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 CreateBits(uint bits) => new(Vector256.Create(bits).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Load(ref float source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane256 value, ref float destination, nuint index) => value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Lane256 value, ref float destination, nuint index) =>
        value._v.StoreAlignedNonTemporal((float*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 LoadWidened(ref byte source)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte();
        if (Avx2.IsSupported)
        {
            return new(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes)));
        }

        Vector128<ushort> words = Vector128.WidenLower(bytes);
        return new(Vector256.Create(
            Vector128.ConvertToSingle(Vector128.WidenLower(words).AsInt32()),
            Vector128.ConvertToSingle(Vector128.WidenUpper(words).AsInt32())));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader => new(TReader.Load256(ref pixel).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePixels<TWriter>(Lane256 words, ref byte pixel)
        where TWriter : struct, IPixelWriter => TWriter.Store256(words._v.AsUInt32(), ref pixel);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 FusedMultiplyAdd(Lane256 a, Lane256 b, Lane256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 MultiplyAddEstimate(Lane256 a, Lane256 b, Lane256 c) => new(Vector256.MultiplyAddEstimate(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 MinNative(Lane256 x, Lane256 y) => new(Vector256.MinNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 MaxNative(Lane256 x, Lane256 y) => new(Vector256.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ClampUnit(Lane256 x) => new(Vector256.Clamp(x._v, Vector256<float>.Zero, Vector256<float>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ClampNative(Lane256 x, Lane256 min, Lane256 max) => new(Vector256.ClampNative(x._v, min._v, max._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 CompareEqual(Lane256 x, Lane256 y) => new(Vector256.Equals(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 CompareLessThan(Lane256 x, Lane256 y) => new(Vector256.LessThan(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 CompareGreaterThanOrEqual(Lane256 x, Lane256 y) => new(Vector256.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ConditionalSelect(Lane256 mask, Lane256 x, Lane256 y) => new(Vector256.ConditionalSelect(mask._v, x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Truncate(Lane256 x) => new(Vector256.Truncate(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Floor(Lane256 x) => new(Vector256.Floor(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Round(Lane256 x) => new(Vector256.Round(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ConvertToInt32(Lane256 x) => new(Vector256.ConvertToInt32(x._v).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ConvertToSingle(Lane256 x) => new(Vector256.ConvertToSingle(x._v.AsInt32()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ShiftLeft(Lane256 x, int count) => new(Vector256.ShiftLeft(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 ShiftRightLogical(Lane256 x, int count) => new(Vector256.ShiftRightLogical(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Reverse(Lane256 x) => new(Vector256.Shuffle(x._v, Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator +(Lane256 x, Lane256 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator -(Lane256 x, Lane256 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator *(Lane256 x, Lane256 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator /(Lane256 x, Lane256 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator -(Lane256 x) => new(-x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator &(Lane256 x, Lane256 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator |(Lane256 x, Lane256 y) => new(x._v | y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator ^(Lane256 x, Lane256 y) => new(x._v ^ y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator ~(Lane256 x) => new(~x._v);
}
