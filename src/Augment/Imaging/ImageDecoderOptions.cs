namespace Augment.Imaging;

/// <summary>
/// What every <see cref="ImageDecoder{TOptions}"/> shares: the pixel limit, EXIF orientation and the truncation
/// policy. Each codec derives its own immutable options record (adding, for instance, its alpha background).
/// Validated on set.
/// </summary>
public abstract record ImageDecoderOptions
{
    /// <summary>The default <see cref="MaxPixels"/>: PIL's <c>Image.MAX_IMAGE_PIXELS</c>, 89,478,485 (about 89 Mpx).</summary>
    public const long DefaultMaxPixels = 89_478_485;

    /// <summary>
    /// The largest width × height a header may declare. Larger images are refused from their header, before any
    /// pixel memory is allocated (decompression-bomb protection). Whatever the limit, an image whose pixels cannot be
    /// held in one buffer (over <see cref="Array.MaxLength"/> bytes) is refused too.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "The pixel limit must be positive.");
    } = DefaultMaxPixels;

    /// <summary>Whether to rotate and mirror images as their EXIF orientation tag says (PIL's <c>exif_transpose</c>). On by default.</summary>
    public bool ApplyExifOrientation { get; init; } = true;

    /// <summary>
    /// Whether to accept images whose data ends early or is corrupt part-way; what could not be decoded is then
    /// filled in. By default such images throw <see cref="InvalidDataException"/>.
    /// </summary>
    public bool AcceptTruncated { get; init; }
}
