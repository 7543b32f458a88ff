using Augment.Imaging;
using SkiaSharp;

namespace Augment.Skia;

/// <summary>How <see cref="SkiaImageDecoder"/> treats large, translucent, rotated and truncated images. Immutable; validated on set.</summary>
public sealed record SkiaDecoderOptions : ImageDecoderOptions
{
    /// <summary>The defaults: PIL's pixel limit, alpha dropped, EXIF orientation applied, truncated files refused.</summary>
    public static SkiaDecoderOptions Default { get; } = new();

    /// <summary>
    /// The colour translucent pixels are composited over (8-bit straight alpha), or <see langword="null"/> to drop
    /// alpha and keep the colour channels as stored (PIL's <c>convert("RGB")</c>). Its own alpha is ignored.
    /// </summary>
    public SKColor? AlphaBackground { get; init; }
}
