namespace Augment.Imaging;

/// <summary>The memory layout of interleaved 8-bit pixels handed to or from a codec.</summary>
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
}

/// <summary>Helpers for <see cref="PixelLayout"/>.</summary>
public static class PixelLayoutExtensions
{
    /// <summary>Returns the number of bytes one pixel takes in <paramref name="layout"/>.</summary>
    /// <param name="layout">The layout.</param>
    public static int BytesPerPixel(this PixelLayout layout) => layout switch
    {
        PixelLayout.Gray8 => 1,
        PixelLayout.Rgb24 => 3,
        PixelLayout.Rgba32 or PixelLayout.Bgra32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown pixel layout."),
    };
}
