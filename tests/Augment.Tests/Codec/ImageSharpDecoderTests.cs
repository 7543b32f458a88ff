using Augment.Imaging;
using Augment.ImageSharp;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

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

    [Theory]
    [InlineData("palette.gif", 3)]
    [InlineData("rgb.webp", 1)]
    [InlineData("lossy.webp", 1)]
    [InlineData("rgb.bmp", 10)]
    public void DetectsTruncationImageSharpWouldFillIn(string name, int cut)
    {
        byte[] complete = CodecData.Read(name);
        byte[] truncated = complete[..^cut];
        var decoder = new ImageSharpDecoder();
        var error = Assert.Throws<InvalidDataException>(() => decoder.Decode(truncated, name));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("AcceptTruncated", error.Message);
        using ImageTensor filled = new ImageSharpDecoder(new ImageSharpDecoderOptions { AcceptTruncated = true }).Decode(truncated, name);
        Assert.Equal(decoder.Identify(complete).OrientedSize, new ImageSize(filled.Height, filled.Width));
    }

    [Fact]
    public void JpegWalkSkipsStuffedBytesRestartsAndFillBytes()
    {
        // SOI, a minimal SOS segment, entropy data with a stuffed FF 00, a restart marker and fill bytes, then EOI.
        byte[] scan = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xFF, 0xD9];
        var jpeg = SixLabors.ImageSharp.Formats.Jpeg.JpegFormat.Instance;
        Assert.True(TruncationCheck.IsComplete(scan, jpeg));
        Assert.True(TruncationCheck.IsComplete([.. scan, 0x00, 0x42], jpeg)); // data after EOI is ignored, as libjpeg does
        for (int cut = 2; cut < scan.Length; cut++)
        {
            Assert.False(TruncationCheck.IsComplete(scan.AsSpan(0, cut), jpeg), $"cut at {cut}");
        }
    }

    [Fact]
    public void AnimatedGifDecodesOnlyItsFirstFrame()
    {
        // animated.gif's second frame is solid white; cut inside it, the first frame is still complete.
        byte[] gif = CodecData.Read("animated.gif");
        using ImageTensor first = new ImageSharpDecoder().Decode(gif[..^20], "animated.gif");
        using ImageTensor palette = new ImageSharpDecoder().Decode(CodecData.Read("palette.gif"));
        Assert.Equal(palette.Data.ToArray(), first.Data.ToArray());
    }

    [Fact]
    public void ImagesConvertToTensorsAndPixelBuffers()
    {
        using var rgb = new Image<Rgb24>(5, 3);
        using var rgba = new Image<Rgba32>(5, 3);
        using var gray = new Image<L8>(5, 3);
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                rgb[x, y] = new Rgb24((byte)(10 * x), (byte)(50 * y), 7);
                rgba[x, y] = new Rgba32((byte)(10 * x), (byte)(50 * y), 7, (byte)(40 * x));
                gray[x, y] = new L8((byte)((10 * x) + y));
            }
        }

        using ImageTensor fromRgb = rgb.ToImageTensor();
        using ImageTensor fromRgba = rgba.ToImageTensor();
        using ImageTensor fromGray = gray.ToImageTensor();
        CodecData.AssertExact(fromRgb, 5, 3, (c, x, y) => c switch { 0 => 10 * x, 1 => 50 * y, _ => 7 });
        CodecData.AssertExact(fromRgba, 5, 3, (c, x, y) => c switch { 0 => 10 * x, 1 => 50 * y, _ => 7 });
        CodecData.AssertExact(fromGray, 5, 3, (_, x, y) => (10 * x) + y);

        using PixelBuffer rgbPixels = rgb.ToPixelBuffer();
        using PixelBuffer rgbaPixels = rgba.ToPixelBuffer();
        using PixelBuffer grayPixels = gray.ToPixelBuffer();
        Assert.Equal((PixelLayout.Rgb24, PixelLayout.Rgba32, PixelLayout.Gray8), (rgbPixels.Layout, rgbaPixels.Layout, grayPixels.Layout));
        Assert.Equal((byte)(40 * 4), rgbaPixels.Pixels[(4 * 4) + 3]);
        using ImageTensor viaBuffer = grayPixels.ToTensor();
        Assert.Equal(fromGray.Data.ToArray(), viaBuffer.Data.ToArray());
    }

    [Fact]
    public void TensorsConvertToImagesAndEncode()
    {
        using ImageTensor image = ImageTensor.Create(3, 4, 6);
        for (int i = 0; i < image.Length; i++)
        {
            image.Data[i] = (i * 37 % 256) / 255f;
        }

        using Image<Rgb24> converted = image.ToImage();
        Assert.Equal((6, 4), (converted.Width, converted.Height));
        Assert.Equal(new Rgb24((byte)(image.Row(0, 2)[5] * 255f + 0.5f), (byte)(image.Row(1, 2)[5] * 255f + 0.5f), (byte)(image.Row(2, 2)[5] * 255f + 0.5f)), converted[5, 2]);
        using ImageTensor back = converted.ToImageTensor();
        Assert.Equal(image.Data.ToArray(), back.Data.ToArray());

        var decoder = new ImageSharpDecoder();
        using ImageTensor fromPng = decoder.Decode(image.EncodePng());
        Assert.Equal(image.Data.ToArray(), fromPng.Data.ToArray());
        byte[] jpeg = image.EncodeJpeg(95);
        Assert.Equal("jpeg", decoder.Identify(jpeg).Format);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.EncodeJpeg(0));

        using ImageTensor grayTensor = ImageTensor.Create(1, 2, 2);
        grayTensor.Data.Fill(0.2f);
        using Image<Rgb24> grayImage = grayTensor.ToImage();
        Assert.Equal(new Rgb24(51, 51, 51), grayImage[1, 1]);
        using ImageTensor twoChannels = ImageTensor.Create(2, 2, 2);
        Assert.Throws<ArgumentException>(() => twoChannels.ToImage());
    }
}
