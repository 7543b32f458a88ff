using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Transforms.Geometry;

/// <summary>The view geometry shared by <see cref="FiveCrop"/> and <see cref="TenCrop"/>.</summary>
internal static class Views
{
    /// <summary>Creates <paramref name="views"/>.Length new views (5 or 10), validating the size first.</summary>
    public static void Create(ImageTensor image, int height, int width, ImageTensor[] views, FlipMode flip)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfTooLarge(image.Size, height, width);
        for (int i = 0; i < views.Length; i++)
        {
            views[i] = ImageTensor.Create(image.Channels, height, width);
        }

        Write(image, height, width, views, views.Length, flip);
    }

    /// <summary>Writes <paramref name="count"/> views into tensors.</summary>
    public static void Write(ImageTensor image, int height, int width, ReadOnlySpan<ImageTensor> destination, int count, FlipMode flip)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfTooLarge(image.Size, height, width);
        if (destination.Length != count)
        {
            throw new ArgumentException($"Expected {count} destination tensors, got {destination.Length}.", nameof(destination));
        }

        for (int i = 0; i < count; i++)
        {
            ImageTensor view = destination[i] ?? throw new ArgumentNullException(nameof(destination), $"Destination #{i} is null.");
            if (view.Channels != image.Channels || view.Height != height || view.Width != width)
            {
                throw new ArgumentException($"Destination #{i} is {view.ShapeString}, expected {image.Channels}x{height}x{width}.", nameof(destination));
            }

            WriteViewRows(image.Data, image.Channels, image.Size, 0, image.Height, height, width, i, flip, view.Data, streaming: false);
        }
    }

    /// <summary>Writes <paramref name="count"/> views as one dense block.</summary>
    public static void Write(ImageTensor image, int height, int width, Span<float> destination, int count, FlipMode flip)
    {
        ArgumentNullException.ThrowIfNull(image);
        bool streaming = Streams(count, image.Channels * height * width);
        WriteBand(image.Data, image.Channels, image.Size, 0, image.Height, height, width, destination, count, flip, streaming);
        if (streaming)
        {
            StreamingRows.Fence();
        }
    }

    /// <summary>
    /// Whether <paramref name="count"/> views of <paramref name="viewLength"/> elements are written with streaming
    /// stores: a block larger than the cache (ten 224 px views are 6 MB). The writer then fences once it is done.
    /// </summary>
    public static bool Streams(int count, int viewLength) => (long)count * viewLength * sizeof(float) >= StreamingRows.MinimumBytes;

    /// <summary>
    /// Writes the rows of <paramref name="count"/> views (into one dense block) that come from rows
    /// <c>[firstRow, firstRow + rowCount)</c> of an image of <paramref name="size"/>: <paramref name="band"/> holds
    /// just those rows, <paramref name="channels"/> planes of <c>rowCount * size.Width</c>. Writing every band of an
    /// image writes its views; a band can be rendered just before and still be in the cache.
    /// </summary>
    /// <exception cref="ArgumentException">The crop is larger than the image, or the destination is too short.</exception>
    public static void WriteBand(
        ReadOnlySpan<float> band, int channels, ImageSize size, int firstRow, int rowCount, int height, int width, Span<float> destination, int count, FlipMode flip, bool streaming)
    {
        ThrowIfTooLarge(size, height, width);
        int viewLength = channels * height * width;
        if (destination.Length < (long)count * viewLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, {count} views of {channels}x{height}x{width} need {(long)count * viewLength}.", nameof(destination));
        }

        for (int i = 0; i < count; i++)
        {
            WriteViewRows(band, channels, size, firstRow, rowCount, height, width, i, flip, destination.Slice(i * viewLength, viewLength), streaming);
        }
    }

    // View i < 5 is corner i of the image; view 5 + k is corner k of the image mirrored by `flip`, which is the
    // mirrored crop of the image at the mirrored window. Writes the view's rows that the band holds.
    private static void WriteViewRows(
        ReadOnlySpan<float> band, int channels, ImageSize size, int firstRow, int rowCount, int height, int width, int index, FlipMode flip, Span<float> view, bool streaming)
    {
        (int top, int left) = (index % FiveCrop.Count) switch
        {
            0 => (0, 0),
            1 => (0, size.Width - width),
            2 => (size.Height - height, 0),
            3 => (size.Height - height, size.Width - width),
            _ => CenterCrop.Corner(size, height, width),
        };

        FlipMode viewFlip = index < FiveCrop.Count ? FlipMode.None : flip;
        if ((viewFlip & FlipMode.Horizontal) != 0)
        {
            left = size.Width - left - width;
        }

        bool upsideDown = (viewFlip & FlipMode.Vertical) != 0;
        if (upsideDown)
        {
            top = size.Height - top - height;
        }

        // The image rows [first, end) that are both in the window and in the band, and where they land in the view:
        // counted from the view's bottom when it is mirrored top-bottom.
        int first = Math.Max(top, firstRow), end = Math.Min(top + height, firstRow + rowCount);
        if (first >= end)
        {
            return;
        }

        int rows = end - first, viewRow = upsideDown ? top + height - end : first - top;
        var bandSize = new ImageSize(rowCount, size.Width);
        var blockSize = new ImageSize(rows, width);
        for (int c = 0; c < channels; c++)
        {
            CropKernels.Crop(
                band.Slice(c * bandSize.Area, bandSize.Area), 1, bandSize, first - firstRow, left,
                view.Slice((c * height * width) + (viewRow * width), blockSize.Area), blockSize, viewFlip, streaming);
        }
    }

    private static void ThrowIfTooLarge(ImageSize size, int height, int width)
    {
        if (height > size.Height || width > size.Width)
        {
            throw new ArgumentException($"The requested crop of {height}x{width} is larger than the {size} image.", nameof(height));
        }
    }
}
