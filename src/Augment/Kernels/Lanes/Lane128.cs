using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Augment.Kernels.Lanes;

/// <summary>Four float lanes in one <see cref="Vector128{T}"/>.</summary>
internal readonly struct Lane128 : ILane<Lane128>
{
    private readonly Vector128<float> _v;

    private Lane128(Vector128<float> v) => _v = v;

    public static int Count => Vector128<float>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static Lane128 Zero => default;

    public static Lane128 One => new(Vector128<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Create(float value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 CreateBits(uint bits) => new(Vector128.Create(bits).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Load(ref float source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane128 value, ref float destination, nuint index) => value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Lane128 value, ref float destination, nuint index) =>
        value._v.StoreAlignedNonTemporal((float*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 LoadWidened(ref byte source) =>
        new(Vector128.ConvertToSingle(Vector128.WidenLower(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref source)).AsByte())).AsInt32()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader => new(TReader.Load128(ref pixel).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePixels<TWriter>(Lane128 words, ref byte pixel)
        where TWriter : struct, IPixelWriter => TWriter.Store128(words._v.AsUInt32(), ref pixel);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 FusedMultiplyAdd(Lane128 a, Lane128 b, Lane128 c) => new(Vector128.FusedMultiplyAdd(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 MultiplyAddEstimate(Lane128 a, Lane128 b, Lane128 c) => new(Vector128.MultiplyAddEstimate(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 MinNative(Lane128 x, Lane128 y) => new(Vector128.MinNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 MaxNative(Lane128 x, Lane128 y) => new(Vector128.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ClampUnit(Lane128 x) => new(Vector128.Clamp(x._v, Vector128<float>.Zero, Vector128<float>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ClampNative(Lane128 x, Lane128 min, Lane128 max) => new(Vector128.ClampNative(x._v, min._v, max._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 CompareEqual(Lane128 x, Lane128 y) => new(Vector128.Equals(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 CompareLessThan(Lane128 x, Lane128 y) => new(Vector128.LessThan(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 CompareGreaterThanOrEqual(Lane128 x, Lane128 y) => new(Vector128.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ConditionalSelect(Lane128 mask, Lane128 x, Lane128 y) => new(Vector128.ConditionalSelect(mask._v, x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Truncate(Lane128 x) => new(Vector128.Truncate(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Floor(Lane128 x) => new(Vector128.Floor(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Round(Lane128 x) => new(Vector128.Round(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ConvertToInt32(Lane128 x) => new(Vector128.ConvertToInt32(x._v).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ConvertToSingle(Lane128 x) => new(Vector128.ConvertToSingle(x._v.AsInt32()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ShiftLeft(Lane128 x, int count) => new(Vector128.ShiftLeft(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 ShiftRightLogical(Lane128 x, int count) => new(Vector128.ShiftRightLogical(x._v.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Reverse(Lane128 x) => new(Vector128.Shuffle(x._v, Vector128.Create(3, 2, 1, 0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator +(Lane128 x, Lane128 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator -(Lane128 x, Lane128 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator *(Lane128 x, Lane128 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator /(Lane128 x, Lane128 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator -(Lane128 x) => new(-x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator &(Lane128 x, Lane128 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator |(Lane128 x, Lane128 y) => new(x._v | y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator ^(Lane128 x, Lane128 y) => new(x._v ^ y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator ~(Lane128 x) => new(~x._v);
}
