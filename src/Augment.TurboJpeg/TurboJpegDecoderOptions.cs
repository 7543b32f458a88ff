namespace Augment.TurboJpeg;

/// <summary>How <see cref="TurboJpegDecoder"/> treats large, rotated and truncated JPEGs. Immutable; validated on set.</summary>
public sealed record TurboJpegDecoderOptions
{
    /// <summary>The default <see cref="MaxPixels"/>: PIL's <c>Image.MAX_IMAGE_PIXELS</c>, 89,478,485 (about 89 Mpx).</summary>
    public const long DefaultMaxPixels = 89_478_485;

    /// <summary>The defaults: PIL's pixel limit, EXIF orientation applied, truncated files refused.</summary>
    public static TurboJpegDecoderOptions Default { get; } = new();

    /// <summary>
    /// The largest width × height a JPEG header may declare. Larger images are refused from their header, before any
    /// pixel memory is allocated (decompression-bomb protection), CMYK JPEGs included. Other formats follow the fallback
    /// decoder's limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "The pixel limit must be positive.");
    } = DefaultMaxPixels;

    /// <summary>Whether to rotate and mirror JPEGs as their EXIF orientation tag says (PIL's <c>exif_transpose</c>). On by default.</summary>
    public bool ApplyExifOrientation { get; init; } = true;

    /// <summary>
    /// Whether to accept JPEGs that libjpeg-turbo decodes with a warning: data that ends early or is corrupt part-way
    /// (what it could not decode is filled in). By default such images throw <see cref="InvalidDataException"/>.
    /// </summary>
    public bool AcceptTruncated { get; init; }
}
