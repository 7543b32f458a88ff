using Augment.Imaging;

namespace Augment.Tests.Codec;

/// <summary>
/// The contract every <see cref="IImageDecoder"/> keeps, checked against PIL 9.4 (the pixels torchvision's
/// ImageFolder loader produces, written to Codec/Data/expected by make_conformance_data.py) and against every file of
/// <see cref="BadFileCorpus"/>. A decoder's test class derives from this one and says how to build the decoder and
/// where (and how far, documented) it departs from PIL.
/// </summary>
public abstract class DecoderConformanceTests
{
    /// <summary>The background of the composited expectations (expected/*.over.rgb).</summary>
    private static readonly (byte R, byte G, byte B) s_background = (10, 200, 30);

    /// <summary>Every committed valid input with PIL's pixels in expected/.</summary>
    public static TheoryData<string> ValidFiles =>
    [
        "gray.png", "palette.png", "palette_trns.png", "rgba.png", "gray_alpha.png", "rgb16.png", "gray16.png", "interlaced.png",
        "one.png", "wide.png", "palette.gif", "animated.gif", "rgb.bmp", "rgb.webp", "lossy.webp", "jpeg420.jpg", "jpeg444.jpg",
        "progressive.jpg", "gray.jpg", "cmyk.jpg", "one.jpg", "wide.jpg", "jpeg-content.png", "exif1.jpg", "exif2.jpg", "exif3.jpg",
        "exif4.jpg", "exif5.jpg", "exif6.jpg", "exif7.jpg", "exif8.jpg",
    ];

    /// <summary>The inputs with alpha or tRNS, and their PIL composites over <see cref="s_background"/>.</summary>
    public static TheoryData<string> TranslucentFiles => ["rgba.png", "gray_alpha.png", "palette_trns.png"];

    /// <summary>The names of <see cref="BadFileCorpus.All"/>.</summary>
    public static TheoryData<string> BadFiles => [.. BadFileCorpus.All.Select(f => f.Name)];

    /// <summary>The EXIF orientations.</summary>
    public static TheoryData<int> Orientations => [1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>Whether the decoder reads TIFF (Codec/Data/rgb.tif).</summary>
    protected virtual bool DecodesTiff => false;

    /// <summary>Whether <see cref="IImageDecoder.DecodePixels"/> decodes JPEGs at a DCT-scaled size when a minimum allows it.</summary>
    protected abstract bool ScalesJpegs { get; }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void DecodesLikePil(string name)
    {
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        byte[] bytes = CodecData.Read(name);
        using ImageTensor image = decoder.Decode(bytes, name);
        AssertLikePil(image, name, ".rgb");

        ImageInfo info = decoder.Identify(bytes, name);
        Assert.Equal(new ImageSize(image.Height, image.Width), info.OrientedSize);
        Assert.Equal(name == "jpeg-content.png" ? "jpeg" : FormatOf(name), info.Format);
        using PixelBuffer pixels = decoder.DecodePixels(bytes, null, name);
        using ImageTensor converted = pixels.ToTensor();
        Assert.Equal(image.Data.ToArray(), converted.Data.ToArray());
    }

    [Fact]
    public void DecodesTiffLikePilWhenItReadsTiff()
    {
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        byte[] tiff = CodecData.Read("rgb.tif");
        if (!DecodesTiff)
        {
            Assert.DoesNotContain(".tif", decoder.FileExtensions);
            Assert.Contains("'rgb.tif'", Assert.Throws<InvalidDataException>(() => decoder.Decode(tiff, "rgb.tif")).Message);
            return;
        }

        Assert.Contains(".tif", decoder.FileExtensions);
        using ImageTensor image = decoder.Decode(tiff, "rgb.tif");
        AssertLikePil(image, "rgb.tif", ".rgb");
    }

    [Theory]
    [MemberData(nameof(TranslucentFiles))]
    public void CompositesAlphaOverTheChosenBackground(string name)
    {
        IImageDecoder decoder = CreateDecoder(new DecoderSettings { AlphaBackground = s_background });
        using ImageTensor image = decoder.Decode(CodecData.Read(name), name);
        AssertLikePil(image, name, ".over.rgb");
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public void OrientationCanBeLeftAsStored(int orientation)
    {
        // exif1..8.jpg hold the same stored pixels with different tags; exif1.jpg's expectation is upright.
        IImageDecoder decoder = CreateDecoder(new DecoderSettings { ApplyExifOrientation = false });
        string name = $"exif{orientation}.jpg";
        byte[] bytes = CodecData.Read(name);
        using ImageTensor image = decoder.Decode(bytes, name);
        AssertLikePil(image, "exif1.jpg", ".rgb");
        Assert.Equal(new ImageSize(8, 16), decoder.Identify(bytes, name).OrientedSize);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void RefusesBadFilesNamingTheSource(string name)
    {
        BadFile file = BadFileCorpus.All.Single(f => f.Name == name);
        foreach (IImageDecoder decoder in new[] { CreateDecoder(new DecoderSettings()), CreateDecoder(new DecoderSettings { MaxPixels = long.MaxValue }) })
        {
            AssertRefused(() => decoder.Decode(file.Bytes, name).Dispose(), name);
            AssertRefused(() => decoder.DecodePixels(file.Bytes, null, name).Dispose(), name);
            AssertRefused(() => decoder.DecodePixels(file.Bytes, new ImageSize(1, 1), name).Dispose(), name);
            if (file.Declared is ImageSize declared)
            {
                // An intact header may be read (a bomb's size is worth reporting) or refused, but never misread.
                try
                {
                    Assert.Equal(declared, decoder.Identify(file.Bytes, name).OrientedSize);
                }
                catch (InvalidDataException error)
                {
                    Assert.Contains($"'{name}'", error.Message);
                }
            }
            else
            {
                AssertRefused(() => decoder.Identify(file.Bytes, name), name);
            }
        }

        Assert.Contains("<bytes>", Assert.Throws<InvalidDataException>(() => CreateDecoder(new DecoderSettings()).Decode(file.Bytes)).Message);
    }

    [Theory]
    [InlineData("palette.gif")]
    [InlineData("rgb.bmp")]
    [InlineData("lossy.webp")]
    [InlineData("rgb.webp")]
    [InlineData("interlaced.png")]
    [InlineData("progressive.jpg")]
    public void RefusesEveryFormatCutShort(string name)
    {
        // Two thirds of the file: inside the image data of each. (A GIF cut after its first frame is complete: only
        // that frame is decoded, as PIL does.)
        byte[] bytes = CodecData.Read(name);
        byte[] truncated = bytes[..(bytes.Length * 2 / 3)];
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        AssertRefused(() => decoder.Decode(truncated, name).Dispose(), name);
        AssertRefused(() => decoder.DecodePixels(truncated, new ImageSize(1, 1), name).Dispose(), name);
    }

    [Theory]
    [InlineData("bomb.jpg")]
    [InlineData("bomb.png")]
    public void RefusesBombsBeforeAllocatingPixels(string name)
    {
        byte[] bomb = BadFileCorpus.All.Single(f => f.Name == name).Bytes;
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        Assert.Throws<InvalidDataException>(() => decoder.DecodePixels(bomb, null, name)); // warm up: JIT and codec set-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => decoder.DecodePixels(bomb, null, name));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("65000x65000", error.Message);
        Assert.Contains("MaxPixels", error.Message);
        Assert.True(allocated < 256 * 1024, $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData("truncated-half.jpg")]
    [InlineData("truncated-95.jpg")]
    public void AcceptsTruncatedJpegsWhenAsked(string name)
    {
        byte[] truncated = BadFileCorpus.All.Single(f => f.Name == name).Bytes;
        var error = Assert.Throws<InvalidDataException>(() => CreateDecoder(new DecoderSettings()).Decode(truncated, name));
        Assert.Contains("AcceptTruncated", error.Message);

        using ImageTensor partial = CreateDecoder(new DecoderSettings { AcceptTruncated = true }).Decode(truncated, name);
        Assert.Equal((3, 48, 64), (partial.Channels, partial.Height, partial.Width));

        // The rows before the cut match the complete file's.
        using ImageTensor complete = CreateDecoder(new DecoderSettings()).Decode(CodecData.Read("noise.jpg"));
        Assert.Equal(complete.Row(0, 0).ToArray(), partial.Row(0, 0).ToArray());
    }

    [Fact]
    public void RefusesImagesOverThePixelLimitNamingTheSize()
    {
        byte[] gray = CodecData.Read("gray.png");
        var error = Assert.Throws<InvalidDataException>(() => CreateDecoder(new DecoderSettings { MaxPixels = 95 }).Decode(gray, "gray.png"));
        Assert.Contains("'gray.png'", error.Message);
        Assert.Contains("12x8", error.Message);
        Assert.Contains("95", error.Message);
        using ImageTensor fits = CreateDecoder(new DecoderSettings { MaxPixels = 96 }).Decode(gray, "gray.png");
    }

    [Fact]
    public void DecodePixelsScalesOnlyWhereTheCodecCan()
    {
        // exif6.jpg stores 16x8 (width x height) and shows 8x16: half size shows 4x8.
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        using PixelBuffer jpeg = decoder.DecodePixels(CodecData.Read("exif6.jpg"), new ImageSize(8, 4), "exif6.jpg");
        Assert.Equal(ScalesJpegs ? (8, 4) : (16, 8), (jpeg.Height, jpeg.Width));
        using PixelBuffer png = decoder.DecodePixels(CodecData.Read("gray.png"), new ImageSize(1, 1), "gray.png");
        Assert.Equal((8, 12), (png.Height, png.Width));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodePixels(CodecData.Read("gray.png"), new ImageSize(0, 4)));
    }

    [Fact]
    public void DecodesIntoOneReusedBufferLikeIntoNewOnes()
    {
        // One buffer through every valid file (sizes grow and shrink, EXIF rotations, alpha, gray, CMYK), at full
        // and at DCT-scaled size: the same pixels, size and layout as DecodePixels gives.
        IImageDecoder decoder = CreateDecoder(new DecoderSettings { AlphaBackground = s_background });
        using PixelBuffer reused = PixelBuffer.Rent(1, 1, PixelLayout.Rgb24);
        foreach (string name in ValidFiles.Select(row => row.Data))
        {
            byte[] bytes = CodecData.Read(name);
            foreach (ImageSize? minimum in new ImageSize?[] { null, new ImageSize(2, 2) })
            {
                using PixelBuffer expected = decoder.DecodePixels(bytes, minimum, name);
                decoder.DecodePixelsInto(bytes, reused, minimum, name);
                Assert.Equal((expected.Width, expected.Height, expected.Layout), (reused.Width, reused.Height, reused.Layout));
                using ImageTensor want = expected.ToTensor();
                using ImageTensor got = reused.ToTensor();
                Assert.True(want.Data.SequenceEqual(got.Data), $"{name} at minimum {minimum}: the reused buffer's pixels differ");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void DecodingABadFileIntoABufferRefusesItAndKeepsTheBuffer(string name)
    {
        BadFile file = BadFileCorpus.All.Single(f => f.Name == name);
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        using PixelBuffer reused = PixelBuffer.Rent(4, 4, PixelLayout.Rgba32);
        AssertRefused(() => decoder.DecodePixelsInto(file.Bytes, reused, null, name), name);
        Assert.False(reused.IsDisposed);
        byte[] good = CodecData.Read("jpeg420.jpg");
        decoder.DecodePixelsInto(good, reused, null, "jpeg420.jpg");
        using PixelBuffer expected = decoder.DecodePixels(good, null, "jpeg420.jpg");
        Assert.Equal(expected.Size, reused.Size);
        Assert.True(expected.Pixels.SequenceEqual(reused.Pixels));
    }

    [Fact]
    public void ListsTheExtensionsItDecodes()
    {
        IReadOnlyList<string> extensions = CreateDecoder(new DecoderSettings()).FileExtensions;
        Assert.Contains(".jpg", extensions);
        Assert.Contains(".png", extensions);
        Assert.All(extensions, e => Assert.Matches("^\\.[a-z0-9]+$", e));
        Assert.Equal(extensions.Count, extensions.Distinct().Count());
    }

    [Fact]
    public void DecodesConcurrently()
    {
        IImageDecoder decoder = CreateDecoder(new DecoderSettings());
        string[] names = ["jpeg420.jpg", "rgba.png", "palette.gif", "exif6.jpg"];
        float[][] expected = [.. names.Select(n => { using ImageTensor t = decoder.Decode(CodecData.Read(n)); return t.Data.ToArray(); })];
        Parallel.For(0, 64, i =>
        {
            using ImageTensor actual = decoder.Decode(CodecData.Read(names[i % names.Length]));
            Assert.Equal(expected[i % names.Length], actual.Data.ToArray());
        });
    }

    /// <summary>Builds the decoder under test with <paramref name="settings"/>; skips the test where the codec is unavailable.</summary>
    /// <param name="settings">The options, in codec-neutral form.</param>
    /// <returns>The decoder.</returns>
    protected abstract IImageDecoder CreateDecoder(DecoderSettings settings);

    /// <summary>
    /// How far the decoder may depart from PIL on <paramref name="name"/>: the largest difference of one channel value
    /// and the largest mean difference, in 8-bit levels. Exact by default; overrides document why not.
    /// </summary>
    /// <param name="name">The input file's name.</param>
    /// <returns>The allowed differences.</returns>
    protected virtual (int Max, double Mean) Tolerance(string name) => (0, 0);

    private void AssertLikePil(ImageTensor image, string name, string suffix)
    {
        byte[] expected = File.ReadAllBytes(Path.Combine(CodecData.Directory, "expected", name + suffix));
        Assert.Equal(3, image.Channels);
        Assert.Equal(expected.Length, image.Height * image.Width * 3);
        int worst = 0;
        long total = 0;
        (int X, int Y, int C) at = default;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int difference = Math.Abs(CodecData.At(image, c, x, y) - expected[(((y * image.Width) + x) * 3) + c]);
                    total += difference;
                    if (difference > worst)
                    {
                        (worst, at) = (difference, (x, y, c));
                    }
                }
            }
        }

        double mean = (double)total / expected.Length;
        (int max, double meanLimit) = Tolerance(name);
        Assert.True(
            worst <= max && mean <= meanLimit,
            $"{name}{suffix}: largest difference from PIL {worst} levels (channel {at.C} at ({at.X}, {at.Y})), mean {mean:F3}; allowed {max}, mean {meanLimit}");
    }

    private static void AssertRefused(Action action, string name)
    {
        Exception error = Record.Exception(action) ?? throw new Xunit.Sdk.XunitException($"'{name}' was accepted");
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains($"'{name}'", error.Message);
    }

    private static string FormatOf(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "jpeg",
        ".tif" => "tiff",
        var extension => extension[1..],
    };

    /// <summary>Decoder options in codec-neutral form; each test class maps them to its codec's options record.</summary>
    protected sealed record DecoderSettings
    {
        /// <summary>The pixel limit.</summary>
        public long MaxPixels { get; init; } = ImageDecoderOptions.DefaultMaxPixels;

        /// <summary>Whether truncated files are accepted.</summary>
        public bool AcceptTruncated { get; init; }

        /// <summary>Whether the EXIF orientation is applied.</summary>
        public bool ApplyExifOrientation { get; init; } = true;

        /// <summary>The background alpha is composited over, or <see langword="null"/> to drop alpha.</summary>
        public (byte R, byte G, byte B)? AlphaBackground { get; init; }
    }
}
