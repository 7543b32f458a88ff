using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Kernels.Geometry;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Blur;

/// <summary>
/// Separable convolution of one float plane with odd-length kernels and reflect padding (torch's
/// <c>pad(mode="reflect")</c>: the edge sample is not repeated), vertical pass first, one output row at a time:
/// the vertical taps of a row go into a padded row buffer, whose reflected margins then feed the horizontal taps.
/// Both passes are the same lane-block loop (<see cref="ILane{TSelf}"/>): a tap is a row of source samples at a
/// fixed offset from the output, so each multiply-add is a plain vector load, with no gathers or shuffles.
/// </summary>
internal static class SeparableFilter
{
    /// <summary>
    /// Effectively computes <c>destination[y][x] = Σ_j Σ_i vertical[j] * horizontal[i] * source[r(y + j - ry)][r(x + i - rx)]</c>,
    /// with <c>r</c> the reflection into the plane (extended periodically when a kernel is longer than the plane).
    /// </summary>
    /// <param name="source">The plane, H×W.</param>
    /// <param name="height">H, positive.</param>
    /// <param name="width">W, positive.</param>
    /// <param name="horizontal">The horizontal kernel, odd length.</param>
    /// <param name="vertical">The vertical kernel, odd length.</param>
    /// <param name="destination">H×W floats, not overlapping the source.</param>
    public static void Convolve(ReadOnlySpan<float> source, int height, int width, ReadOnlySpan<float> horizontal, ReadOnlySpan<float> vertical, Span<float> destination)
    {
        int rx = horizontal.Length / 2, ry = vertical.Length / 2;
        int paddedWidth = width + (2 * rx);
        float[] rowArray = ArrayPool<float>.Shared.Rent(paddedWidth);
        Span<int> rows = vertical.Length <= 128 ? stackalloc int[vertical.Length] : new int[vertical.Length];
        Span<int> columns = horizontal.Length <= 128 ? stackalloc int[horizontal.Length] : new int[horizontal.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = i;
        }

        try
        {
            Span<float> padded = rowArray.AsSpan(0, paddedWidth);
            Span<float> inner = padded.Slice(rx, width);
            for (int y = 0; y < height; y++)
            {
                for (int j = 0; j < rows.Length; j++)
                {
                    rows[j] = Reflect(y + j - ry, height) * width;
                }

                Taps(source, rows, vertical, inner);
                for (int i = 1; i <= rx; i++)
                {
                    padded[rx - i] = inner[Reflect(-i, width)];
                    padded[rx + width - 1 + i] = inner[Reflect(width - 1 + i, width)];
                }

                Taps(padded, columns, horizontal, destination.Slice(y * width, width));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rowArray);
        }
    }

    /// <summary>The index that reflection (without repeating the edge) maps <paramref name="i"/> to in [0, n).</summary>
    public static int Reflect(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        int period = 2 * (n - 1);
        i = Math.Abs(i) % period;
        return i < n ? i : period - i;
    }

    // output[x] = Σ_k weights[k] * source[offsets[k] + x], in the widest lane block that fits the row.
    private static void Taps(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, ReadOnlySpan<float> weights, Span<float> output)
    {
        int n = output.Length;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            Taps<Lane512>(source, offsets, weights, output);
        }
        else if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Taps<Lane256>(source, offsets, weights, output);
        }
        else if (Vector128.IsHardwareAccelerated && n >= 8)
        {
            Taps<Lane128x2>(source, offsets, weights, output);
        }
        else
        {
            Taps<ScalarLane>(source, offsets, weights, output);
        }
    }

    // Whole blocks, then one block ending at the last output (overlapping the previous one) when n is not a multiple.
    private static void Taps<TLanes>(ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, ReadOnlySpan<float> weights, Span<float> output)
        where TLanes : struct, ILane<TLanes>
    {
        ref float src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(output);
        int n = output.Length, lanes = TLanes.Count;
        for (int x = 0; x < n; x += lanes)
        {
            int start = Math.Min(x, n - lanes);
            TLanes accumulator = TLanes.Zero;
            for (int k = 0; k < offsets.Length; k++)
            {
                accumulator = TLanes.MultiplyAdd(accumulator, TLanes.Load(ref Unsafe.Add(ref src, offsets[k] + start), 0), weights[k]);
            }

            TLanes.Store(accumulator, ref Unsafe.Add(ref dst, start), 0);
        }
    }
}
