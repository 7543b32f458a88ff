using Augment.Imaging;
using Augment.ImageSharp;

namespace Augment.Tests.Codec;

/// <summary>
/// <see cref="ImageSharpDecoder"/>: the decoder contract (<see cref="DecoderConformanceTests"/>), with the documented
/// departures from PIL where ImageSharp's managed codecs compute differently from libjpeg, libpng and libwebp.
/// </summary>
public sealed class ImageSharpDecoderTests : DecoderConformanceTests
{
    protected override bool ScalesJpegs => false;

    protected override bool DecodesTiff => true;

    /// <summary>
    /// ImageSharp's JPEG decoder uses a floating-point IDCT (a few levels from libjpeg's integer one) and up-samples
    /// subsampled chroma without libjpeg's "fancy" triangle filter, so 4:2:0 and progressive JPEGs differ from PIL at
    /// colour edges: up to 74 levels on the 48x32 scene with a saturated rectangle (mean 5), 122 on the 16x8 EXIF
    /// images made of four saturated quadrants (mean 12.6), 14 to 44 on photographs (mean 0.6 to 1.5, ../shared/CODECS.md).
    /// 16-bit PNG samples are rounded to 8 bits (v * 255 / 65535) where PIL keeps the high byte. Everything else is exact.
    /// </summary>
    protected override (int Max, double Mean) Tolerance(string name) => name switch
    {
        "rgb16.png" or "gray16.png" => (1, 0.3),
        "jpeg444.jpg" or "jpeg-content.png" or "gray.jpg" => (3, 0.05),
        "jpeg420.jpg" or "progressive.jpg" or "wide.jpg" => (80, 6),
        _ when name.StartsWith("exif", StringComparison.Ordinal) => (128, 13),
        _ => (0, 0),
    };

    protected override IImageDecoder CreateDecoder(DecoderSettings settings) => new ImageSharpDecoder(new ImageSharpDecoderOptions
    {
        MaxPixels = settings.MaxPixels,
        AcceptTruncated = settings.AcceptTruncated,
        ApplyExifOrientation = settings.ApplyExifOrientation,
        AlphaBackground = settings.AlphaBackground is (byte r, byte g, byte b) ? SixLabors.ImageSharp.Color.FromRgb(r, g, b) : null,
    });
}
