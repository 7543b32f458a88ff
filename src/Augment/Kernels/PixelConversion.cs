using Augment.Imaging;

namespace Augment.Kernels;

/// <summary>Conversions between interleaved 8-bit pixels and CHW float images in [0, 1].</summary>
public static class PixelConversion
{
    /// <summary>
    /// Converts interleaved 8-bit pixels to a 3-channel CHW float image with values <c>v / 255</c>
    /// (torchvision's <c>to_tensor</c>). Gray input is replicated to three channels; alpha is ignored.
    /// </summary>
    /// <param name="pixels">The pixels, <paramref name="stride"/> bytes per row.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <param name="stride">Bytes per row; 0 means tightly packed.</param>
    /// <returns>A new 3xHxW tensor.</returns>
    public static ImageTensor ToTensor(ReadOnlySpan<byte> pixels, int width, int height, PixelLayout layout, int stride = 0)
    {
        int bpp = layout.BytesPerPixel();
        if (stride == 0)
        {
            stride = width * bpp;
        }

        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Cannot convert an empty {width}x{height} image.");
        }

        if (stride < width * bpp || pixels.Length < ((long)(height - 1) * stride) + (width * bpp))
        {
            throw new ArgumentException($"{pixels.Length} bytes with stride {stride} do not hold a {width}x{height} {layout} image.", nameof(pixels));
        }

        var image = ImageTensor.Create(3, height, width);
        (int r, int g, int b) = layout switch
        {
            PixelLayout.Gray8 => (0, 0, 0),
            PixelLayout.Bgra32 => (2, 1, 0),
            _ => (0, 1, 2),
        };

        Span<float> red = image.Plane(0), green = image.Plane(1), blue = image.Plane(2);
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y * stride, width * bpp);
            int o = y * width;
            for (int x = 0, i = 0; x < width; x++, i += bpp)
            {
                red[o + x] = row[i + r] / 255f;
                green[o + x] = row[i + g] / 255f;
                blue[o + x] = row[i + b] / 255f;
            }
        }

        return image;
    }
}
