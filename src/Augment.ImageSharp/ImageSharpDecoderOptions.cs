using Augment.Imaging;
using SixLabors.ImageSharp;

namespace Augment.ImageSharp;

/// <summary>How <see cref="ImageSharpDecoder"/> treats large, translucent, rotated and truncated images. Immutable; validated on set.</summary>
public sealed record ImageSharpDecoderOptions : ImageDecoderOptions
{
    /// <summary>The defaults: PIL's pixel limit, alpha dropped, EXIF orientation applied, truncated files refused.</summary>
    public static ImageSharpDecoderOptions Default { get; } = new();

    /// <summary>
    /// The colour translucent pixels are composited over (8-bit straight alpha), or <see langword="null"/> to drop
    /// alpha and keep the colour channels as stored (PIL's <c>convert("RGB")</c>). Its own alpha is ignored.
    /// </summary>
    public Color? AlphaBackground { get; init; }
}
