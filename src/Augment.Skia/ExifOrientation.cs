using System.Runtime.InteropServices;
using Augment.Imaging;
using SkiaSharp;

namespace Augment.Skia;

/// <summary>
/// Turns stored 32-bit pixels upright as an EXIF orientation tag (1..8, Skia's <see cref="SKEncodedOrigin"/>)
/// says, as PIL's <c>ImageOps.exif_transpose</c> does: 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90°
/// clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>Whether <paramref name="origin"/> swaps width and height (orientations 5 to 8).</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>The size of a <paramref name="width"/> × <paramref name="height"/> stored image once oriented.</summary>
    public static ImageSize Oriented(int width, int height, SKEncodedOrigin origin) =>
        SwapsAxes(origin) ? new ImageSize(width, height) : new ImageSize(height, width);

    /// <summary>
    /// Returns a new tightly packed buffer holding <paramref name="source"/> (tightly packed, 4 bytes per pixel)
    /// oriented upright; effectively computes <c>out[y', x'] = in[start + x' * stepX + y' * stepY]</c>.
    /// </summary>
    public static PixelBuffer Apply(PixelBuffer source, SKEncodedOrigin origin)
    {
        int w = source.Width, h = source.Height;
        (int start, int stepX, int stepY) = origin switch
        {
            SKEncodedOrigin.TopRight => (w - 1, -1, w),
            SKEncodedOrigin.BottomRight => ((h * w) - 1, -1, -w),
            SKEncodedOrigin.BottomLeft => ((h - 1) * w, 1, -w),
            SKEncodedOrigin.LeftTop => (0, w, 1),
            SKEncodedOrigin.RightTop => ((h - 1) * w, -w, 1),
            SKEncodedOrigin.RightBottom => (((h - 1) * w) + w - 1, -w, -1),
            SKEncodedOrigin.LeftBottom => (w - 1, w, -1),
            _ => (0, 1, w),
        };

        ImageSize size = Oriented(w, h, origin);
        var result = PixelBuffer.Rent(size.Width, size.Height, source.Layout);
        ReadOnlySpan<uint> input = MemoryMarshal.Cast<byte, uint>(source.Pixels);
        Span<uint> output = MemoryMarshal.Cast<byte, uint>(result.Pixels);
        for (int y = 0, o = 0; y < size.Height; y++)
        {
            int i = start + (y * stepY);
            for (int x = 0; x < size.Width; x++, o++, i += stepX)
            {
                output[o] = input[i];
            }
        }

        return result;
    }
}
