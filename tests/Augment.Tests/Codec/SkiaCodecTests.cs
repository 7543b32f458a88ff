using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using SkiaSharp;

namespace Augment.Tests.Codec;

/// <summary>Decoder and encoder behaviour on files generated here: round trips, sources, errors, options, DCT scaling.</summary>
public sealed class SkiaCodecTests
{
    private readonly SkiaImageDecoder _decoder = new();

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
    public void EmptyAndGarbageInputsNameTheSource()
    {
        var empty = Assert.Throws<InvalidDataException>(() => _decoder.Decode([]));
        Assert.Contains("<bytes>", empty.Message);
        Assert.Contains("empty", empty.Message);

        byte[] garbage = [.. Enumerable.Range(0, 300).Select(i => (byte)((i * 31) + 7))];
        var error = Assert.Throws<InvalidDataException>(() => _decoder.Decode(garbage, "garbage.jpg"));
        Assert.Contains("'garbage.jpg'", error.Message);
        Assert.Throws<InvalidDataException>(() => _decoder.Identify(garbage));
        Assert.Throws<InvalidDataException>(() => _decoder.DecodePixels([0xFF, 0xD8, 0xFF], null, "header.jpg"));
    }

    [Fact]
    public void MissingFilesThrowFileNotFound()
    {
        string path = Path.Combine(CodecData.Directory, "no-such-image.png");
        var error = Assert.Throws<FileNotFoundException>(() => _decoder.DecodeFile(path));
        Assert.Contains("no-such-image.png", error.Message);
    }

    [Fact]
    public void TruncatedJpegThrowsByDefaultAndDecodesWhenAccepted()
    {
        using ImageTensor image = Gradient(3, 48, 64, quantize: false);
        var random = RandomSource.FromSeed(5);
        foreach (ref float v in image.Data)
        {
            v += (random.NextSingle() - 0.5f) * 0.1f;
        }

        byte[] jpeg = new SkiaImageEncoder(EncodedImageFormat.Jpeg, 90).Encode(image);
        byte[] truncated = jpeg[..(jpeg.Length * 3 / 5)];

        var error = Assert.Throws<InvalidDataException>(() => _decoder.Decode(truncated, "cut.jpg"));
        Assert.Contains("'cut.jpg'", error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains(nameof(SkiaDecoderOptions.AcceptTruncated), error.Message);

        var lenient = new SkiaImageDecoder(new SkiaDecoderOptions { AcceptTruncated = true });
        using ImageTensor partial = lenient.Decode(truncated, "cut.jpg");
        Assert.Equal("3x48x64", partial.ShapeString);
        Assert.Equal(image.Row(0, 0)[5], partial.Row(0, 0)[5], 0.05f);
    }

    [Fact]
    public void ImagesOverThePixelLimitThrowBeforeDecoding()
    {
        var strict = new SkiaImageDecoder(new SkiaDecoderOptions { MaxPixels = 95 });
        var error = Assert.Throws<InvalidDataException>(() => strict.DecodeFile(CodecData.PathOf("gray.png")));
        Assert.Contains("gray.png", error.Message);
        Assert.Contains("12x8", error.Message);
        Assert.Contains("95", error.Message);
        using ImageTensor fits = new SkiaImageDecoder(new SkiaDecoderOptions { MaxPixels = 96 }).DecodeFile(CodecData.PathOf("gray.png"));
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

    [Fact]
    public void DecodePixelsComparesTheMinimumWithTheOrientedSize()
    {
        // exif6.jpg stores 16x8 (width x height) and shows 8x16: half size shows 4x8, a quarter 2x4.
        byte[] jpeg = CodecData.Read("exif6.jpg");
        using PixelBuffer half = _decoder.DecodePixels(jpeg, new ImageSize(8, 4));
        Assert.Equal((8, 4), (half.Height, half.Width));
        using PixelBuffer full = _decoder.DecodePixels(jpeg, new ImageSize(9, 4));
        Assert.Equal((16, 8), (full.Height, full.Width));
    }

    [Fact]
    public void DecodePixelsKeepsOtherFormatsAtFullSize()
    {
        using PixelBuffer pixels = _decoder.DecodePixels(CodecData.Read("gray.png"), new ImageSize(1, 1));
        Assert.Equal((8, 12), (pixels.Height, pixels.Width));
        using ImageTensor viaPixels = pixels.ToTensor();
        using ImageTensor direct = _decoder.DecodeFile(CodecData.PathOf("gray.png"));
        Assert.Equal(direct.Data.ToArray(), viaPixels.Data.ToArray());
        pixels.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pixels.Pixels.Length);
    }

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
