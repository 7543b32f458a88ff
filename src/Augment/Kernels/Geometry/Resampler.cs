using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>
/// The separable resampling executor: resamples a window of a source (CHW float planes, or 8-bit pixels, interleaved
/// or planar, read as <c>v / 255</c>) to a CHW float destination, optionally mirrored horizontally and with a per-channel
/// <c>x * scale + offset</c> applied on the final write. This is both the body of Resize / ResizedCrop and the fused
/// decode → crop → resize → flip → normalize primitive of the loader, which writes straight into a batch slot.
/// </summary>
/// <remarks>
/// Weights come from this thread's <see cref="ResizeKernelMapCache"/> (two maps, used before any other request to the
/// cache); scratch comes from <see cref="ArrayPool{T}.Shared"/>, so a call allocates nothing once the thread's maps have
/// grown to the sizes in use. The vertical pass runs first over strips of output rows (the
/// strip stays in cache for the horizontal pass), unless running the horizontal pass first costs less (float planes
/// only). Pixel sources always go vertical first, widening the bytes on the fly; planar ones are read plane by plane
/// as they are. Where AVX-512 VBMI runs, an
/// interleaved RGB(A) window that is downscaled vertically by at most 2x and whose planes fit in 4 MB is first split
/// into three byte planes (<see cref="ChannelSplit"/>), so the passes never touch alpha and the horizontal pass reads
/// contiguous samples. Otherwise the vertical pass reads all samples of a row at once; where the horizontal map has a
/// window form (AVX-512F), each strip is then split into float planes for it, and otherwise the horizontal pass reads
/// each channel with the pixel stride. Lane blocks are 16 wide
/// where AVX-512 is accelerated, else 8, else scalar; on contiguous rows the horizontal pass uses the map's window form
/// (AVX-512 permutes) when it has one and the band form otherwise (see <see cref="ResizeKernelMap"/>).
/// </remarks>
internal static class Resampler
{
    // The horizontal pass broadcasts one sample per multiply-add; weigh it above the vertical pass's plain loads.
    private const double HorizontalCostFactor = 1.5;
    private const int StripBytes = 64 * 1024;
    private const long SplitFirstBytes = 4L << 20;

    /// <summary>
    /// Resamples the window (<paramref name="request"/>) of CHW float planes into <paramref name="destination"/>:
    /// effectively <c>destination[c][y][x] = resize(source[c] window)[y][mirror ? w - 1 - x : x] * scale[c] + offset[c]</c>.
    /// </summary>
    /// <param name="source">The planes, <c>channels * sourceHeight * sourceWidth</c> elements.</param>
    /// <param name="channels">The channel count, positive.</param>
    /// <param name="sourceHeight">The source height.</param>
    /// <param name="sourceWidth">The source width.</param>
    /// <param name="request">The window, the output size and the interpolation.</param>
    /// <param name="destination">At least <c>channels * DestinationHeight * DestinationWidth</c> elements, CHW.</param>
    /// <param name="scale">Per-channel scale of the final write, or empty for 1.</param>
    /// <param name="offset">Per-channel offset of the final write, or empty for 0.</param>
    public static void Resample(
        ReadOnlySpan<float> source,
        int channels,
        int sourceHeight,
        int sourceWidth,
        in ResampleRequest request,
        Span<float> destination,
        ReadOnlySpan<float> scale = default,
        ReadOnlySpan<float> offset = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (source.Length < (long)channels * sourceHeight * sourceWidth)
        {
            throw new ArgumentException($"{source.Length} elements do not hold a {channels}x{sourceHeight}x{sourceWidth} image.", nameof(source));
        }

        Validate(sourceHeight, sourceWidth, channels, request, destination.Length, scale, offset);
        var layout = new SourceLayout(channels, channels, (nint)sourceHeight * sourceWidth, sourceWidth, 1, default);
        ref float origin = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), ((nint)request.Top * sourceWidth) + request.Left);
        Run<float, FloatSampleReader>(ref origin, layout, request, destination, scale, offset);
    }

    /// <summary>
    /// Resamples the window (<paramref name="request"/>) of 8-bit pixels (interleaved, or planar), read as
    /// <c>v / 255</c>, into three CHW float planes (RGB; gray is replicated, alpha ignored), as <see cref="Resample(ReadOnlySpan{float}, int, int, int, in ResampleRequest, Span{float}, ReadOnlySpan{float}, ReadOnlySpan{float})"/> does.
    /// </summary>
    /// <param name="pixels">The pixels, <paramref name="rowStride"/> bytes per row.</param>
    /// <param name="rowStride">Bytes per row (of one plane, for a planar layout), at least <c>sourceWidth</c> times the bytes a pixel takes in a row.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <param name="sourceHeight">The source height.</param>
    /// <param name="sourceWidth">The source width.</param>
    /// <param name="request">The window, the output size and the interpolation.</param>
    /// <param name="destination">At least <c>3 * DestinationHeight * DestinationWidth</c> elements, CHW.</param>
    /// <param name="scale">Per-channel scale of the final write, or empty for 1.</param>
    /// <param name="offset">Per-channel offset of the final write, or empty for 0.</param>
    public static void Resample(
        ReadOnlySpan<byte> pixels,
        int rowStride,
        PixelLayout layout,
        int sourceHeight,
        int sourceWidth,
        in ResampleRequest request,
        Span<float> destination,
        ReadOnlySpan<float> scale = default,
        ReadOnlySpan<float> offset = default)
    {
        int pixelSize = layout.BytesPerRowPixel();
        if (rowStride < sourceWidth * pixelSize || pixels.Length < ((long)((layout.Planes() * sourceHeight) - 1) * rowStride) + ((long)sourceWidth * pixelSize))
        {
            throw new ArgumentException($"{pixels.Length} bytes with stride {rowStride} do not hold a {sourceWidth}x{sourceHeight} {layout} image.", nameof(pixels));
        }

        Validate(sourceHeight, sourceWidth, 3, request, destination.Length, scale, offset);
        ref byte origin = ref Unsafe.Add(ref MemoryMarshal.GetReference(pixels), ((nint)request.Top * rowStride) + ((nint)request.Left * pixelSize));
        if (layout == PixelLayout.Rgb24Planar)
        {
            Run<byte, ByteSampleReader>(ref origin, SourceLayout.BytePlanes((nint)sourceHeight * rowStride, rowStride), request, destination, scale, offset);
            return;
        }

        ChannelOffsets offsets = layout switch
        {
            PixelLayout.Gray8 => new(0, 0, 0),
            PixelLayout.Bgra32 => new(2, 1, 0),
            _ => new(0, 1, 2),
        };
        if (pixelSize < 3 || !SplitsFirst(request))
        {
            Run<byte, ByteSampleReader>(ref origin, new SourceLayout(3, 1, 0, rowStride, pixelSize, offsets), request, destination, scale, offset);
            return;
        }

        // Split the window into three byte planes first: the passes then read one channel's samples at a time, with
        // no alpha and no per-strip float split.
        nint plane = (nint)request.Height * request.Width;
        byte[] planes = ArrayPool<byte>.Shared.Rent((int)(3 * plane));
        ref byte planesOrigin = ref MemoryMarshal.GetArrayDataReference(planes);
        ChannelSplit.Split(ref origin, rowStride, request.Height, request.Width, pixelSize, offsets, ref planesOrigin, plane);
        Run<byte, ByteSampleReader>(ref planesOrigin, SourceLayout.BytePlanes(plane, request.Width), request, destination, scale, offset);
        ArrayPool<byte>.Shared.Return(planes);
    }

    // Splitting the window into byte planes first pays where the vertical pass reads each source row about twice or
    // more (a downscale of at most 2x, or an upscale) and the planes stay in the cache. For stronger downscales or
    // larger windows, splitting the few vertical-pass output rows into float planes costs less (measured: 500x375 ->
    // 341x256 75 us against 104 us; 1200x1200 -> 224 970 us against 620-700 us).
    private static bool SplitsFirst(in ResampleRequest request) =>
        ChannelSplit.IsSupported<byte>()
        && request.Width >= ChannelSplit.BlockPixels<byte>()
        && 2L * request.FullSize.Height >= request.Height
        && 3L * request.Height * request.Width <= SplitFirstBytes;

    private static void Validate(int sourceHeight, int sourceWidth, int channels, in ResampleRequest request, int destinationLength, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset)
    {
        if (sourceHeight <= 0 || sourceWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceHeight), $"Cannot resample an empty {sourceHeight}x{sourceWidth} image.");
        }

        if (request.Height <= 0 || request.Width <= 0 || request.Top < 0 || request.Left < 0 || request.Top > sourceHeight - request.Height || request.Left > sourceWidth - request.Width)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request),
                $"The window (top {request.Top}, left {request.Left}, height {request.Height}, width {request.Width}) is empty or not inside the {sourceHeight}x{sourceWidth} image.");
        }

        if (request.DestinationHeight <= 0 || request.DestinationWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"The output size must be positive, got {request.DestinationHeight}x{request.DestinationWidth}.");
        }

        ImageSize full = request.FullSize;
        if (request.RowOffset < 0 || request.ColumnOffset < 0 || request.RowOffset > full.Height - request.DestinationHeight || request.ColumnOffset > full.Width - request.DestinationWidth)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request),
                $"The {request.DestinationHeight}x{request.DestinationWidth} output at ({request.RowOffset}, {request.ColumnOffset}) is not inside the {full.Height}x{full.Width} resize.");
        }

        if (destinationLength < (long)channels * request.DestinationHeight * request.DestinationWidth)
        {
            throw new ArgumentException($"The destination holds {destinationLength} elements; {channels}x{request.DestinationHeight}x{request.DestinationWidth} are needed.", "destination");
        }

        if ((scale.Length != 0 && scale.Length != channels) || (offset.Length != 0 && offset.Length != channels))
        {
            throw new ArgumentException($"Scale and offset need 0 or {channels} elements, got {scale.Length} and {offset.Length}.", nameof(scale));
        }
    }

    private static void Run<TSample, TReader>(ref TSample origin, in SourceLayout source, in ResampleRequest r, Span<float> destination, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset)
        where TSample : unmanaged
        where TReader : struct, ISampleReader<TSample>
    {
        int outHeight = r.DestinationHeight, outWidth = r.DestinationWidth;
        ImageSize full = r.FullSize;
        int lanes = LaneWidth(int.MaxValue);
        ResizeKernelMap vertical = ResizeKernelMapCache.Get(r.Height, full.Height, r.Interpolation, r.Antialias, r.MirrorVertical, blockWidth: 1);
        ResizeKernelMap horizontal = ResizeKernelMapCache.Get(r.Width, full.Width, r.Interpolation, r.Antialias, r.Mirror, LaneWidth(full.Width));

        // The outputs of the full resize's maps that the destination holds; a mirrored map counts from the far end.
        int firstRow = r.MirrorVertical ? full.Height - r.RowOffset - outHeight : r.RowOffset;
        var columns = BlockRange.Of(horizontal, r.Mirror ? full.Width - r.ColumnOffset - outWidth : r.ColumnOffset, outWidth);
        int channels = source.Channels;
        nint plane = (nint)outHeight * outWidth;
        ref float output = ref MemoryMarshal.GetReference(destination);
        float sampleScale = typeof(TSample) == typeof(byte) ? 1f / 255f : 1f;

        // Float planes whose vertical map is the identity need no vertical pass: the horizontal pass reads them directly.
        if (typeof(TSample) == typeof(float) && vertical.IsIdentity)
        {
            for (int c = 0; c < channels; c++)
            {
                Horizontal(
                    ref Unsafe.As<TSample, float>(ref Unsafe.Add(ref origin, (c * source.PlaneStride) + (firstRow * source.RowStride))),
                    source.RowStride, 1, outHeight, horizontal, columns, ref Unsafe.Add(ref output, c * plane), outWidth, Scale(scale, c), Offset(offset, c));
            }

            return;
        }

        // Costs of the two orders, the maps' full costs scaled to the block produced.
        double rowShare = (double)outHeight / full.Height, columnShare = (double)outWidth / full.Width;
        double verticalFirst = (VerticalCost(vertical, r.Width * source.PixelSize, lanes) * rowShare) + (HorizontalCost(horizontal) * columnShare * outHeight);
        double horizontalFirst = (HorizontalCost(horizontal) * columnShare * r.Height) + (VerticalCost(vertical, outWidth, lanes) * rowShare);
        if (typeof(TSample) == typeof(float) && horizontalFirst < verticalFirst)
        {
            float[] scratch = ArrayPool<float>.Shared.Rent(r.Height * outWidth);
            ref float buffer = ref MemoryMarshal.GetArrayDataReference(scratch);
            for (int c = 0; c < channels; c++)
            {
                Horizontal(
                    ref Unsafe.As<TSample, float>(ref Unsafe.Add(ref origin, c * source.PlaneStride)),
                    source.RowStride, 1, r.Height, horizontal, columns, ref buffer, outWidth, 1f, 0f);
                Vertical<float, FloatSampleReader>(
                    ref buffer, outWidth, outWidth, vertical, firstRow, outHeight, ref Unsafe.Add(ref output, c * plane), outWidth, Scale(scale, c), Offset(offset, c));
            }

            ArrayPool<float>.Shared.Return(scratch);
            return;
        }

        // Vertical first, in strips of output rows that stay in cache between the two passes; whole groups of eight
        // rows, as the horizontal pass runs them. Interleaved rows are split into planes for the window form where it runs.
        int rowLength = r.Width * source.PixelSize;
        int strip = Math.Min(Math.Max(StripBytes / sizeof(float) / rowLength / 8 * 8, 8), outHeight);
        bool split = source.PixelSize >= 3 && ChannelSplit.IsSupported<float>() && horizontal.HasWindowForm && r.Width >= ChannelSplit.BlockPixels<float>();
        nint splitPlane = (nint)strip * r.Width;
        float[] rows = ArrayPool<float>.Shared.Rent((strip * rowLength) + (split ? 3 * (int)splitPlane : 0));
        ref float buffered = ref MemoryMarshal.GetArrayDataReference(rows);
        ref float planes = ref split ? ref Unsafe.Add(ref buffered, strip * rowLength) : ref buffered;
        ChannelOffsets offsets = source.Offsets;
        for (int p = 0; p < source.Planes; p++)
        {
            ref TSample planeOrigin = ref Unsafe.Add(ref origin, p * source.PlaneStride);
            for (int y = 0; y < outHeight; y += strip)
            {
                int count = Math.Min(strip, outHeight - y);
                Vertical<TSample, TReader>(ref planeOrigin, source.RowStride, rowLength, vertical, firstRow + y, count, ref buffered, rowLength, sampleScale, 0f);
                if (split)
                {
                    ChannelSplit.Split(ref buffered, rowLength, count, r.Width, source.PixelSize, offsets, ref planes, splitPlane);
                    for (int c = 0; c < channels; c++)
                    {
                        Horizontal(
                            ref Unsafe.Add(ref planes, c * splitPlane), r.Width, 1, count, horizontal, columns,
                            ref Unsafe.Add(ref output, (c * plane) + ((nint)y * outWidth)), outWidth, Scale(scale, c), Offset(offset, c));
                    }

                    continue;
                }

                for (int c = 0; c < channels; c++)
                {
                    if (source.Planes > 1 && c != p)
                    {
                        continue;
                    }

                    Horizontal(
                        ref Unsafe.Add(ref buffered, source.Offsets[c]), rowLength, source.PixelSize, count, horizontal, columns,
                        ref Unsafe.Add(ref output, (c * plane) + ((nint)y * outWidth)), outWidth, Scale(scale, c), Offset(offset, c));
                }
            }
        }

        ArrayPool<float>.Shared.Return(rows);
    }

    private static double VerticalCost(ResizeKernelMap map, int rowLength, int lanes) => (double)map.TapCount * ((rowLength + lanes - 1) / lanes);

    // Per row, in lane-block operations: a band row is one broadcast multiply-add, a window-form tap a permute and a multiply-add.
    private static double HorizontalCost(ResizeKernelMap map) =>
        map.HasWindowForm && Avx512F.IsSupported ? map.BlockCount * (2.0 + (2.0 * map.MaxTaps))
        : map.BlockCount > 0 ? map.BandLength * HorizontalCostFactor
        : map.TapCount * HorizontalCostFactor;

    private static float Scale(ReadOnlySpan<float> scale, int c) => scale.IsEmpty ? 1f : scale[c];

    private static float Offset(ReadOnlySpan<float> offset, int c) => offset.IsEmpty ? 0f : offset[c];

    // The widest lane block the hardware accelerates that fits in a row of `length` samples.
    private static int LaneWidth(int length) =>
        Vector512.IsHardwareAccelerated && length >= 16 ? 16
        : (Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated) && length >= 8 ? 8
        : 1;

    private static void Vertical<TSample, TReader>(
        ref TSample source, nint sourceRowStride, int rowLength, ResizeKernelMap map, int firstRow, int rowCount, ref float destination, nint destinationRowStride, float scale, float offset)
        where TSample : unmanaged
        where TReader : struct, ISampleReader<TSample>
    {
        switch (LaneWidth(rowLength))
        {
            case 16:
                ResamplePasses.Vertical<TSample, TReader, Lane512>(ref source, sourceRowStride, rowLength, map, firstRow, rowCount, ref destination, destinationRowStride, scale, offset);
                break;
            case 8 when Vector256.IsHardwareAccelerated:
                ResamplePasses.Vertical<TSample, TReader, Lane256>(ref source, sourceRowStride, rowLength, map, firstRow, rowCount, ref destination, destinationRowStride, scale, offset);
                break;
            case 8:
                ResamplePasses.Vertical<TSample, TReader, Lane128x2>(ref source, sourceRowStride, rowLength, map, firstRow, rowCount, ref destination, destinationRowStride, scale, offset);
                break;
            default:
                ResamplePasses.Vertical<TSample, TReader, ScalarLane>(ref source, sourceRowStride, rowLength, map, firstRow, rowCount, ref destination, destinationRowStride, scale, offset);
                break;
        }
    }

    private static void Horizontal(
        ref float source, nint sourceRowStride, nint sampleStride, int rows, ResizeKernelMap map, in BlockRange range, ref float destination, nint destinationRowStride, float scale, float offset)
    {
        switch (map.BlockWidth)
        {
            case 16 when sampleStride == 1 && map.HasWindowForm && Avx512F.IsSupported:
                ResamplePasses.HorizontalWindowed(ref source, sourceRowStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
                break;
            case 16:
                ResamplePasses.Horizontal<Lane512>(ref source, sourceRowStride, sampleStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
                break;
            case 8 when Vector256.IsHardwareAccelerated:
                ResamplePasses.Horizontal<Lane256>(ref source, sourceRowStride, sampleStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
                break;
            case 8:
                ResamplePasses.Horizontal<Lane128x2>(ref source, sourceRowStride, sampleStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
                break;
            default:
                ResamplePasses.Horizontal<ScalarLane>(ref source, sourceRowStride, sampleStride, rows, map, range, ref destination, destinationRowStride, scale, offset);
                break;
        }
    }

    // Where channel c's samples start inside a pixel of an interleaved source.
    [InlineArray(3)]
    private struct ChannelOffsets
    {
        private int _element;

        public ChannelOffsets(int red, int green, int blue)
        {
            this[0] = red;
            this[1] = green;
            this[2] = blue;
        }
    }

    // Planes: separate planes (channels of CHW) or 1 (interleaved); PixelSize: samples per pixel in a row.
    private readonly struct SourceLayout(int channels, int planes, nint planeStride, nint rowStride, int pixelSize, ChannelOffsets offsets)
    {
        public int Channels { get; } = channels;

        public int Planes { get; } = planes;

        public nint PlaneStride { get; } = planeStride;

        public nint RowStride { get; } = rowStride;

        public int PixelSize { get; } = pixelSize;

        public ChannelOffsets Offsets { get; } = offsets;

        // Three planes of one byte per sample, planeStride apart, rows rowStride apart.
        public static SourceLayout BytePlanes(nint planeStride, nint rowStride) => new(3, 3, planeStride, rowStride, 1, default);
    }
}
