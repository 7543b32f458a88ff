using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>
/// The two one-dimensional passes of a separable resampling, each written once against <see cref="ILane{TSelf}"/>.
/// Both end with <c>x * scale + offset</c> on the stored value (1 and 0 for an intermediate pass).
/// </summary>
internal static class ResamplePasses
{
    /// <summary>
    /// Vertical pass over output rows <c>[firstRow, firstRow + rowCount)</c> of <paramref name="map"/>: effectively
    /// computes <c>destination[r][x] = (sum_k w[y][k] * source[start(y) + k][x]) * scale + offset</c> with
    /// <c>y = firstRow + r</c>, for <c>x</c> in <c>[0, rowLength)</c>. A whole row is one stream of lane blocks, the
    /// last one overlapping its predecessor, so any <paramref name="rowLength"/> of at least <c>TBlock.Count</c> works.
    /// </summary>
    public static void Vertical<TSample, TReader, TBlock>(
        ref TSample source,
        nint sourceRowStride,
        int rowLength,
        ResizeKernelMap map,
        int firstRow,
        int rowCount,
        ref float destination,
        nint destinationRowStride,
        float scale,
        float offset)
        where TSample : unmanaged
        where TReader : struct, ISampleReader<TSample>
        where TBlock : struct, ILane<TBlock>
    {
        Debug.Assert(rowLength >= TBlock.Count, "A row must hold one lane block.");
        nint lanes = TBlock.Count;
        nint last = rowLength - lanes;
        for (int r = 0; r < rowCount; r++)
        {
            int y = firstRow + r;
            ref TSample first = ref Unsafe.Add(ref source, map.Start(y) * sourceRowStride);
            ref float weights = ref map.WeightsReference(y);
            int taps = map.Length(y);
            ref float row = ref Unsafe.Add(ref destination, r * destinationRowStride);
            nint x = 0;

            // Four blocks at a time: four independent accumulation chains share each weight.
            for (; x <= rowLength - (4 * lanes); x += 4 * lanes)
            {
                ref TSample tap = ref Unsafe.Add(ref first, x);
                TBlock s0 = TBlock.Zero, s1 = TBlock.Zero, s2 = TBlock.Zero, s3 = TBlock.Zero;
                for (int k = 0; k < taps; k++)
                {
                    float w = Unsafe.Add(ref weights, k);
                    s0 = TBlock.MultiplyAdd(s0, TReader.Load<TBlock>(ref tap), w);
                    s1 = TBlock.MultiplyAdd(s1, TReader.Load<TBlock>(ref Unsafe.Add(ref tap, lanes)), w);
                    s2 = TBlock.MultiplyAdd(s2, TReader.Load<TBlock>(ref Unsafe.Add(ref tap, 2 * lanes)), w);
                    s3 = TBlock.MultiplyAdd(s3, TReader.Load<TBlock>(ref Unsafe.Add(ref tap, 3 * lanes)), w);
                    tap = ref Unsafe.Add(ref tap, sourceRowStride);
                }

                TBlock.Store(TBlock.Affine(s0, scale, offset), ref Unsafe.Add(ref row, x), 0);
                TBlock.Store(TBlock.Affine(s1, scale, offset), ref Unsafe.Add(ref row, x + lanes), 0);
                TBlock.Store(TBlock.Affine(s2, scale, offset), ref Unsafe.Add(ref row, x + (2 * lanes)), 0);
                TBlock.Store(TBlock.Affine(s3, scale, offset), ref Unsafe.Add(ref row, x + (3 * lanes)), 0);
            }

            // The rest one block at a time, the last block overlapping its predecessor.
            for (; x < rowLength; x += lanes)
            {
                if (x > last)
                {
                    x = last;
                }

                ref TSample tap = ref Unsafe.Add(ref first, x);
                TBlock sum = TBlock.Zero;
                for (int k = 0; k < taps; k++)
                {
                    sum = TBlock.MultiplyAdd(sum, TReader.Load<TBlock>(ref tap), Unsafe.Add(ref weights, k));
                    tap = ref Unsafe.Add(ref tap, sourceRowStride);
                }

                TBlock.Store(TBlock.Affine(sum, scale, offset), ref Unsafe.Add(ref row, x), 0);
            }
        }
    }

    /// <summary>
    /// Horizontal pass over <paramref name="rows"/> rows, for the outputs <paramref name="range"/> holds of
    /// <paramref name="map"/>: effectively computes
    /// <c>destination[y][i - range.Output] = (sum_k w[i][k] * source[y][(start(i) + k) * sampleStride]) * scale + offset</c>.
    /// <paramref name="sampleStride"/> is 1 for a plane and the pixel size for an interleaved buffer (with
    /// <paramref name="source"/> at the channel's first sample). Runs the band form of <paramref name="map"/>, whose
    /// <see cref="ResizeKernelMap.BlockWidth"/> must equal <c>TBlock.Count</c>, eight rows at a time; only the blocks
    /// that hold wanted outputs run, and the blocks straddling the range's ends store only their lanes inside it.
    /// </summary>
    public static void Horizontal<TBlock>(
        ref float source,
        nint sourceRowStride,
        nint sampleStride,
        int rows,
        ResizeKernelMap map,
        in BlockRange range,
        ref float destination,
        nint destinationRowStride,
        float scale,
        float offset)
        where TBlock : struct, ILane<TBlock>
    {
        Debug.Assert(map.BlockWidth == TBlock.Count && map.BlockCount > 0, "The map's band form must match the lane block.");
        nint lanes = TBlock.Count;
        for (int y = 0; y < rows; y += 8)
        {
            // Eight rows at once (see EightRows). The last group repeats its last row; the duplicates write the same
            // values to the same row.
            var group = new RowGroup(ref source, sourceRowStride, y, rows);
            for (int b = range.WholeFirst; b < range.WholeEnd; b++)
            {
                EightRows<TBlock>(in group, map, b, sampleStride, out TBlock a0, out TBlock a1, out TBlock a2, out TBlock a3, out TBlock a4, out TBlock a5, out TBlock a6, out TBlock a7);
                ref float d = ref Unsafe.Add(ref destination, map.BlockFirstOutput(b) - range.Output);
                TBlock.Store(TBlock.Affine(a0, scale, offset), ref Unsafe.Add(ref d, y * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a1, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 1, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a2, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 2, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a3, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 3, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a4, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 4, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a5, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 5, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a6, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 6, rows - 1) * destinationRowStride), 0);
                TBlock.Store(TBlock.Affine(a7, scale, offset), ref Unsafe.Add(ref d, Math.Min(y + 7, rows - 1) * destinationRowStride), 0);
            }
        }

        HorizontalEdges<TBlock>(ref source, sourceRowStride, sampleStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
    }

    /// <summary>
    /// Horizontal pass over contiguous rows with the window form of <paramref name="map"/> (AVX-512 only): for each
    /// 16-output block, two vector loads cover the block's window of 32 source samples and each tap <c>k</c> is one
    /// two-register permute and one multiply-add, four rows at a time. Computes what
    /// <see cref="Horizontal{TBlock}"/> computes with a sample stride of 1.
    /// </summary>
    public static void HorizontalWindowed(
        ref float source,
        nint sourceRowStride,
        int rows,
        ResizeKernelMap map,
        in BlockRange range,
        ref float destination,
        nint destinationRowStride,
        float scale,
        float offset)
    {
        Debug.Assert(Avx512F.IsSupported && map.HasWindowForm, "The window form needs AVX-512.");
        int taps = map.MaxTaps;
        Vector512<float> scales = Vector512.Create(scale), offsets = Vector512.Create(offset);
        for (int y = 0; y < rows; y += 4)
        {
            // The last group repeats its last row; the duplicates write the same values to the same row.
            nint y1 = Math.Min(y + 1, rows - 1), y2 = Math.Min(y + 2, rows - 1), y3 = Math.Min(y + 3, rows - 1);
            ref float s0 = ref Unsafe.Add(ref source, y * sourceRowStride);
            ref float s1 = ref Unsafe.Add(ref source, y1 * sourceRowStride);
            ref float s2 = ref Unsafe.Add(ref source, y2 * sourceRowStride);
            ref float s3 = ref Unsafe.Add(ref source, y3 * sourceRowStride);
            for (int b = range.WholeFirst; b < range.WholeEnd; b++)
            {
                nint start = map.WindowStart(b);
                Vector512<float> lo0 = Vector512.LoadUnsafe(ref s0, (nuint)start), hi0 = Vector512.LoadUnsafe(ref s0, (nuint)(start + 16));
                Vector512<float> lo1 = Vector512.LoadUnsafe(ref s1, (nuint)start), hi1 = Vector512.LoadUnsafe(ref s1, (nuint)(start + 16));
                Vector512<float> lo2 = Vector512.LoadUnsafe(ref s2, (nuint)start), hi2 = Vector512.LoadUnsafe(ref s2, (nuint)(start + 16));
                Vector512<float> lo3 = Vector512.LoadUnsafe(ref s3, (nuint)start), hi3 = Vector512.LoadUnsafe(ref s3, (nuint)(start + 16));
                ref int indices = ref map.WindowIndexReference(b);
                ref float weights = ref map.WindowWeightReference(b);
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (int k = 0; k < taps; k++)
                {
                    Vector512<int> index = Vector512.LoadUnsafe(ref indices);
                    Vector512<float> w = Vector512.LoadUnsafe(ref weights);
                    a0 = Vector512.MultiplyAddEstimate(Avx512F.PermuteVar16x32x2(lo0, index, hi0), w, a0);
                    a1 = Vector512.MultiplyAddEstimate(Avx512F.PermuteVar16x32x2(lo1, index, hi1), w, a1);
                    a2 = Vector512.MultiplyAddEstimate(Avx512F.PermuteVar16x32x2(lo2, index, hi2), w, a2);
                    a3 = Vector512.MultiplyAddEstimate(Avx512F.PermuteVar16x32x2(lo3, index, hi3), w, a3);
                    indices = ref Unsafe.Add(ref indices, 16);
                    weights = ref Unsafe.Add(ref weights, 16);
                }

                ref float d = ref Unsafe.Add(ref destination, map.BlockFirstOutput(b) - range.Output);
                Vector512.MultiplyAddEstimate(a0, scales, offsets).StoreUnsafe(ref Unsafe.Add(ref d, y * destinationRowStride));
                Vector512.MultiplyAddEstimate(a1, scales, offsets).StoreUnsafe(ref Unsafe.Add(ref d, y1 * destinationRowStride));
                Vector512.MultiplyAddEstimate(a2, scales, offsets).StoreUnsafe(ref Unsafe.Add(ref d, y2 * destinationRowStride));
                Vector512.MultiplyAddEstimate(a3, scales, offsets).StoreUnsafe(ref Unsafe.Add(ref d, y3 * destinationRowStride));
            }
        }

        HorizontalEdges<Lane512>(ref source, sourceRowStride, 1, rows, map, range, ref destination, destinationRowStride, scale, offset);
    }

    // The blocks of the range that straddle its ends, eight rows at a time like the main loop (each lane the same sum,
    // zero band weights adding exact zeros), through a scratch block from which only the lanes inside the range are copied.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void HorizontalEdges<TBlock>(
        ref float source, nint sourceRowStride, nint sampleStride, int rows, ResizeKernelMap map, in BlockRange range, ref float destination, nint destinationRowStride, float scale, float offset)
        where TBlock : struct, ILane<TBlock>
    {
        if (range.WholeFirst == range.FirstBlock && range.WholeEnd == range.EndBlock)
        {
            return;
        }

        int lanes = TBlock.Count;
        Span<float> block = stackalloc float[8 * lanes];
        ref float scratch = ref MemoryMarshal.GetReference(block);
        for (int b = range.FirstBlock; b < range.EndBlock; b++)
        {
            if (b >= range.WholeFirst && b < range.WholeEnd)
            {
                continue;
            }

            nint at = map.BlockFirstOutput(b) - range.Output;
            int from = (int)Math.Max(0, -at), to = (int)Math.Min(lanes, range.Count - at);
            for (int y = 0; y < rows; y += 8)
            {
                var group = new RowGroup(ref source, sourceRowStride, y, rows);
                EightRows<TBlock>(in group, map, b, sampleStride, out TBlock a0, out TBlock a1, out TBlock a2, out TBlock a3, out TBlock a4, out TBlock a5, out TBlock a6, out TBlock a7);
                TBlock.Store(TBlock.Affine(a0, scale, offset), ref scratch, 0);
                TBlock.Store(TBlock.Affine(a1, scale, offset), ref scratch, (nuint)lanes);
                TBlock.Store(TBlock.Affine(a2, scale, offset), ref scratch, (nuint)(2 * lanes));
                TBlock.Store(TBlock.Affine(a3, scale, offset), ref scratch, (nuint)(3 * lanes));
                TBlock.Store(TBlock.Affine(a4, scale, offset), ref scratch, (nuint)(4 * lanes));
                TBlock.Store(TBlock.Affine(a5, scale, offset), ref scratch, (nuint)(5 * lanes));
                TBlock.Store(TBlock.Affine(a6, scale, offset), ref scratch, (nuint)(6 * lanes));
                TBlock.Store(TBlock.Affine(a7, scale, offset), ref scratch, (nuint)(7 * lanes));
                for (int r = 0; r < 8 && y + r < rows; r++)
                {
                    block.Slice((r * lanes) + from, to - from).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref destination, ((y + r) * destinationRowStride) + at + from), to - from));
                }
            }
        }
    }

    // The band-form sums of block b for a group's eight rows: eight independent accumulation chains sharing each
    // weight row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EightRows<TBlock>(
        in RowGroup group, ResizeKernelMap map, int b, nint sampleStride,
        out TBlock a0, out TBlock a1, out TBlock a2, out TBlock a3, out TBlock a4, out TBlock a5, out TBlock a6, out TBlock a7)
        where TBlock : struct, ILane<TBlock>
    {
        ref float weights = ref map.BandReference(b);
        nint start = map.BlockStart(b) * sampleStride;
        int length = map.BlockLength(b);
        a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = TBlock.Zero;
        for (nint j = start, end = start + (length * sampleStride); j < end; j += sampleStride)
        {
            TBlock w = TBlock.Load(ref weights, 0);
            a0 = TBlock.MultiplyAdd(a0, w, Unsafe.Add(ref group.S0, j));
            a1 = TBlock.MultiplyAdd(a1, w, Unsafe.Add(ref group.S1, j));
            a2 = TBlock.MultiplyAdd(a2, w, Unsafe.Add(ref group.S2, j));
            a3 = TBlock.MultiplyAdd(a3, w, Unsafe.Add(ref group.S3, j));
            a4 = TBlock.MultiplyAdd(a4, w, Unsafe.Add(ref group.S4, j));
            a5 = TBlock.MultiplyAdd(a5, w, Unsafe.Add(ref group.S5, j));
            a6 = TBlock.MultiplyAdd(a6, w, Unsafe.Add(ref group.S6, j));
            a7 = TBlock.MultiplyAdd(a7, w, Unsafe.Add(ref group.S7, j));
            weights = ref Unsafe.Add(ref weights, TBlock.Count);
        }
    }

    /// <summary>The first rows of eight consecutive source rows, the last row repeated past the end, computed once per group.</summary>
    private readonly ref struct RowGroup
    {
        public readonly ref float S0;
        public readonly ref float S1;
        public readonly ref float S2;
        public readonly ref float S3;
        public readonly ref float S4;
        public readonly ref float S5;
        public readonly ref float S6;
        public readonly ref float S7;

        public RowGroup(ref float source, nint rowStride, int y, int rows)
        {
            S0 = ref Unsafe.Add(ref source, y * rowStride);
            S1 = ref Unsafe.Add(ref source, Math.Min(y + 1, rows - 1) * rowStride);
            S2 = ref Unsafe.Add(ref source, Math.Min(y + 2, rows - 1) * rowStride);
            S3 = ref Unsafe.Add(ref source, Math.Min(y + 3, rows - 1) * rowStride);
            S4 = ref Unsafe.Add(ref source, Math.Min(y + 4, rows - 1) * rowStride);
            S5 = ref Unsafe.Add(ref source, Math.Min(y + 5, rows - 1) * rowStride);
            S6 = ref Unsafe.Add(ref source, Math.Min(y + 6, rows - 1) * rowStride);
            S7 = ref Unsafe.Add(ref source, Math.Min(y + 7, rows - 1) * rowStride);
        }
    }
}
