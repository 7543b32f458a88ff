using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.TurboJpeg;

/// <summary>
/// libjpeg-turbo's output stage for 4:2:0 JPEGs, bit for bit, writing three byte planes instead of interleaved
/// pixels: the "fancy" (triangle-filter) upsampling of the two chroma planes (<c>jdsample.c</c>,
/// <c>h2v2_fancy_upsample</c>) and the fixed-point YCbCr to RGB conversion (<c>jdcolor.c</c>). The decoder asks
/// libjpeg-turbo for the raw planes, which skips its own upsampling and conversion, and finishes them here straight
/// into the planes the resampler reads, with no interleaving step on either side.
/// </summary>
/// <remarks>
/// With AVX-512BW, 64 output pixels per step in 16-bit lanes (the conversion's products through <c>vpmaddwd</c>,
/// as libjpeg-turbo's SIMD code splits its constants); rows narrower than 64 pixels, and the last pixel of an odd
/// row that the overlapping last block misses, go through the scalar form of the same formulas. Without AVX-512BW
/// the decoder does not use this path (<see cref="IsAccelerated"/>): libjpeg-turbo's own SIMD output is faster
/// there than a scalar conversion.
/// </remarks>
internal static class Ycc420Planes
{
    /// <summary>Output pixels per vector step: 32 chroma columns.</summary>
    private const int BlockPixels = 64;

    // 16-bit splits of libjpeg's 16-bit fixed-point factors (FIX(x) = round(x * 65536)), as its SIMD code does:
    // FIX(1.40200) = 91881 = 65536 + 26345, FIX(1.77200) = 116130 = 2 * 65536 - 14942, FIX(0.71414) = 46802 = 65536 - 18734;
    // FIX(0.34414) = 22554. The second factor of each pair multiplies the rounding term (2 * 16384 = ONE_HALF).
    private const int RedFromCr = 26345, BlueFromCb = -14942, GreenFromCb = -22554, GreenFromCr = 18734;
    private const int OneHalf = 1 << 15;

    /// <summary>
    /// The narrowest image this stage converts: libjpeg-turbo upsamples chroma rows of at most two samples by
    /// replication instead of the triangle filter (<c>jinit_upsampler</c>), so narrower JPEGs keep its own output.
    /// </summary>
    public const int MinimumWidth = 5;

    /// <summary>Whether the vector path runs on this machine; the decoder uses this stage only then.</summary>
    public static bool IsAccelerated => Avx512BW.IsSupported;

    /// <summary>
    /// Upsamples and converts <paramref name="height"/> rows of <paramref name="width"/> pixels into three planes of
    /// <c>height * width</c> bytes each (red, green, blue, one after the other) in <paramref name="planes"/>.
    /// </summary>
    /// <param name="luma">The Y plane, rows of <paramref name="lumaStride"/> bytes.</param>
    /// <param name="lumaStride">Bytes per Y row, at least <paramref name="width"/>.</param>
    /// <param name="blue">The Cb plane: <c>ceil(height / 2)</c> rows of <paramref name="chromaStride"/> bytes.</param>
    /// <param name="red">The Cr plane, as <paramref name="blue"/>.</param>
    /// <param name="chromaStride">Bytes per chroma row, at least <c>ceil(width / 2)</c>.</param>
    /// <param name="width">The image width, at least <see cref="MinimumWidth"/>.</param>
    /// <param name="height">The image height, positive.</param>
    /// <param name="planes">At least <c>3 * height * width</c> bytes.</param>
    /// <exception cref="ArgumentException">The image is narrower than <see cref="MinimumWidth"/>, or a span is too short for it.</exception>
    public static void Convert(ReadOnlySpan<byte> luma, int lumaStride, ReadOnlySpan<byte> blue, ReadOnlySpan<byte> red, int chromaStride, int width, int height, Span<byte> planes)
    {
        int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2;
        if (width < MinimumWidth || height <= 0 || lumaStride < width || chromaStride < chromaWidth
            || luma.Length < ((long)(height - 1) * lumaStride) + width
            || blue.Length < ((long)(chromaHeight - 1) * chromaStride) + chromaWidth
            || red.Length < ((long)(chromaHeight - 1) * chromaStride) + chromaWidth
            || planes.Length < 3L * width * height)
        {
            throw new ArgumentException($"The planes do not hold a {width}x{height} (width x height) 4:2:0 image of at least {MinimumWidth} columns.");
        }

        // The vertical sums 3 * nearer + farther of each chroma column, with the edge columns repeated at -1 and
        // chromaWidth; padded so that a vector block never reads past them.
        int sumLength = chromaWidth + 2 + BlockPixels;
        short[] rented = ArrayPool<short>.Shared.Rent(2 * sumLength);
        Span<short> blueSums = rented.AsSpan(0, sumLength), redSums = rented.AsSpan(sumLength, sumLength);
        nint plane = (nint)width * height;
        for (int y = 0; y < height; y++)
        {
            // Even rows lean on the chroma row above, odd rows on the one below; the edge rows repeat.
            int near = y >> 1;
            int far = (y & 1) == 0 ? Math.Max(near - 1, 0) : Math.Min(near + 1, chromaHeight - 1);
            VerticalSums(blue.Slice(near * chromaStride, chromaWidth), blue.Slice(far * chromaStride, chromaWidth), blueSums);
            VerticalSums(red.Slice(near * chromaStride, chromaWidth), red.Slice(far * chromaStride, chromaWidth), redSums);
            Row(luma.Slice(y * lumaStride, width), blueSums, redSums, planes[(y * width)..], plane);
        }

        ArrayPool<short>.Shared.Return(rented);
    }

    /// <summary>The scalar conversion of one pixel (<c>jdcolor.c</c>'s tables, computed): red, green and blue.</summary>
    /// <param name="y">Luma.</param>
    /// <param name="cb">Blue-difference chroma, upsampled.</param>
    /// <param name="cr">Red-difference chroma, upsampled.</param>
    /// <returns>The pixel.</returns>
    public static (byte Red, byte Green, byte Blue) Pixel(int y, int cb, int cr)
    {
        int xb = cb - 128, xr = cr - 128;
        return (
            Clamp(y + (((65536 + RedFromCr) * xr) + OneHalf >> 16)),
            Clamp(y + ((GreenFromCb * xb) + OneHalf - ((65536 - GreenFromCr) * xr) >> 16)),
            Clamp(y + ((((2 * 65536) + BlueFromCb) * xb) + OneHalf >> 16)));
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>Fills <c>sums[1 + j] = 3 * near[j] + far[j]</c>, then the repeated edges <c>sums[0]</c> and <c>sums[1 + n]</c>.</summary>
    private static void VerticalSums(ReadOnlySpan<byte> near, ReadOnlySpan<byte> far, Span<short> sums)
    {
        int n = near.Length, j = 0;
        ref short sum = ref MemoryMarshal.GetReference(sums);
        if (IsAccelerated)
        {
            ref byte nearOrigin = ref MemoryMarshal.GetReference(near), farOrigin = ref MemoryMarshal.GetReference(far);
            for (; j <= n - 32; j += 32)
            {
                Vector512<short> nearer = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref nearOrigin, (nuint)j));
                Vector512<short> farther = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref farOrigin, (nuint)j));
                ((nearer * 3) + farther).StoreUnsafe(ref sum, (nuint)(j + 1));
            }
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref sum, j + 1) = (short)((3 * near[j]) + far[j]);
        }

        sums[0] = sums[1];
        sums[n + 1] = sums[n];
    }

    /// <summary>Upsamples one row horizontally from its vertical sums and converts it into the three planes.</summary>
    private static void Row(ReadOnlySpan<byte> luma, ReadOnlySpan<short> blueSums, ReadOnlySpan<short> redSums, Span<byte> output, nint plane)
    {
        int width = luma.Length, x = 0;
        if (IsAccelerated && width >= BlockPixels)
        {
            // The last block overlaps its predecessor; an odd width leaves one pixel to the scalar loop.
            int last = (width - BlockPixels) & ~1;
            for (; ; x += BlockPixels)
            {
                x = Math.Min(x, last);
                Block(luma, blueSums, redSums, output, plane, x);
                if (x == last)
                {
                    x += BlockPixels;
                    break;
                }
            }
        }

        for (; x < width; x++)
        {
            // sums[1 + j] is chroma column j; even pixels weigh the column to the left, odd ones the column to the right.
            int j = 1 + (x >> 1), side = (x & 1) == 0 ? j - 1 : j + 1, bias = (x & 1) == 0 ? 8 : 7;
            (byte r, byte g, byte b) = Pixel(
                luma[x],
                ((3 * blueSums[j]) + blueSums[side] + bias) >> 4,
                ((3 * redSums[j]) + redSums[side] + bias) >> 4);
            output[x] = r;
            output[(int)plane + x] = g;
            output[(int)(2 * plane) + x] = b;
        }
    }

    /// <summary>Pixels <c>[x, x + 64)</c> (x even): chroma columns <c>x / 2</c> to <c>x / 2 + 31</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ReadOnlySpan<byte> luma, ReadOnlySpan<short> blueSums, ReadOnlySpan<short> redSums, Span<byte> output, nint plane, int x)
    {
        // Lane i of the "left" load is the column left of lane i's; even pixels are (3c + left + 8) >> 4, odd ones (3c + right + 7) >> 4.
        nuint column = (nuint)(x >> 1);
        Upsample(ref MemoryMarshal.GetReference(blueSums), column, out Vector512<short> blueEven, out Vector512<short> blueOdd);
        Upsample(ref MemoryMarshal.GetReference(redSums), column, out Vector512<short> redEven, out Vector512<short> redOdd);
        Vector512<short> lowOrder = Vector512.Create((short)0, 32, 1, 33, 2, 34, 3, 35, 4, 36, 5, 37, 6, 38, 7, 39, 8, 40, 9, 41, 10, 42, 11, 43, 12, 44, 13, 45, 14, 46, 15, 47);
        Vector512<short> highOrder = lowOrder + Vector512.Create((short)16);
        Vector512<byte> y = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(luma), (nuint)x);
        Half(y.GetLower(), lowOrder, blueEven, blueOdd, redEven, redOdd, out Vector512<short> r0, out Vector512<short> g0, out Vector512<short> b0);
        Half(y.GetUpper(), highOrder, blueEven, blueOdd, redEven, redOdd, out Vector512<short> r1, out Vector512<short> g1, out Vector512<short> b1);
        ref byte origin = ref MemoryMarshal.GetReference(output);
        Narrow(r0, r1).StoreUnsafe(ref origin, (nuint)x);
        Narrow(g0, g1).StoreUnsafe(ref origin, (nuint)(plane + x));
        Narrow(b0, b1).StoreUnsafe(ref origin, (nuint)((2 * plane) + x));
    }

    /// <summary>The even and odd output samples of 32 chroma columns from <c>sums</c> (with its left edge at index 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Upsample(ref short sums, nuint column, out Vector512<short> even, out Vector512<short> odd)
    {
        Vector512<short> left = Vector512.LoadUnsafe(ref sums, column);
        Vector512<short> center = Vector512.LoadUnsafe(ref sums, column + 1) * 3;
        Vector512<short> right = Vector512.LoadUnsafe(ref sums, column + 2);
        even = Vector512.ShiftRightLogical(center + left + Vector512.Create((short)8), 4);
        odd = Vector512.ShiftRightLogical(center + right + Vector512.Create((short)7), 4);
    }

    /// <summary>
    /// Converts 32 of a block's pixels: their luma, and their chroma taken from the even and odd upsampled columns
    /// in <paramref name="order"/> (pixel order), centred on 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Half(
        Vector256<byte> luma, Vector512<short> order, Vector512<short> blueEven, Vector512<short> blueOdd, Vector512<short> redEven, Vector512<short> redOdd,
        out Vector512<short> r, out Vector512<short> g, out Vector512<short> b)
    {
        Vector512<short> center = Vector512.Create((short)128);
        Convert(
            Avx512BW.ConvertToVector512Int16(luma),
            Avx512BW.PermuteVar32x16x2(blueEven, order, blueOdd) - center,
            Avx512BW.PermuteVar32x16x2(redEven, order, redOdd) - center,
            out r,
            out g,
            out b);
    }

    /// <summary><see cref="Pixel"/> for 32 pixels, chroma already centred.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Convert(Vector512<short> y, Vector512<short> xb, Vector512<short> xr, out Vector512<short> r, out Vector512<short> g, out Vector512<short> b)
    {
        Vector512<short> two = Vector512.Create((short)2);
        r = y + xr + HighProducts(xr, two, Pair(RedFromCr, 1 << 14), Vector512<int>.Zero);
        b = y + xb + xb + HighProducts(xb, two, Pair(BlueFromCb, 1 << 14), Vector512<int>.Zero);
        g = y - xr + HighProducts(xb, xr, Pair(GreenFromCb, GreenFromCr), Vector512.Create(OneHalf));
    }

    /// <summary><c>(a * k0 + b * k1 + add) >> 16</c> per 16-bit lane, through <c>vpmaddwd</c> on interleaved pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> HighProducts(Vector512<short> a, Vector512<short> b, Vector512<short> factors, Vector512<int> add)
    {
        Vector512<int> low = Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackLow(a, b), factors) + add;
        Vector512<int> high = Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackHigh(a, b), factors) + add;
        return Avx512BW.PackSignedSaturate(Vector512.ShiftRightArithmetic(low, 16), Vector512.ShiftRightArithmetic(high, 16));
    }

    private static Vector512<short> Pair(int first, int second) => Vector512.Create((first & 0xFFFF) | (second << 16)).AsInt16();

    /// <summary>Two rows of 32 values, clamped to bytes, in order (the pack works per 128-bit lane; the permute restores the order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Narrow(Vector512<short> first, Vector512<short> second) =>
        Avx512F.PermuteVar8x64(Avx512BW.PackUnsignedSaturate(first, second).AsInt64(), Vector512.Create(0L, 2, 4, 6, 1, 3, 5, 7)).AsByte();
}
