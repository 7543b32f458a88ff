using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels.Geometry;

/// <summary>
/// Splits rows of interleaved pixels (3 or 4 samples a pixel) into three planar rows with AVX-512 two-register
/// permutes, one vector of pixels at a time: so that the resampler's passes read contiguous samples of one channel
/// (the horizontal pass's window form, the vertical pass without the alpha samples) on pixels that were decoded
/// interleaved. Float samples (16 pixels a block) need AVX-512F, byte samples (64 pixels a block) AVX-512 VBMI.
/// </summary>
/// <remarks>
/// For <c>L</c> pixels of <c>p</c> samples held in <c>p</c> vectors of <c>L</c> lanes, channel <c>k</c>'s lane
/// <c>j</c> is element <c>p * j + k</c> of their concatenation. With <c>p = 3</c> one permute gathers the lanes found
/// in the first two vectors and a second fills the rest from the third; with <c>p = 4</c> one permute per pair of
/// vectors gathers <c>L / 2</c> lanes each, and a third joins the halves.
/// </remarks>
internal static class ChannelSplit
{
    /// <summary>Whether the hardware splits samples of type <typeparamref name="T"/> (float or byte).</summary>
    /// <typeparam name="T">The sample type.</typeparam>
    public static bool IsSupported<T>()
        where T : unmanaged, INumber<T> =>
        typeof(T) == typeof(float) ? Avx512F.IsSupported
        : typeof(T) == typeof(byte) && Avx512Vbmi.IsSupported;

    /// <summary>The pixels a block of samples of type <typeparamref name="T"/> holds: 16 floats or 64 bytes.</summary>
    /// <typeparam name="T">The sample type.</typeparam>
    public static int BlockPixels<T>()
        where T : unmanaged, INumber<T> => Vector512<T>.Count;

    /// <summary>
    /// Writes channel <c>c</c> of each pixel of <paramref name="rows"/> rows of <paramref name="width"/> pixels (the
    /// sample at <paramref name="offsets"/>[c] of each pixel) into row <c>y</c> of plane <c>c</c>, at
    /// <c>destination[c * planeStride + y * width + x]</c>. The last block of a row overlaps its predecessor, so
    /// <paramref name="width"/> must be at least <see cref="BlockPixels{T}"/>.
    /// </summary>
    /// <typeparam name="T">The sample type, float or byte (see <see cref="IsSupported{T}"/>).</typeparam>
    /// <param name="source">The first row; rows follow each other at <paramref name="sourceRowStride"/> samples.</param>
    /// <param name="sourceRowStride">Samples from one row to the next, at least <c>width * pixelSize</c>.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="width">Pixels a row, at least <see cref="BlockPixels{T}"/>.</param>
    /// <param name="pixelSize">Samples a pixel: 3 or 4.</param>
    /// <param name="offsets">For each of the three output channels, its sample's place in a pixel (below <paramref name="pixelSize"/>).</param>
    /// <param name="destination">Three planes of <c>rows * width</c> samples, <paramref name="planeStride"/> apart.</param>
    /// <param name="planeStride">Samples from one plane to the next, at least <c>rows * width</c>.</param>
    public static void Split<T>(ref T source, nint sourceRowStride, int rows, int width, int pixelSize, ReadOnlySpan<int> offsets, ref T destination, nint planeStride)
        where T : unmanaged, INumber<T>
    {
        Debug.Assert(IsSupported<T>() && width >= BlockPixels<T>() && pixelSize is 3 or 4 && offsets.Length == 3, "Split needs the hardware, a block of pixels a row and 3 or 4 samples a pixel.");
        var channels = new Channels<T>(pixelSize, offsets);
        if (pixelSize == 3)
        {
            Run<T, ThreeSamples<T>>(ref source, sourceRowStride, rows, width, channels, ref destination, planeStride);
        }
        else
        {
            Run<T, FourSamples<T>>(ref source, sourceRowStride, rows, width, channels, ref destination, planeStride);
        }
    }

    private static void Run<T, TPixel>(ref T source, nint sourceRowStride, int rows, int width, in Channels<T> channels, ref T destination, nint planeStride)
        where T : unmanaged, INumber<T>
        where TPixel : struct, IPixelShape<T, TPixel>
    {
        nint block = Vector512<T>.Count;
        nint last = width - block;
        for (int y = 0; y < rows; y++)
        {
            ref T row = ref Unsafe.Add(ref source, y * sourceRowStride);
            ref T red = ref Unsafe.Add(ref destination, (nint)y * width);
            ref T green = ref Unsafe.Add(ref red, planeStride);
            ref T blue = ref Unsafe.Add(ref green, planeStride);
            for (nint x = 0; x < width; x += block)
            {
                if (x > last)
                {
                    x = last;
                }

                TPixel pixels = TPixel.Load(ref Unsafe.Add(ref row, x * TPixel.Samples));
                pixels.Gather(channels.RedGather, channels.RedJoin).StoreUnsafe(ref red, (nuint)x);
                pixels.Gather(channels.GreenGather, channels.GreenJoin).StoreUnsafe(ref green, (nuint)x);
                pixels.Gather(channels.BlueGather, channels.BlueJoin).StoreUnsafe(ref blue, (nuint)x);
            }
        }
    }

    // Two-register permute of `lower` and `upper` (2L lanes) by `indices`, lane-typed like the samples.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Permute<T>(Vector512<T> lower, Vector512<T> indices, Vector512<T> upper)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Avx512F.PermuteVar16x32x2(lower.AsSingle(), indices.AsInt32(), upper.AsSingle()).As<float, T>();
        }

        return Avx512Vbmi.PermuteVar64x8x2(lower.AsByte(), indices.AsByte(), upper.AsByte()).As<byte, T>();
    }

    /// <summary>The permute indices of the three output channels, as lanes of the sample type.</summary>
    private readonly struct Channels<T>
        where T : unmanaged, INumber<T>
    {
        public Channels(int pixelSize, ReadOnlySpan<int> offsets)
        {
            (RedGather, RedJoin) = Indices(pixelSize, offsets[0]);
            (GreenGather, GreenJoin) = Indices(pixelSize, offsets[1]);
            (BlueGather, BlueJoin) = Indices(pixelSize, offsets[2]);
        }

        public Vector512<T> RedGather { get; }

        public Vector512<T> RedJoin { get; }

        public Vector512<T> GreenGather { get; }

        public Vector512<T> GreenJoin { get; }

        public Vector512<T> BlueGather { get; }

        public Vector512<T> BlueJoin { get; }

        // The permute indices of channel sample `k` for pixels of `p` samples (see the remarks).
        private static (Vector512<T> Gather, Vector512<T> Join) Indices(int p, int k)
        {
            int lanes = Vector512<T>.Count;
            Span<int> gather = stackalloc int[lanes];
            Span<int> join = stackalloc int[lanes];
            for (int j = 0; j < lanes; j++)
            {
                if (p == 3)
                {
                    int e = (3 * j) + k;
                    gather[j] = e < 2 * lanes ? e : 0;
                    join[j] = e < 2 * lanes ? j : lanes + (e - (2 * lanes));
                }
                else
                {
                    gather[j] = (4 * (j % (lanes / 2))) + k;
                    join[j] = j < lanes / 2 ? j : lanes + (j - (lanes / 2));
                }
            }

            return (Lanes(gather), Lanes(join));
        }

        private static Vector512<T> Lanes(ReadOnlySpan<int> indices)
        {
            if (typeof(T) == typeof(float))
            {
                return Vector512.Create<int>(indices).As<int, T>();
            }

            Span<byte> bytes = stackalloc byte[indices.Length];
            for (int i = 0; i < indices.Length; i++)
            {
                bytes[i] = (byte)indices[i];
            }

            return Vector512.Create<byte>(bytes).As<byte, T>();
        }
    }

    /// <summary>A vector's worth of pixels of one size, loaded once, from which each channel is gathered.</summary>
    private interface IPixelShape<T, TSelf>
        where T : unmanaged, INumber<T>
        where TSelf : struct, IPixelShape<T, TSelf>
    {
        /// <summary>Samples a pixel.</summary>
        static abstract int Samples { get; }

        /// <summary>Loads the pixels at <paramref name="pixels"/>.</summary>
        static abstract TSelf Load(ref T pixels);

        /// <summary>Gathers one channel of the pixels.</summary>
        Vector512<T> Gather(Vector512<T> gather, Vector512<T> join);
    }

    private readonly struct ThreeSamples<T>(Vector512<T> first, Vector512<T> second, Vector512<T> third) : IPixelShape<T, ThreeSamples<T>>
        where T : unmanaged, INumber<T>
    {
        public static int Samples => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ThreeSamples<T> Load(ref T pixels) =>
            new(Vector512.LoadUnsafe(ref pixels), Vector512.LoadUnsafe(ref pixels, (nuint)Vector512<T>.Count), Vector512.LoadUnsafe(ref pixels, (nuint)(2 * Vector512<T>.Count)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<T> Gather(Vector512<T> gather, Vector512<T> join) => Permute(Permute(first, gather, second), join, third);
    }

    private readonly struct FourSamples<T>(Vector512<T> first, Vector512<T> second, Vector512<T> third, Vector512<T> fourth) : IPixelShape<T, FourSamples<T>>
        where T : unmanaged, INumber<T>
    {
        public static int Samples => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FourSamples<T> Load(ref T pixels) =>
            new(
                Vector512.LoadUnsafe(ref pixels),
                Vector512.LoadUnsafe(ref pixels, (nuint)Vector512<T>.Count),
                Vector512.LoadUnsafe(ref pixels, (nuint)(2 * Vector512<T>.Count)),
                Vector512.LoadUnsafe(ref pixels, (nuint)(3 * Vector512<T>.Count)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<T> Gather(Vector512<T> gather, Vector512<T> join) => Permute(Permute(first, gather, second), join, Permute(third, gather, fourth));
    }
}
