using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels.Geometry;

/// <summary>
/// A fixed number of float lanes held in registers: the unit both resampling passes compute in. The passes are
/// written once against this interface and specialised by the JIT for each implementation (16 lanes as one
/// <see cref="Vector512{T}"/>, 8 lanes as one
/// <see cref="Vector256{T}"/> or two <see cref="Vector128{T}"/>, or one scalar lane when SIMD is off).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILaneBlock<TSelf>
    where TSelf : struct, ILaneBlock<TSelf>
{
    /// <summary>The number of lanes.</summary>
    static abstract int Lanes { get; }

    /// <summary>All lanes zero.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Loads <see cref="Lanes"/> consecutive floats.</summary>
    static abstract TSelf Load(ref float source);

    /// <summary>Loads <see cref="Lanes"/> consecutive bytes, widened to floats (no scaling).</summary>
    static abstract TSelf LoadWidened(ref byte source);

    /// <summary>Returns <c>accumulator + x * y</c> lane-wise, with <paramref name="y"/> broadcast.</summary>
    static abstract TSelf MultiplyAdd(TSelf accumulator, TSelf x, float y);

    /// <summary>Returns <c>x * scale + offset</c> lane-wise.</summary>
    static abstract TSelf Affine(TSelf x, float scale, float offset);

    /// <summary>Stores the lanes to <see cref="Lanes"/> consecutive floats.</summary>
    static abstract void Store(TSelf value, ref float destination);
}

/// <summary>Eight lanes in one <see cref="Vector256{T}"/>.</summary>
internal readonly struct Lanes8x256 : ILaneBlock<Lanes8x256>
{
    private readonly Vector256<float> _v;

    private Lanes8x256(Vector256<float> v) => _v = v;

    public static int Lanes => 8;

    public static Lanes8x256 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x256 Load(ref float source) => new(Vector256.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x256 LoadWidened(ref byte source)
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
    public static Lanes8x256 MultiplyAdd(Lanes8x256 accumulator, Lanes8x256 x, float y) =>
        new(Vector256.MultiplyAddEstimate(x._v, Vector256.Create(y), accumulator._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x256 Affine(Lanes8x256 x, float scale, float offset) =>
        new(Vector256.MultiplyAddEstimate(x._v, Vector256.Create(scale), Vector256.Create(offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes8x256 value, ref float destination) => value._v.StoreUnsafe(ref destination);
}

/// <summary>Sixteen lanes in one <see cref="Vector512{T}"/>.</summary>
internal readonly struct Lanes16x512 : ILaneBlock<Lanes16x512>
{
    private readonly Vector512<float> _v;

    private Lanes16x512(Vector512<float> v) => _v = v;

    public static int Lanes => 16;

    public static Lanes16x512 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16x512 Load(ref float source) => new(Vector512.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16x512 LoadWidened(ref byte source)
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
    public static Lanes16x512 MultiplyAdd(Lanes16x512 accumulator, Lanes16x512 x, float y) =>
        new(Vector512.MultiplyAddEstimate(x._v, Vector512.Create(y), accumulator._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16x512 Affine(Lanes16x512 x, float scale, float offset) =>
        new(Vector512.MultiplyAddEstimate(x._v, Vector512.Create(scale), Vector512.Create(offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes16x512 value, ref float destination) => value._v.StoreUnsafe(ref destination);
}

/// <summary>Eight lanes in two <see cref="Vector128{T}"/> (SSE or AdvSimd machines).</summary>
internal readonly struct Lanes8x128 : ILaneBlock<Lanes8x128>
{
    private readonly Vector128<float> _lower;
    private readonly Vector128<float> _upper;

    private Lanes8x128(Vector128<float> lower, Vector128<float> upper)
    {
        _lower = lower;
        _upper = upper;
    }

    public static int Lanes => 8;

    public static Lanes8x128 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x128 Load(ref float source) =>
        new(Vector128.LoadUnsafe(ref source), Vector128.LoadUnsafe(ref source, 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x128 LoadWidened(ref byte source)
    {
        Vector128<ushort> words = Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte());
        return new(
            Vector128.ConvertToSingle(Vector128.WidenLower(words).AsInt32()),
            Vector128.ConvertToSingle(Vector128.WidenUpper(words).AsInt32()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x128 MultiplyAdd(Lanes8x128 accumulator, Lanes8x128 x, float y)
    {
        Vector128<float> b = Vector128.Create(y);
        return new(Vector128.MultiplyAddEstimate(x._lower, b, accumulator._lower), Vector128.MultiplyAddEstimate(x._upper, b, accumulator._upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8x128 Affine(Lanes8x128 x, float scale, float offset)
    {
        Vector128<float> s = Vector128.Create(scale), o = Vector128.Create(offset);
        return new(Vector128.MultiplyAddEstimate(x._lower, s, o), Vector128.MultiplyAddEstimate(x._upper, s, o));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes8x128 value, ref float destination)
    {
        value._lower.StoreUnsafe(ref destination);
        value._upper.StoreUnsafe(ref destination, 4);
    }
}

/// <summary>One scalar lane: the software path, and the path for rows shorter than a vector block.</summary>
internal readonly struct Lanes1 : ILaneBlock<Lanes1>
{
    private readonly float _v;

    private Lanes1(float v) => _v = v;

    public static int Lanes => 1;

    public static Lanes1 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Load(ref float source) => new(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 LoadWidened(ref byte source) => new(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 MultiplyAdd(Lanes1 accumulator, Lanes1 x, float y) => new(float.MultiplyAddEstimate(x._v, y, accumulator._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Affine(Lanes1 x, float scale, float offset) => new(float.MultiplyAddEstimate(x._v, scale, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes1 value, ref float destination) => destination = value._v;
}
