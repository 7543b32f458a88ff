namespace Augment.Imaging;

/// <summary>The memory layout of 8-bit pixels handed to or from a codec: interleaved, or one plane per channel.</summary>
public enum PixelLayout
{
    /// <summary>One byte per pixel: gray.</summary>
    Gray8,

    /// <summary>Three bytes per pixel: red, green, blue.</summary>
    Rgb24,

    /// <summary>Four bytes per pixel: red, green, blue, alpha (alpha ignored when converting to RGB).</summary>
    Rgba32,

    /// <summary>Four bytes per pixel: blue, green, red, alpha (alpha ignored when converting to RGB).</summary>
    Bgra32,

    /// <summary>
    /// Three planes of one byte per pixel, red, then green, then blue, each <c>Height</c> rows of <c>Stride</c>
    /// bytes: what a decoder that produces planes anyway hands over without interleaving them (the resampler reads
    /// planes directly).
    /// </summary>
    Rgb24Planar,
}

/// <summary>Helpers for <see cref="PixelLayout"/>.</summary>
public static class PixelLayoutExtensions
{
    /// <summary>Returns the number of bytes one pixel takes in <paramref name="layout"/>.</summary>
    /// <param name="layout">The layout.</param>
    /// <remarks>For <see cref="PixelLayout.Rgb24Planar"/>, 3: one byte in each plane.</remarks>
    public static int BytesPerPixel(this PixelLayout layout) => layout switch
    {
        PixelLayout.Gray8 => 1,
        PixelLayout.Rgb24 or PixelLayout.Rgb24Planar => 3,
        PixelLayout.Rgba32 or PixelLayout.Bgra32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown pixel layout."),
    };

    /// <summary>Returns the number of planes of <paramref name="layout"/>: 3 for <see cref="PixelLayout.Rgb24Planar"/>, 1 for the interleaved layouts.</summary>
    /// <param name="layout">The layout.</param>
    public static int Planes(this PixelLayout layout) => layout == PixelLayout.Rgb24Planar ? 3 : 1;

    /// <summary>Returns the number of bytes one pixel takes in a row of one plane: <see cref="BytesPerPixel"/> over <see cref="Planes"/>.</summary>
    /// <param name="layout">The layout.</param>
    public static int BytesPerRowPixel(this PixelLayout layout) => layout.BytesPerPixel() / layout.Planes();
}
