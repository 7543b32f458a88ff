using SkiaSharp;

namespace Augment.Skia;

/// <summary>How <see cref="SkiaImageDecoder"/> treats large, translucent, rotated and truncated images. Immutable; validated on set.</summary>
public sealed record SkiaDecoderOptions
{
    /// <summary>The default <see cref="MaxPixels"/>: PIL's <c>Image.MAX_IMAGE_PIXELS</c>, 89,478,485 (about 89 Mpx).</summary>
    public const long DefaultMaxPixels = 89_478_485;

    /// <summary>The defaults: PIL's pixel limit, alpha dropped, EXIF orientation applied, truncated files refused.</summary>
    public static SkiaDecoderOptions Default { get; } = new();

    /// <summary>
    /// The largest width × height a header may declare. Larger images are refused from their header, before any
    /// pixel memory is allocated (decompression-bomb protection).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "The pixel limit must be positive.");
    } = DefaultMaxPixels;

    /// <summary>
    /// The colour translucent pixels are composited over (8-bit straight alpha), or <see langword="null"/> to drop
    /// alpha and keep the colour channels as stored (PIL's <c>convert("RGB")</c>). Its own alpha is ignored.
    /// </summary>
    public SKColor? AlphaBackground { get; init; }

    /// <summary>Whether to rotate and mirror images as their EXIF orientation tag says (PIL's <c>exif_transpose</c>). On by default.</summary>
    public bool ApplyExifOrientation { get; init; } = true;

    /// <summary>
    /// Whether to accept images whose data ends early or is corrupt part-way. Skia then fills what it could not
    /// decode (grey for JPEG); by default such images throw <see cref="InvalidDataException"/>.
    /// </summary>
    public bool AcceptTruncated { get; init; }
}
