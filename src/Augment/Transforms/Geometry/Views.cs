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

            WriteView(image, height, width, i, flip, view.Data, streaming: false);
        }
    }

    /// <summary>Writes <paramref name="count"/> views as one dense block.</summary>
    public static void Write(ImageTensor image, int height, int width, Span<float> destination, int count, FlipMode flip)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfTooLarge(image.Size, height, width);
        int viewLength = image.Channels * height * width;
        if (destination.Length < (long)count * viewLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, {count} views of {image.Channels}x{height}x{width} need {(long)count * viewLength}.", nameof(destination));
        }

        // A block larger than the cache (ten 224 px views are 6 MB) is written with streaming stores.
        bool streaming = (long)count * viewLength * sizeof(float) >= StreamingRows.MinimumBytes;
        for (int i = 0; i < count; i++)
        {
            WriteView(image, height, width, i, flip, destination.Slice(i * viewLength, viewLength), streaming);
        }

        if (streaming)
        {
            StreamingRows.Fence();
        }
    }

    // View i < 5 is corner i of the image; view 5 + k is corner k of the image mirrored by `flip`, which is the
    // mirrored crop of the image at the mirrored window.
    private static void WriteView(ImageTensor image, int height, int width, int index, FlipMode flip, Span<float> destination, bool streaming)
    {
        ImageSize size = image.Size;
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

        if ((viewFlip & FlipMode.Vertical) != 0)
        {
            top = size.Height - top - height;
        }

        CropKernels.Crop(image.Data, image.Channels, size, top, left, destination, new ImageSize(height, width), viewFlip, streaming);
    }

    private static void ThrowIfTooLarge(ImageSize size, int height, int width)
    {
        if (height > size.Height || width > size.Width)
        {
            throw new ArgumentException($"The requested crop of {height}x{width} is larger than the {size} image.", nameof(height));
        }
    }
}
