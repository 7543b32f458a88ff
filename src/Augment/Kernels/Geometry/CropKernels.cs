using System.Buffers;
using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>
/// Window copies of CHW images: plain and zero-padded crops with optional mirroring fused in, and the general
/// index-map gather that padded crops (edge, reflect, symmetric) run on. Rows are copied as spans, mirrored rows
/// through <see cref="FlipKernels.MirrorCopy"/>.
/// </summary>
public static class CropKernels
{
    private const int StackIndexLimit = 512;

    /// <summary>
    /// Effectively computes <c>destination[c, y, x] = source[c, top + y, left + x]</c> for the destination's size,
    /// with <paramref name="fill"/> where the window lies outside the source (torchvision's tensor <c>crop</c>,
    /// which zero-pads), then mirrors the result as <paramref name="flip"/> says.
    /// </summary>
    /// <param name="source">The image to read.</param>
    /// <param name="top">The window's first row in the source; may be negative or beyond the image.</param>
    /// <param name="left">The window's first column in the source; may be negative or beyond the image.</param>
    /// <param name="destination">Receives the window; its size is the window's size. Same channel count as the source.</param>
    /// <param name="flip">The mirroring applied to the window.</param>
    /// <param name="fill">The value written where the window is outside the source.</param>
    /// <exception cref="ArgumentException">The channel counts differ, or the tensors are the same.</exception>
    public static void Crop(ImageTensor source, int top, int left, ImageTensor destination, FlipMode flip = FlipMode.None, float fill = 0f)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfChannelsDiffer(source, destination);
        Crop(source.Data, source.Channels, source.Size, top, left, destination.Data, destination.Size, flip, fill);
    }

    /// <summary>
    /// The span form of <see cref="Crop(ImageTensor, int, int, ImageTensor, FlipMode, float)"/>: both buffers are
    /// dense CHW with the given shapes. The destination may be a slot of a larger batch buffer.
    /// </summary>
    /// <param name="source">The source elements, at least <c>channels * H * W</c>.</param>
    /// <param name="channels">The channel count of both images.</param>
    /// <param name="sourceSize">The source's spatial size.</param>
    /// <param name="top">The window's first row in the source.</param>
    /// <param name="left">The window's first column in the source.</param>
    /// <param name="destination">The destination elements, at least <c>channels * h * w</c>; must not overlap the source.</param>
    /// <param name="destinationSize">The window's (and destination's) spatial size.</param>
    /// <param name="flip">The mirroring applied to the window.</param>
    /// <param name="fill">The value written where the window is outside the source.</param>
    /// <exception cref="ArgumentException">A buffer is too short, or they overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the channel count is not positive.</exception>
    public static void Crop(
        ReadOnlySpan<float> source,
        int channels,
        ImageSize sourceSize,
        int top,
        int left,
        Span<float> destination,
        ImageSize destinationSize,
        FlipMode flip = FlipMode.None,
        float fill = 0f) =>
        Crop<IdentityOperator>(source, channels, sourceSize, top, left, destination, destinationSize, flip, fill, default);

    /// <summary>
    /// The span form of <see cref="Crop(ImageTensor, int, int, ImageTensor, FlipMode, float)"/> for a window inside
    /// the source, with streaming stores when <paramref name="streaming"/> is set (see <see cref="StreamingRows"/>;
    /// the caller fences).
    /// </summary>
    internal static void Crop(ReadOnlySpan<float> source, int channels, ImageSize sourceSize, int top, int left, Span<float> destination, ImageSize destinationSize, FlipMode flip, bool streaming) =>
        Crop<IdentityOperator>(source, channels, sourceSize, top, left, destination, destinationSize, flip, 0f, default, streaming);

    /// <summary>
    /// <see cref="Crop(ReadOnlySpan{float}, int, ImageSize, int, int, Span{float}, ImageSize, FlipMode, float)"/>
    /// followed by <c>channelOperators[c]</c> on every element of channel <c>c</c>, applied to each row while it is
    /// still in the L1 cache (crop, mirror and e.g. normalization fused in one pass over the destination). With
    /// <paramref name="streaming"/> (identity operators only) rows are copied with streaming stores (see
    /// <see cref="StreamingRows"/>; the caller fences).
    /// </summary>
    internal static void Crop<TOp>(
        ReadOnlySpan<float> source,
        int channels,
        ImageSize sourceSize,
        int top,
        int left,
        Span<float> destination,
        ImageSize destinationSize,
        FlipMode flip,
        float fill,
        ReadOnlySpan<TOp> channelOperators,
        bool streaming = false)
        where TOp : struct, IUnaryOperator
    {
        ValidateBuffers(source, channels, sourceSize, destination, destinationSize);
        bool transform = typeof(TOp) != typeof(IdentityOperator);
        if (transform && channelOperators.Length != channels)
        {
            throw new ArgumentException($"Got {channelOperators.Length} channel operators for {channels} channels.", nameof(channelOperators));
        }

        int height = sourceSize.Height, width = sourceSize.Width;
        int h = destinationSize.Height, w = destinationSize.Width;

        // The window's columns that fall inside the source, in window coordinates [x0, x1).
        int x0 = (int)Math.Clamp(-(long)left, 0, w);
        int x1 = (int)Math.Clamp((long)width - left, x0, w);
        int run = x1 - x0;
        bool mirror = (flip & FlipMode.Horizontal) != 0;
        bool upsideDown = (flip & FlipMode.Vertical) != 0;
        int runStart = mirror ? w - x1 : x0;
        int sourceColumn = left + x0;

        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> sourcePlane = source.Slice(c * sourceSize.Area, sourceSize.Area);
            Span<float> destinationPlane = destination.Slice(c * destinationSize.Area, destinationSize.Area);
            for (int y = 0; y < h; y++)
            {
                Span<float> row = destinationPlane.Slice(y * w, w);
                long sourceRow = (long)top + (upsideDown ? h - 1 - y : y);
                if (run == 0 || (ulong)sourceRow >= (ulong)height)
                {
                    row.Fill(fill);
                }
                else
                {
                    row[..runStart].Fill(fill);
                    row[(runStart + run)..].Fill(fill);
                    ReadOnlySpan<float> from = sourcePlane.Slice(((int)sourceRow * width) + sourceColumn, run);
                    if (streaming && !transform)
                    {
                        StreamingRows.Copy(from, row.Slice(runStart, run), mirror);
                    }
                    else if (mirror)
                    {
                        FlipKernels.MirrorCopy(from, row.Slice(runStart, run));
                    }
                    else
                    {
                        from.CopyTo(row.Slice(runStart, run));
                    }
                }

                if (transform)
                {
                    Pointwise.ApplyInPlace(row, channelOperators[c]);
                }
            }
        }
    }

    /// <summary>
    /// Effectively computes <c>destination[c, y, x] = source[c, rows[y], columns[x]]</c>, or <paramref name="fill"/>
    /// where <c>rows[y]</c> or <c>columns[x]</c> is -1: any crop of any padding (see <see cref="Padding.MapIndex"/>).
    /// Runs of consecutive columns are found once and copied as spans.
    /// </summary>
    /// <param name="source">The image to read.</param>
    /// <param name="rows">The source row of each destination row, or -1; its length is the destination's height.</param>
    /// <param name="columns">The source column of each destination column, or -1; its length is the destination's width.</param>
    /// <param name="destination">Receives the gathered pixels; same channel count as the source.</param>
    /// <param name="fill">The value written where an index is -1.</param>
    /// <exception cref="ArgumentException">The maps' lengths differ from the destination's size, an index is out of range, or the channel counts differ.</exception>
    public static void Gather(ImageTensor source, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ImageTensor destination, float fill = 0f)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfChannelsDiffer(source, destination);
        if (rows.Length != destination.Height || columns.Length != destination.Width)
        {
            throw new ArgumentException($"Index maps of {rows.Length} rows and {columns.Length} columns do not match the {destination.Height}x{destination.Width} destination.", nameof(rows));
        }

        ThrowIfIndexOutside(rows, source.Height, nameof(rows));
        ThrowIfIndexOutside(columns, source.Width, nameof(columns));

        // Runs of the column map as (destination start, source start or -1, length) triples.
        int w = columns.Length;
        int[]? rented = null;
        Span<int> runs = 3 * w <= StackIndexLimit
            ? stackalloc int[StackIndexLimit]
            : (rented = ArrayPool<int>.Shared.Rent(3 * w));
        try
        {
            int runCount = FindRuns(columns, runs);
            for (int c = 0; c < source.Channels; c++)
            {
                ReadOnlySpan<float> sourcePlane = source.Plane(c);
                Span<float> destinationPlane = destination.Plane(c);
                for (int y = 0; y < rows.Length; y++)
                {
                    Span<float> row = destinationPlane.Slice(y * w, w);
                    if (rows[y] < 0)
                    {
                        row.Fill(fill);
                        continue;
                    }

                    ReadOnlySpan<float> sourceRow = sourcePlane.Slice(rows[y] * source.Width, source.Width);
                    for (int r = 0; r < runCount; r++)
                    {
                        int start = runs[3 * r], from = runs[(3 * r) + 1], length = runs[(3 * r) + 2];
                        Span<float> to = row.Slice(start, length);
                        if (from < 0)
                        {
                            to.Fill(fill);
                        }
                        else if (length == 1)
                        {
                            to[0] = sourceRow[from];
                        }
                        else
                        {
                            sourceRow.Slice(from, length).CopyTo(to);
                        }
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Marks the plain crop: no per-element operation (the JIT removes the branch).</summary>
    private readonly struct IdentityOperator : IUnaryOperator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Invoke<TLane>(TLane x)
            where TLane : struct, ILane<TLane> => x;
    }

    private static int FindRuns(ReadOnlySpan<int> columns, Span<int> runs)
    {
        int count = 0;
        for (int x = 0; x < columns.Length;)
        {
            int first = columns[x];
            int end = x + 1;
            if (first < 0)
            {
                while (end < columns.Length && columns[end] < 0)
                {
                    end++;
                }
            }
            else
            {
                while (end < columns.Length && columns[end] == first + (end - x))
                {
                    end++;
                }
            }

            runs[3 * count] = x;
            runs[(3 * count) + 1] = first;
            runs[(3 * count) + 2] = end - x;
            count++;
            x = end;
        }

        return count;
    }

    private static void ThrowIfIndexOutside(ReadOnlySpan<int> map, int length, string paramName)
    {
        foreach (int index in map)
        {
            if (index < -1 || index >= length)
            {
                throw new ArgumentException($"Index {index} is outside [-1, {length}).", paramName);
            }
        }
    }

    private static void ThrowIfChannelsDiffer(ImageTensor source, ImageTensor destination)
    {
        if (source.Channels != destination.Channels)
        {
            throw new ArgumentException($"The destination has {destination.Channels} channels, the source {source.Channels}.", nameof(destination));
        }

        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("A crop cannot write into its own source.", nameof(destination));
        }
    }

    private static void ValidateBuffers(ReadOnlySpan<float> source, int channels, ImageSize sourceSize, Span<float> destination, ImageSize destinationSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        sourceSize.ThrowIfEmpty(nameof(sourceSize));
        destinationSize.ThrowIfEmpty(nameof(destinationSize));
        if (source.Length < (long)channels * sourceSize.Area)
        {
            throw new ArgumentException($"The source holds {source.Length} elements, fewer than {channels}x{sourceSize}.", nameof(source));
        }

        if (destination.Length < (long)channels * destinationSize.Area)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, fewer than {channels}x{destinationSize}.", nameof(destination));
        }

        if (source.Overlaps(destination))
        {
            throw new ArgumentException("The destination overlaps the source.", nameof(destination));
        }
    }
}
