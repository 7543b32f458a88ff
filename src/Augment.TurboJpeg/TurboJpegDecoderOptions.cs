using Augment.Imaging;

namespace Augment.TurboJpeg;

/// <summary>
/// How <see cref="TurboJpegDecoder"/> treats large, rotated and truncated JPEGs (CMYK ones included); other formats
/// follow the fallback decoder's options. Immutable; validated on set.
/// </summary>
public sealed record TurboJpegDecoderOptions : ImageDecoderOptions
{
    /// <summary>The defaults: PIL's pixel limit, EXIF orientation applied, truncated files refused.</summary>
    public static TurboJpegDecoderOptions Default { get; } = new();
}
