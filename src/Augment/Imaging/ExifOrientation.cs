using System.Runtime.InteropServices;

namespace Augment.Imaging;

/// <summary>
/// Turns stored 32-bit pixels upright as an EXIF orientation tag (1..8) says, as PIL's <c>ImageOps.exif_transpose</c>
/// does: 1 upright, 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90°
/// counter-clockwise. Shared by the codec packages, which read the tag each their own way.
/// </summary>
public static class ExifOrientation
{
    /// <summary>The orientation of an upright image (EXIF tag value 1), also used for absent or invalid tags.</summary>
    public const int Upright = 1;

    /// <summary>Whether <paramref name="orientation"/> is a valid EXIF orientation, 1 to 8.</summary>
    /// <param name="orientation">The EXIF orientation tag value.</param>
    /// <returns><see langword="true"/> for 1 to 8.</returns>
    public static bool IsValid(int orientation) => orientation is >= 1 and <= 8;

    /// <summary>Whether <paramref name="orientation"/> swaps width and height (orientations 5 to 8).</summary>
    /// <param name="orientation">The EXIF orientation tag value.</param>
    /// <returns><see langword="true"/> for 5 to 8.</returns>
    public static bool SwapsAxes(int orientation) => orientation is >= 5 and <= 8;

    /// <summary>The size of a <paramref name="width"/> × <paramref name="height"/> stored image once oriented.</summary>
    /// <param name="width">The stored width.</param>
    /// <param name="height">The stored height.</param>
    /// <param name="orientation">The EXIF orientation tag value.</param>
    /// <returns>The upright size.</returns>
    public static ImageSize Oriented(int width, int height, int orientation) =>
        SwapsAxes(orientation) ? new ImageSize(width, height) : new ImageSize(height, width);

    /// <summary>
    /// Returns a new tightly packed buffer holding <paramref name="source"/> oriented upright; effectively computes
    /// <c>out[y', x'] = in[start + x' * stepX + y' * stepY]</c>. The source is left as is (the caller still owns it).
    /// </summary>
    /// <param name="source">Tightly packed pixels of 4 bytes each (<see cref="PixelLayout.Rgba32"/> or <see cref="PixelLayout.Bgra32"/>).</param>
    /// <param name="orientation">The EXIF orientation tag value, 1 to 8.</param>
    /// <returns>A new buffer of the same layout; the caller owns it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orientation"/> is not 1 to 8.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not tightly packed with 4 bytes per pixel.</exception>
    public static PixelBuffer Apply(PixelBuffer source, int orientation)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!IsValid(orientation))
        {
            throw new ArgumentOutOfRangeException(nameof(orientation), orientation, "An EXIF orientation is 1 to 8.");
        }

        int w = source.Width, h = source.Height;
        if (source.Layout.BytesPerPixel() != 4 || source.Stride != w * 4)
        {
            throw new ArgumentException($"Orienting needs tightly packed 4-byte pixels, got a {source} with stride {source.Stride}.", nameof(source));
        }

        (int start, int stepX, int stepY) = orientation switch
        {
            2 => (w - 1, -1, w),
            3 => ((h * w) - 1, -1, -w),
            4 => ((h - 1) * w, 1, -w),
            5 => (0, w, 1),
            6 => ((h - 1) * w, -w, 1),
            7 => (((h - 1) * w) + w - 1, -w, -1),
            8 => (w - 1, w, -1),
            _ => (0, 1, w),
        };

        ImageSize size = Oriented(w, h, orientation);
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
