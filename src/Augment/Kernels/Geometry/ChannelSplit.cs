using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels.Geometry;

/// <summary>
/// Splits rows of interleaved float pixels (3 or 4 samples a pixel) into three planar rows with AVX-512 two-register
/// permutes, 16 pixels at a time: so that the resampler's horizontal pass can run its window form (contiguous
/// samples) on pixels that were decoded interleaved, instead of the band form with a pixel stride.
/// </summary>
/// <remarks>
/// For 16 pixels of <c>p</c> samples held in <c>p</c> vectors, channel <c>k</c>'s lane <c>j</c> is element
/// <c>p * j + k</c> of their concatenation. With <c>p = 3</c> one permute gathers the lanes found in the first two
/// vectors and a second fills the rest from the third; with <c>p = 4</c> one permute per pair of vectors gathers eight
/// lanes each, and a third joins the halves.
/// </remarks>
internal static class ChannelSplit
{
    /// <summary>The pixels a block handles.</summary>
    public const int BlockPixels = 16;

    /// <summary>Whether the hardware runs the split.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Writes channel <c>c</c> of each pixel of <paramref name="rows"/> rows of <paramref name="width"/> pixels (the
    /// sample at <paramref name="offsets"/>[c] of each pixel) into row <c>y</c> of plane <c>c</c>, at
    /// <c>destination[c * planeStride + y * width + x]</c>. The last block of a row overlaps its predecessor, so
    /// <paramref name="width"/> must be at least <see cref="BlockPixels"/>.
    /// </summary>
    /// <param name="source">The first row; rows follow each other at <paramref name="sourceRowStride"/> floats.</param>
    /// <param name="sourceRowStride">Floats from one row to the next, at least <c>width * pixelSize</c>.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="width">Pixels a row, at least <see cref="BlockPixels"/>.</param>
    /// <param name="pixelSize">Samples a pixel: 3 or 4.</param>
    /// <param name="offsets">For each of the three output channels, its sample's place in a pixel (below <paramref name="pixelSize"/>).</param>
    /// <param name="destination">Three planes of <c>rows * width</c> floats, <paramref name="planeStride"/> apart.</param>
    /// <param name="planeStride">Floats from one plane to the next, at least <c>rows * width</c>.</param>
    public static void Split(ref float source, nint sourceRowStride, int rows, int width, int pixelSize, ReadOnlySpan<int> offsets, ref float destination, nint planeStride)
    {
        Debug.Assert(IsSupported && width >= BlockPixels && pixelSize is 3 or 4 && offsets.Length == 3, "Split needs AVX-512, 16 pixels a row and 3 or 4 samples a pixel.");
        var channels = new Channels(pixelSize, offsets);
        if (pixelSize == 3)
        {
            Run<ThreeSamples>(ref source, sourceRowStride, rows, width, channels, ref destination, planeStride);
        }
        else
        {
            Run<FourSamples>(ref source, sourceRowStride, rows, width, channels, ref destination, planeStride);
        }
    }

    private static void Run<TPixel>(ref float source, nint sourceRowStride, int rows, int width, in Channels channels, ref float destination, nint planeStride)
        where TPixel : struct, IPixelShape<TPixel>
    {
        nint last = width - BlockPixels;
        for (int y = 0; y < rows; y++)
        {
            ref float row = ref Unsafe.Add(ref source, y * sourceRowStride);
            ref float red = ref Unsafe.Add(ref destination, (nint)y * width);
            ref float green = ref Unsafe.Add(ref red, planeStride);
            ref float blue = ref Unsafe.Add(ref green, planeStride);
            for (nint x = 0; x < width; x += BlockPixels)
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

    // The permute indices of channel sample `k` for pixels of `p` samples (see the remarks).
    private static (Vector512<int> Gather, Vector512<int> Join) Indices(int p, int k)
    {
        Span<int> gather = stackalloc int[BlockPixels];
        Span<int> join = stackalloc int[BlockPixels];
        for (int j = 0; j < BlockPixels; j++)
        {
            if (p == 3)
            {
                int e = (3 * j) + k;
                gather[j] = e < 32 ? e : 0;
                join[j] = e < 32 ? j : 16 + (e - 32);
            }
            else
            {
                gather[j] = (4 * (j % 8)) + k;
                join[j] = j < 8 ? j : 16 + (j - 8);
            }
        }

        return (Vector512.Create<int>(gather), Vector512.Create<int>(join));
    }

    /// <summary>The permute indices of the three output channels.</summary>
    private readonly struct Channels
    {
        public Channels(int pixelSize, ReadOnlySpan<int> offsets)
        {
            (RedGather, RedJoin) = Indices(pixelSize, offsets[0]);
            (GreenGather, GreenJoin) = Indices(pixelSize, offsets[1]);
            (BlueGather, BlueJoin) = Indices(pixelSize, offsets[2]);
        }

        public Vector512<int> RedGather { get; }

        public Vector512<int> RedJoin { get; }

        public Vector512<int> GreenGather { get; }

        public Vector512<int> GreenJoin { get; }

        public Vector512<int> BlueGather { get; }

        public Vector512<int> BlueJoin { get; }
    }

    /// <summary>16 pixels of one size, loaded once, from which each channel is gathered.</summary>
    private interface IPixelShape<TSelf>
        where TSelf : struct, IPixelShape<TSelf>
    {
        /// <summary>Samples a pixel.</summary>
        static abstract int Samples { get; }

        /// <summary>Loads the 16 pixels at <paramref name="pixels"/>.</summary>
        static abstract TSelf Load(ref float pixels);

        /// <summary>Gathers one channel of the pixels.</summary>
        Vector512<float> Gather(Vector512<int> gather, Vector512<int> join);
    }

    private readonly struct ThreeSamples(Vector512<float> first, Vector512<float> second, Vector512<float> third) : IPixelShape<ThreeSamples>
    {
        public static int Samples => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ThreeSamples Load(ref float pixels) =>
            new(Vector512.LoadUnsafe(ref pixels), Vector512.LoadUnsafe(ref pixels, 16), Vector512.LoadUnsafe(ref pixels, 32));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Gather(Vector512<int> gather, Vector512<int> join) =>
            Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(first, gather, second), join, third);
    }

    private readonly struct FourSamples(Vector512<float> first, Vector512<float> second, Vector512<float> third, Vector512<float> fourth) : IPixelShape<FourSamples>
    {
        public static int Samples => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static FourSamples Load(ref float pixels) =>
            new(Vector512.LoadUnsafe(ref pixels), Vector512.LoadUnsafe(ref pixels, 16), Vector512.LoadUnsafe(ref pixels, 32), Vector512.LoadUnsafe(ref pixels, 48));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Gather(Vector512<int> gather, Vector512<int> join) =>
            Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(first, gather, second), join, Avx512F.PermuteVar16x32x2(third, gather, fourth));
    }
}
