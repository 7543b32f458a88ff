namespace Augment.Imaging;

/// <summary>What an image's header says, read without decoding its pixels.</summary>
/// <param name="Width">The stored width in pixels (before any EXIF rotation).</param>
/// <param name="Height">The stored height in pixels (before any EXIF rotation).</param>
/// <param name="Format">The container format, e.g. <c>"jpeg"</c> or <c>"png"</c>.</param>
/// <param name="OrientedSize">The size once EXIF orientation is applied (width and height swapped for 90° rotations).</param>
public readonly record struct ImageInfo(int Width, int Height, string Format, ImageSize OrientedSize);
