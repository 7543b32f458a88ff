using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Augment.Kernels.Lanes;

/// <summary>
/// Eight float lanes in two <see cref="Vector128{T}"/> (SSE or AdvSimd machines): the resampler's block where only
/// 128-bit vectors are accelerated, which keeps its kernel maps' eight-column bands and two registers of work per step.
/// </summary>
internal readonly struct Lane128x2 : ILane<Lane128x2>
{
    private readonly Vector128<float> _lo;
    private readonly Vector128<float> _hi;

    private Lane128x2(Vector128<float> lo, Vector128<float> hi)
    {
        _lo = lo;
        _hi = hi;
    }

    public static int Count => 2 * Vector128<float>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static Lane128x2 Zero => default;

    public static Lane128x2 One => new(Vector128<float>.One, Vector128<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Create(float value) => new(Vector128.Create(value), Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 CreateBits(uint bits) => new(Vector128.Create(bits).AsSingle(), Vector128.Create(bits).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Load(ref float source, nuint index) => new(Vector128.LoadUnsafe(ref source, index), Vector128.LoadUnsafe(ref source, index + 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane128x2 value, ref float destination, nuint index)
    {
        value._lo.StoreUnsafe(ref destination, index);
        value._hi.StoreUnsafe(ref destination, index + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Lane128x2 value, ref float destination, nuint index)
    {
        float* address = (float*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index));
        value._lo.StoreAlignedNonTemporal(address);
        value._hi.StoreAlignedNonTemporal(address + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 LoadWidened(ref byte source)
    {
        Vector128<ushort> words = Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte());
        return new(Vector128.ConvertToSingle(Vector128.WidenLower(words).AsInt32()), Vector128.ConvertToSingle(Vector128.WidenUpper(words).AsInt32()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 LoadPixels<TReader>(ref byte pixel)
        where TReader : struct, IPixelReader =>
        new(TReader.Load128(ref pixel).AsSingle(), TReader.Load128(ref Unsafe.Add(ref pixel, 4 * TReader.BytesPerPixel)).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePixels<TWriter>(Lane128x2 words, ref byte pixel)
        where TWriter : struct, IPixelWriter
    {
        TWriter.Store128(words._lo.AsUInt32(), ref pixel);
        TWriter.Store128(words._hi.AsUInt32(), ref Unsafe.Add(ref pixel, 4 * TWriter.BytesPerPixel));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 FusedMultiplyAdd(Lane128x2 a, Lane128x2 b, Lane128x2 c) => new(Vector128.FusedMultiplyAdd(a._lo, b._lo, c._lo), Vector128.FusedMultiplyAdd(a._hi, b._hi, c._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 MultiplyAddEstimate(Lane128x2 a, Lane128x2 b, Lane128x2 c) => new(Vector128.MultiplyAddEstimate(a._lo, b._lo, c._lo), Vector128.MultiplyAddEstimate(a._hi, b._hi, c._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 MinNative(Lane128x2 x, Lane128x2 y) => new(Vector128.MinNative(x._lo, y._lo), Vector128.MinNative(x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 MaxNative(Lane128x2 x, Lane128x2 y) => new(Vector128.MaxNative(x._lo, y._lo), Vector128.MaxNative(x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ClampUnit(Lane128x2 x) =>
        new(Vector128.Clamp(x._lo, Vector128<float>.Zero, Vector128<float>.One), Vector128.Clamp(x._hi, Vector128<float>.Zero, Vector128<float>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ClampNative(Lane128x2 x, Lane128x2 min, Lane128x2 max) => new(Vector128.ClampNative(x._lo, min._lo, max._lo), Vector128.ClampNative(x._hi, min._hi, max._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 CompareEqual(Lane128x2 x, Lane128x2 y) => new(Vector128.Equals(x._lo, y._lo), Vector128.Equals(x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 CompareLessThan(Lane128x2 x, Lane128x2 y) => new(Vector128.LessThan(x._lo, y._lo), Vector128.LessThan(x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 CompareGreaterThanOrEqual(Lane128x2 x, Lane128x2 y) => new(Vector128.GreaterThanOrEqual(x._lo, y._lo), Vector128.GreaterThanOrEqual(x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ConditionalSelect(Lane128x2 mask, Lane128x2 x, Lane128x2 y) => new(Vector128.ConditionalSelect(mask._lo, x._lo, y._lo), Vector128.ConditionalSelect(mask._hi, x._hi, y._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Truncate(Lane128x2 x) => new(Vector128.Truncate(x._lo), Vector128.Truncate(x._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Floor(Lane128x2 x) => new(Vector128.Floor(x._lo), Vector128.Floor(x._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Round(Lane128x2 x) => new(Vector128.Round(x._lo), Vector128.Round(x._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ConvertToInt32(Lane128x2 x) => new(Vector128.ConvertToInt32(x._lo).AsSingle(), Vector128.ConvertToInt32(x._hi).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ConvertToSingle(Lane128x2 x) => new(Vector128.ConvertToSingle(x._lo.AsInt32()), Vector128.ConvertToSingle(x._hi.AsInt32()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ShiftLeft(Lane128x2 x, int count) => new(Vector128.ShiftLeft(x._lo.AsUInt32(), count).AsSingle(), Vector128.ShiftLeft(x._hi.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 ShiftRightLogical(Lane128x2 x, int count) => new(Vector128.ShiftRightLogical(x._lo.AsUInt32(), count).AsSingle(), Vector128.ShiftRightLogical(x._hi.AsUInt32(), count).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 Reverse(Lane128x2 x) => new(Vector128.Shuffle(x._hi, Vector128.Create(3, 2, 1, 0)), Vector128.Shuffle(x._lo, Vector128.Create(3, 2, 1, 0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator +(Lane128x2 x, Lane128x2 y) => new(x._lo + y._lo, x._hi + y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator -(Lane128x2 x, Lane128x2 y) => new(x._lo - y._lo, x._hi - y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator *(Lane128x2 x, Lane128x2 y) => new(x._lo * y._lo, x._hi * y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator /(Lane128x2 x, Lane128x2 y) => new(x._lo / y._lo, x._hi / y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator -(Lane128x2 x) => new(-x._lo, -x._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator &(Lane128x2 x, Lane128x2 y) => new(x._lo & y._lo, x._hi & y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator |(Lane128x2 x, Lane128x2 y) => new(x._lo | y._lo, x._hi | y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator ^(Lane128x2 x, Lane128x2 y) => new(x._lo ^ y._lo, x._hi ^ y._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128x2 operator ~(Lane128x2 x) => new(~x._lo, ~x._hi);
}
