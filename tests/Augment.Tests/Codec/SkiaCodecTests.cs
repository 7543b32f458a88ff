using Augment.Imaging;
using Augment.Skia;
using SkiaSharp;

namespace Augment.Tests.Codec;

/// <summary>
/// <see cref="SkiaImageDecoder"/>: the decoder contract (<see cref="DecoderConformanceTests"/>; exact to PIL on every
/// file but CMYK), and the encoder, sources and DCT scaling on files generated here.
/// </summary>
public sealed class SkiaCodecTests : DecoderConformanceTests
{
    private readonly SkiaImageDecoder _decoder = new();

    protected override bool ScalesJpegs => true;

    [Fact]
    public void PngRoundTripIsExact()
    {
        using ImageTensor image = Gradient(3, 37, 53, quantize: true);
        byte[] png = new SkiaImageEncoder(EncodedImageFormat.Png).Encode(image);
        Assert.Equal("png", _decoder.Identify(png).Format);
        using ImageTensor decoded = _decoder.Decode(png);
        Assert.Equal(image.Data.ToArray(), decoded.Data.ToArray());
    }

    [Fact]
    public void GrayTensorsEncodeAsEqualChannels()
    {
        using ImageTensor gray = Gradient(1, 5, 7, quantize: true);
        using ImageTensor decoded = _decoder.Decode(new SkiaImageEncoder().Encode(gray));
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(gray.Data.ToArray(), decoded.Plane(c).ToArray());
        }
    }

    [Fact]
    public void JpegRoundTripIsCloseAtHighQuality()
    {
        using ImageTensor image = Gradient(3, 48, 64, quantize: false);
        byte[] jpeg = new SkiaImageEncoder(EncodedImageFormat.Jpeg, 95).Encode(image);
        Assert.Equal("jpeg", _decoder.Identify(jpeg).Format);
        using ImageTensor decoded = _decoder.Decode(jpeg);
        Assert.Equal(image.ShapeString, decoded.ShapeString);
        float meanError = 0;
        for (int i = 0; i < image.Length; i++)
        {
            meanError += Math.Abs(image.Data[i] - decoded.Data[i]) / image.Length;
        }

        Assert.True(meanError < 2f / 255f, $"mean absolute error {meanError * 255f} levels");
    }

    [Fact]
    public void BytesStreamAndFileDecodeAlike()
    {
        using ImageTensor image = Gradient(3, 9, 11, quantize: true);
        string path = Path.Combine(Path.GetTempPath(), $"augment-codec-{Environment.ProcessId}.png");
        try
        {
            new SkiaImageEncoder().EncodeFile(image, path);
            using ImageTensor fromFile = _decoder.DecodeFile(path);
            using var stream = new MemoryStream(File.ReadAllBytes(path));
            using ImageTensor fromStream = _decoder.Decode(stream, path);
            using var nonSeekable = new NonSeekableStream(File.ReadAllBytes(path));
            using ImageTensor fromNonSeekable = _decoder.Decode(nonSeekable);
            Assert.Equal(image.Data.ToArray(), fromFile.Data.ToArray());
            Assert.Equal(image.Data.ToArray(), fromStream.Data.ToArray());
            Assert.Equal(image.Data.ToArray(), fromNonSeekable.Data.ToArray());
            Assert.Equal((9, 11), (_decoder.IdentifyFile(path).Height, _decoder.IdentifyFile(path).Width));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WebpEncodedBySkiaDecodes()
    {
        using ImageTensor image = Gradient(3, 10, 14, quantize: true);
        byte[] rgba = new byte[10 * 14 * 4];
        Augment.Kernels.PixelConversion.ToPixels(image, rgba, PixelLayout.Rgba32);
        using SKData webp = EncodeWebp(rgba, 14, 10);
        Assert.Equal("webp", _decoder.Identify(webp.AsSpan()).Format);
        using ImageTensor decoded = _decoder.Decode(webp.AsSpan());
        Assert.Equal(image.Data.ToArray(), decoded.Data.ToArray());
    }

    [Fact]
    public void MissingFilesThrowFileNotFound()
    {
        string path = Path.Combine(CodecData.Directory, "no-such-image.png");
        var error = Assert.Throws<FileNotFoundException>(() => _decoder.DecodeFile(path));
        Assert.Contains("no-such-image.png", error.Message);
    }

    [Fact]
    public void OptionsAndEncoderValidateTheirArguments()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SkiaDecoderOptions { MaxPixels = 0 });
        Assert.Equal("MaxPixels", error.ParamName);
        Assert.Equal(SkiaDecoderOptions.DefaultMaxPixels, new SkiaDecoderOptions().MaxPixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SkiaImageEncoder(EncodedImageFormat.Jpeg, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SkiaImageEncoder((EncodedImageFormat)7));
        Assert.Throws<ArgumentException>(() => SkiaImageEncoder.ForPath("out.gif"));
        Assert.Equal(EncodedImageFormat.Jpeg, SkiaImageEncoder.ForPath("a/b.JPEG").Format);
        Assert.Throws<ArgumentOutOfRangeException>(() => _decoder.DecodePixels(CodecData.Read("gray.png"), new ImageSize(0, 4)));
    }

    [Theory]
    [InlineData(30, 50, 30, 50)]
    [InlineData(31, 50, 60, 100)]
    [InlineData(20, 20, 30, 50)]
    [InlineData(1, 1, 15, 25)]
    [InlineData(61, 10, 120, 200)]
    [InlineData(200, 200, 120, 200)]
    public void DecodePixelsPicksTheSmallestDctScaleCoveringTheMinimum(int minHeight, int minWidth, int height, int width)
    {
        using ImageTensor image = Gradient(3, 120, 200, quantize: false);
        byte[] jpeg = new SkiaImageEncoder(EncodedImageFormat.Jpeg, 90).Encode(image);
        using PixelBuffer pixels = _decoder.DecodePixels(jpeg, new ImageSize(minHeight, minWidth));
        Assert.Equal((height, width, PixelLayout.Rgba32, width * 4), (pixels.Height, pixels.Width, pixels.Layout, pixels.Stride));

        // DCT scaling is close to an area average of the full decode.
        using ImageTensor full = _decoder.Decode(jpeg);
        using ImageTensor scaled = pixels.ToTensor();
        int factor = 200 / width;
        float worst = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++)
                {
                    for (int dx = 0; dx < factor; dx++)
                    {
                        sum += full.Row(1, (y * factor) + dy)[(x * factor) + dx];
                    }
                }

                worst = Math.Max(worst, Math.Abs((sum / (factor * factor)) - scaled.Row(1, y)[x]));
            }
        }

        Assert.True(worst < 8f / 255f, $"largest difference from the area average: {worst * 255f} levels");
    }

    protected override IImageDecoder CreateDecoder(DecoderSettings settings) => new SkiaImageDecoder(new SkiaDecoderOptions
    {
        MaxPixels = settings.MaxPixels,
        AcceptTruncated = settings.AcceptTruncated,
        ApplyExifOrientation = settings.ApplyExifOrientation,
        AlphaBackground = settings.AlphaBackground is (byte r, byte g, byte b) ? new SKColor(r, g, b) : null,
    });

    private static unsafe SKData EncodeWebp(byte[] rgba, int width, int height)
    {
        fixed (byte* pixels = rgba)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), (IntPtr)pixels, width * 4);
            return pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100)) ?? throw new InvalidOperationException("Skia could not encode WebP.");
        }
    }

    /// <summary>A smooth colour gradient; quantized values are exact multiples of 1/255.</summary>
    private static ImageTensor Gradient(int channels, int height, int width, bool quantize)
    {
        var image = ImageTensor.Create(channels, height, width);
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < height; y++)
            {
                Span<float> row = image.Row(c, y);
                for (int x = 0; x < width; x++)
                {
                    float v = (0.1f + (0.6f * x / width * (c == 1 ? 0.5f : 1f))) + (0.1f * y / height) + (0.05f * c);
                    row[x] = quantize ? MathF.Round(v * 255f) / 255f : v;
                }
            }
        }

        return image;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
