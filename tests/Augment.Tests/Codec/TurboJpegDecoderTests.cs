using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Kernels;
using Augment.Randomness;
using Augment.Skia;
using Augment.Tests.Data;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using Augment.TurboJpeg;
using Augment.Tta;
using Augment.Views;
using SkiaSharp;

namespace Augment.Tests.Codec;

/// <summary>
/// <see cref="TurboJpegDecoder"/>: the decoder contract (<see cref="DecoderConformanceTests"/>; exact to PIL, with
/// Skia as the fallback for other formats and CMYK), and its DCT-scaled sizes, which match <see cref="SkiaImageDecoder"/>'s
/// (both run libjpeg-turbo's accurate integer IDCT with fancy upsampling). Skipped where libturbojpeg is not installed.
/// </summary>
public sealed class TurboJpegDecoderTests : DecoderConformanceTests
{
    private static readonly SkiaImageDecoder s_skia = new();

    public static TheoryData<string> Subsamplings => ["420", "422", "444", "gray"];

    [Theory]
    [MemberData(nameof(Subsamplings))]
    public void GeneratedJpegsEqualSkiaAtEveryScale(string subsampling)
    {
        TurboJpegDecoder turbo = Create();
        byte[] jpeg = Encode(67, 45, subsampling);
        using (ImageTensor expected = s_skia.Decode(jpeg))
        using (ImageTensor actual = turbo.Decode(jpeg))
        {
            Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        }

        // 67x45 (width x height): 1/2 is 34x23, 1/4 17x12, 1/8 9x6; each minimum picks the smallest that covers it.
        foreach ((int minimum, int width) in (ReadOnlySpan<(int, int)>)[(1, 9), (6, 9), (7, 17), (12, 17), (13, 34), (23, 34), (24, 67)])
        {
            var size = new ImageSize(minimum, minimum);
            using PixelBuffer actual = turbo.DecodePixels(jpeg, size);
            Assert.Equal(width, actual.Width);
            AssertSamePixels(s_skia.DecodePixels(jpeg, size), actual);
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public unsafe void FourTwoZeroJpegsDecodeToPlanesEqualToLibjpegTurbosOwnRgb()
    {
        TurboJpegDecoder turbo = Create();
        using var reused = PixelBuffer.Rent(1, 1, PixelLayout.Rgba32);
        foreach ((int width, int height) in (ReadOnlySpan<(int, int)>)[(1, 1), (2, 2), (3, 5), (4, 7), (5, 5), (6, 3), (17, 9), (63, 2), (64, 64), (65, 31), (129, 7), (200, 3), (333, 17)])
        {
            byte[] jpeg = Encode(width, height, "420");
            byte[] rgba = new byte[width * height * 4];
            nint handle = TurboJpegNative.InitDecompress();
            fixed (byte* source = jpeg)
            fixed (byte* target = rgba)
            {
                Assert.Equal(0, TurboJpegNative.Decompress2(handle, source, new((uint)jpeg.Length), target, width, width * 4, height, TurboJpegNative.PixelFormatRgba, 0));
            }

            TurboJpegNative.Destroy(handle);
            using ImageTensor expected = PixelConversion.ToTensor(rgba, width, height, PixelLayout.Rgba32);
            turbo.DecodePixelsInto(jpeg, reused);
            bool planar = Ycc420Planes.IsAccelerated && width >= Ycc420Planes.MinimumWidth;
            Assert.Equal((planar ? PixelLayout.Rgb24Planar : PixelLayout.Rgba32, width, height), (reused.Layout, reused.Width, reused.Height));
            using ImageTensor actual = reused.ToTensor();
            Assert.True(expected.Data.SequenceEqual(actual.Data), $"{width}x{height}: the pixels differ from libjpeg-turbo's RGB");
        }

        // Upright full-size 4:2:0 only: a scaled decode and an oriented one are libjpeg-turbo's RGBA.
        byte[] large = Encode(67, 45, "420");
        using (PixelBuffer scaled = turbo.DecodePixels(large, new ImageSize(20, 20)))
        {
            Assert.Equal(PixelLayout.Rgba32, scaled.Layout);
        }

        using PixelBuffer oriented = turbo.DecodePixels(WithOrientation(large, 3, littleEndian: true));
        Assert.Equal(PixelLayout.Rgba32, oriented.Layout);
    }

    [Fact]
    public void TheFusedLoaderGivesTheSameBatchesAsWithSkia()
    {
        TurboJpegDecoder turbo = Create();
        var source = new InMemorySource(Enumerable.Range(0, 7).Select(i => InMemorySample.FromBytes(Encode(90 + (7 * i), 70 + (5 * i), "420"), i % 2, $"image{i}.jpg")));
        float[] Read(IImageDecoder decoder, DataLoaderOptions options)
        {
            using var loader = new DataLoader(source, decoder, options with { BatchSize = 3, Workers = 0, Seed = 4, Shuffle = true });
            Assert.True(loader.IsFused);
            return DataFixtures.ReadPixels(loader.ReadEpoch(1, TestContext.Current.CancellationToken));
        }

        var eval = new DataLoaderOptions { Transform = new Compose(new Resize(48), new CenterCrop(40), Normalize.ImageNet()) };
        Assert.Equal(Read(s_skia, eval), Read(turbo, eval));
        DataLoaderOptions TenCrop() => new()
        {
            Views = [ViewGroup.TestTime("tencrop", TestTimeViews.TenCrop(32, 32), before: new Resize(48))],
            Collator = new Collator(mean: [.. Normalize.ImageNetMean], std: [.. Normalize.ImageNetStd]), // one per loader
        };
        Assert.Equal(Read(s_skia, TenCrop()), Read(turbo, TenCrop()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsOrientationInBothByteOrders(bool littleEndian)
    {
        TurboJpegDecoder turbo = Create();
        byte[] jpeg = WithOrientation(Encode(20, 10, "444"), 6, littleEndian);
        Assert.Equal(new ImageSize(20, 10), turbo.Identify(jpeg).OrientedSize);
        AssertSamePixels(s_skia.DecodePixels(jpeg), turbo.DecodePixels(jpeg));

        using PixelBuffer stored = Create(new TurboJpegDecoderOptions { ApplyExifOrientation = false }).DecodePixels(jpeg);
        Assert.Equal((10, 20), (stored.Height, stored.Width));
    }

    [Fact]
    public void ExifReaderIgnoresMalformedOrMissingTags()
    {
        byte[] jpeg = Encode(8, 8, "444");
        Assert.Equal(1, ExifReader.Orientation(jpeg));
        Assert.Equal(8, ExifReader.Orientation(WithOrientation(jpeg, 8, littleEndian: true)));
        Assert.Equal(1, ExifReader.Orientation(WithOrientation(jpeg, 9, littleEndian: false)));
        Assert.Equal(1, ExifReader.Orientation(WithOrientation(jpeg, 0, littleEndian: true)));
        byte[] cut = WithOrientation(jpeg, 6, littleEndian: false)[..20];
        Assert.Equal(1, ExifReader.Orientation(cut));
        Assert.Equal(1, ExifReader.Orientation([0xFF, 0xD8]));
    }

    [Fact]
    public void SharedOrientationValidatesItsInput()
    {
        using PixelBuffer rgba = PixelBuffer.Rent(3, 2, PixelLayout.Rgba32);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExifOrientation.Apply(rgba, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExifOrientation.Apply(rgba, 9));
        using PixelBuffer rgb = PixelBuffer.Rent(3, 2, PixelLayout.Rgb24);
        Assert.Throws<ArgumentException>(() => ExifOrientation.Apply(rgb, 6));
        using PixelBuffer rotated = ExifOrientation.Apply(rgba, 6);
        Assert.Equal((3, 2), (rotated.Height, rotated.Width));
    }

    [Fact]
    public void OtherFormatsGoToTheFallback()
    {
        var fallback = new CountingDecoder();
        TurboJpegDecoder turbo = Create(fallback: fallback);
        byte[] png = CodecData.Read("rgba.png");
        Assert.Equal("png", turbo.Identify(png).Format);
        AssertSamePixels(s_skia.DecodePixels(png), turbo.DecodePixels(png));
        Assert.Equal(2, fallback.Calls);

        using (turbo.DecodePixels(CodecData.Read("cmyk.jpg")))
        {
            Assert.Equal(3, fallback.Calls);
        }

        using (turbo.DecodePixels(CodecData.Read("exif1.jpg")))
        {
            Assert.Equal(3, fallback.Calls);
        }
    }

    [Fact]
    public void ValidatesArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TurboJpegDecoderOptions { MaxPixels = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TurboJpegDecoderOptions { MaxPixels = -5 });
        SkipIfUnavailable();
        Assert.Throws<ArgumentNullException>(() => new TurboJpegDecoder(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().DecodePixels(Encode(8, 8, "444"), new ImageSize(0, 4)));
        Assert.Throws<InvalidDataException>(() => Create(new TurboJpegDecoderOptions { MaxPixels = 63 }).Decode(Encode(8, 8, "444")));
    }

    protected override bool ScalesJpegs => true;

    protected override IImageDecoder CreateDecoder(DecoderSettings settings)
    {
        var fallback = new SkiaImageDecoder(new SkiaDecoderOptions
        {
            MaxPixels = settings.MaxPixels,
            AcceptTruncated = settings.AcceptTruncated,
            ApplyExifOrientation = settings.ApplyExifOrientation,
            AlphaBackground = settings.AlphaBackground is (byte r, byte g, byte b) ? new SKColor(r, g, b) : null,
        });
        return Create(new TurboJpegDecoderOptions
        {
            MaxPixels = settings.MaxPixels,
            AcceptTruncated = settings.AcceptTruncated,
            ApplyExifOrientation = settings.ApplyExifOrientation,
        }, fallback);
    }

    private static TurboJpegDecoder Create(TurboJpegDecoderOptions? options = null, IImageDecoder? fallback = null)
    {
        SkipIfUnavailable();
        return new TurboJpegDecoder(fallback ?? s_skia, options);
    }

    private static void SkipIfUnavailable()
    {
        if (!TurboJpegDecoder.IsAvailable)
        {
            Assert.Skip("libturbojpeg.so.0 is not installed");
        }
    }

    /// <summary>Asserts equal sizes and RGB bytes (alpha and layout aside: full-size 4:2:0 decodes to planes), then disposes both.</summary>
    private static void AssertSamePixels(PixelBuffer expected, PixelBuffer actual)
    {
        using (expected)
        using (actual)
        {
            Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
            using ImageTensor e = expected.ToTensor();
            using ImageTensor a = actual.ToTensor();
            Assert.Equal(e.Data.ToArray(), a.Data.ToArray());
        }
    }

    /// <summary>A JPEG of noisy gradients with the given chroma subsampling ("420", "422", "444" or "gray"), quality 90.</summary>
    private static unsafe byte[] Encode(int width, int height, string subsampling)
    {
        var random = RandomSource.ForSample(7, 0, width * height);
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0, i = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, i += 4)
            {
                rgba[i] = (byte)((x * 255 / width) ^ (random.NextUInt32() & 31));
                rgba[i + 1] = (byte)((y * 255 / height) + (random.NextUInt32() & 15));
                rgba[i + 2] = (byte)(((x + y) * 3) & 255);
                rgba[i + 3] = 255;
            }
        }

        SKColorType colorType = subsampling == "gray" ? SKColorType.Gray8 : SKColorType.Rgba8888;
        if (subsampling == "gray")
        {
            rgba = [.. rgba.Where((_, i) => i % 4 == 1)];
        }

        var downsample = subsampling switch
        {
            "422" => SKJpegEncoderDownsample.Downsample422,
            "444" or "gray" => SKJpegEncoderDownsample.Downsample444,
            _ => SKJpegEncoderDownsample.Downsample420,
        };
        fixed (byte* pixels = rgba)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, colorType, SKAlphaType.Opaque), (IntPtr)pixels, width * colorType.GetBytesPerPixel());
            using SKData data = pixmap.Encode(new SKJpegEncoderOptions(90, downsample, SKJpegEncoderAlphaOption.Ignore)) ?? throw new InvalidOperationException("Skia could not encode JPEG.");
            return data.ToArray();
        }
    }

    /// <summary>Inserts an APP1 Exif segment declaring <paramref name="orientation"/> right after the SOI marker.</summary>
    private static byte[] WithOrientation(byte[] jpeg, int orientation, bool littleEndian)
    {
        byte[] tiff = littleEndian
            ? [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            : [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0, 0];
        int length = 2 + 6 + tiff.Length;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff, .. jpeg[2..]];
    }

    private sealed class CountingDecoder : IImageDecoder
    {
        public int Calls { get; private set; }

        public IReadOnlyList<string> FileExtensions => s_skia.FileExtensions;

        public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null)
        {
            Calls++;
            return s_skia.Identify(encoded, sourceName);
        }

        public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
        {
            Calls++;
            return s_skia.Decode(encoded, sourceName);
        }

        public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null)
        {
            Calls++;
            return s_skia.DecodePixels(encoded, minimumSize, sourceName);
        }
    }
}
