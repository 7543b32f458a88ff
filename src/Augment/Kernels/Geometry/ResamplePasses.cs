using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Augment.Kernels.Geometry;

/// <summary>
/// The two one-dimensional passes of a separable resampling, each written once against <see cref="ILaneBlock{TSelf}"/>.
/// Both end with <c>x * scale + offset</c> on the stored value (1 and 0 for an intermediate pass).
/// </summary>
internal static class ResamplePasses
{
    /// <summary>
    /// Vertical pass over output rows <c>[firstRow, firstRow + rowCount)</c> of <paramref name="map"/>: effectively
    /// computes <c>destination[r][x] = (sum_k w[y][k] * source[start(y) + k][x]) * scale + offset</c> with
    /// <c>y = firstRow + r</c>, for <c>x</c> in <c>[0, rowLength)</c>. A whole row is one stream of lane blocks, the
    /// last one overlapping its predecessor, so any <paramref name="rowLength"/> of at least <c>TBlock.Lanes</c> works.
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
        where TBlock : struct, ILaneBlock<TBlock>
    {
        Debug.Assert(rowLength >= TBlock.Lanes, "A row must hold one lane block.");
        nint last = rowLength - TBlock.Lanes;
        for (int r = 0; r < rowCount; r++)
        {
            int y = firstRow + r;
            ref TSample first = ref Unsafe.Add(ref source, map.Start(y) * sourceRowStride);
            ref float weights = ref map.WeightsReference(y);
            int taps = map.Length(y);
            ref float row = ref Unsafe.Add(ref destination, r * destinationRowStride);
            for (nint x = 0; ; x += TBlock.Lanes)
            {
                if (x > last)
                {
                    x = last;
                }

                ref TSample column = ref Unsafe.Add(ref first, x);
                TBlock sum = TBlock.Zero;
                for (int k = 0; k < taps; k++)
                {
                    sum = TBlock.MultiplyAdd(sum, TReader.Load<TBlock>(ref Unsafe.Add(ref column, k * sourceRowStride)), Unsafe.Add(ref weights, k));
                }

                TBlock.Store(TBlock.Affine(sum, scale, offset), ref Unsafe.Add(ref row, x));
                if (x == last)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Horizontal pass over <paramref name="rows"/> rows: effectively computes
    /// <c>destination[y][i] = (sum_k w[i][k] * source[y][(start(i) + k) * sampleStride]) * scale + offset</c>.
    /// <paramref name="sampleStride"/> is 1 for a plane and the pixel size for an interleaved buffer (with
    /// <paramref name="source"/> at the channel's first sample). Runs the band form of <paramref name="map"/>, whose
    /// <see cref="ResizeKernelMap.BlockWidth"/> must equal <c>TBlock.Lanes</c>, four rows at a time.
    /// </summary>
    public static void Horizontal<TBlock>(
        ref float source,
        nint sourceRowStride,
        nint sampleStride,
        int rows,
        ResizeKernelMap map,
        ref float destination,
        nint destinationRowStride,
        float scale,
        float offset)
        where TBlock : struct, ILaneBlock<TBlock>
    {
        Debug.Assert(map.BlockWidth == TBlock.Lanes && map.BlockCount > 0, "The map's band form must match the lane block.");
        int blocks = map.BlockCount;
        for (int y = 0; y < rows; y += 4)
        {
            // The last group repeats its last row: the duplicates write the same values to the same row.
            nint y1 = Math.Min(y + 1, rows - 1), y2 = Math.Min(y + 2, rows - 1), y3 = Math.Min(y + 3, rows - 1);
            ref float s0 = ref Unsafe.Add(ref source, y * sourceRowStride);
            ref float s1 = ref Unsafe.Add(ref source, y1 * sourceRowStride);
            ref float s2 = ref Unsafe.Add(ref source, y2 * sourceRowStride);
            ref float s3 = ref Unsafe.Add(ref source, y3 * sourceRowStride);
            ref float d0 = ref Unsafe.Add(ref destination, y * destinationRowStride);
            ref float d1 = ref Unsafe.Add(ref destination, y1 * destinationRowStride);
            ref float d2 = ref Unsafe.Add(ref destination, y2 * destinationRowStride);
            ref float d3 = ref Unsafe.Add(ref destination, y3 * destinationRowStride);
            for (int b = 0; b < blocks; b++)
            {
                ref float weights = ref map.BandReference(b);
                nint start = map.BlockStart(b) * sampleStride;
                int length = map.BlockLength(b);
                ref float p0 = ref Unsafe.Add(ref s0, start);
                ref float p1 = ref Unsafe.Add(ref s1, start);
                ref float p2 = ref Unsafe.Add(ref s2, start);
                ref float p3 = ref Unsafe.Add(ref s3, start);
                TBlock a0 = TBlock.Zero, a1 = TBlock.Zero, a2 = TBlock.Zero, a3 = TBlock.Zero;
                for (int j = 0; j < length; j++)
                {
                    TBlock w = TBlock.Load(ref Unsafe.Add(ref weights, j * TBlock.Lanes));
                    nint o = j * sampleStride;
                    a0 = TBlock.MultiplyAdd(a0, w, Unsafe.Add(ref p0, o));
                    a1 = TBlock.MultiplyAdd(a1, w, Unsafe.Add(ref p1, o));
                    a2 = TBlock.MultiplyAdd(a2, w, Unsafe.Add(ref p2, o));
                    a3 = TBlock.MultiplyAdd(a3, w, Unsafe.Add(ref p3, o));
                }

                nint first = map.BlockFirstOutput(b);
                TBlock.Store(TBlock.Affine(a0, scale, offset), ref Unsafe.Add(ref d0, first));
                TBlock.Store(TBlock.Affine(a1, scale, offset), ref Unsafe.Add(ref d1, first));
                TBlock.Store(TBlock.Affine(a2, scale, offset), ref Unsafe.Add(ref d2, first));
                TBlock.Store(TBlock.Affine(a3, scale, offset), ref Unsafe.Add(ref d3, first));
            }
        }
    }
}
