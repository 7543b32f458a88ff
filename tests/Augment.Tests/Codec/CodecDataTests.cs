using Augment.Imaging;
using Augment.Skia;
using SkiaSharp;

namespace Augment.Tests.Codec;

/// <summary>Decoding the committed files of Codec/Data; the pixel formulas repeat those of make_codec_data.py.</summary>
public sealed class CodecDataTests
{
    private const int W = 12, H = 8;

    private static readonly int[] Alphas = [0, 255, 128, 51];

    private static readonly (int R, int G, int B)[] Palette = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (17, 34, 51)];

    private readonly SkiaImageDecoder _decoder = new();

    [Fact]
    public void GrayPngBecomesThreeEqualChannels()
    {
        using ImageTensor image = _decoder.DecodeFile(CodecData.PathOf("gray.png"));
        CodecData.AssertExact(image, W, H, (_, x, y) => ((20 * x) + (7 * y)) % 256);
    }

    [Theory]
    [InlineData("palette.png")]
    [InlineData("palette.gif")]
    [InlineData("animated.gif")]
    public void PaletteImagesExpandToTheirColours(string name)
    {
        using ImageTensor image = _decoder.DecodeFile(CodecData.PathOf(name));
        CodecData.AssertExact(image, W, H, (c, x, y) => Channel(Palette[(x + y) % 4], c));
    }

    [Theory]
    [InlineData("rgb.bmp")]
    [InlineData("rgb.webp")]
    public void LosslessRgbFilesDecodeExactly(string name)
    {
        using ImageTensor image = _decoder.DecodeFile(CodecData.PathOf(name));
        CodecData.AssertExact(image, W, H, (c, x, y) => Channel((20 * x, 30 * y, 100), c));
    }

    [Fact]
    public void GrayAlphaPngDropsOrCompositesAlpha()
    {
        using ImageTensor dropped = _decoder.DecodeFile(CodecData.PathOf("gray_alpha.png"));
        CodecData.AssertExact(dropped, W, H, (_, x, y) => ((20 * x) + (7 * y)) % 256);
        var onWhite = new SkiaImageDecoder(new SkiaDecoderOptions { AlphaBackground = SKColors.White });
        using ImageTensor composited = onWhite.DecodeFile(CodecData.PathOf("gray_alpha.png"));
        CodecData.AssertExact(composited, W, H, (_, x, y) => x % 2 == 0 ? 255 : ((20 * x) + (7 * y)) % 256);
    }

    [Fact]
    public void RgbaPngDropsAlphaByDefault()
    {
        using ImageTensor image = _decoder.DecodeFile(CodecData.PathOf("rgba.png"));
        CodecData.AssertExact(image, W, H, (c, x, y) => Channel((20 * x, 30 * y, 100), c));
    }

    [Fact]
    public void RgbaPngCompositesOverTheChosenBackground()
    {
        var decoder = new SkiaImageDecoder(new SkiaDecoderOptions { AlphaBackground = new SKColor(10, 200, 30) });
        using ImageTensor image = decoder.DecodeFile(CodecData.PathOf("rgba.png"));
        (int, int, int) background = (10, 200, 30);
        CodecData.AssertExact(image, W, H, (c, x, y) =>
        {
            int a = Alphas[(x + (2 * y)) % 4];
            return (int)Math.Round(((Channel((20 * x, 30 * y, 100), c) * a) + (Channel(background, c) * (255 - a))) / 255.0);
        });
    }

    [Fact]
    public void SixteenBitPngsKeepTheirHighByte()
    {
        using ImageTensor rgb = _decoder.DecodeFile(CodecData.PathOf("rgb16.png"));
        CodecData.AssertExact(rgb, W, H, (c, x, y) => Channel(((5000 * x) + y, (8000 * y) + 255, 65535 - (3000 * x)), c) >> 8);
        using ImageTensor gray = _decoder.DecodeFile(CodecData.PathOf("gray16.png"));
        CodecData.AssertExact(gray, W, H, (_, x, y) => ((5000 * x) + (100 * y)) >> 8);
    }

    [Fact]
    public void CmykJpegBecomesRgb()
    {
        using ImageTensor image = _decoder.DecodeFile(CodecData.PathOf("cmyk.jpg"));
        Assert.Equal((3, 8, 32), (image.Channels, image.Height, image.Width));

        // Block centres as Pillow 9.4 converts them (make_codec_data.py prints them); JPEG loss allows a few levels.
        (int R, int G, int B)[] pillow = [(255, 255, 255), (0, 255, 255), (127, 127, 0), (167, 111, 223)];
        for (int i = 0; i < 4; i++)
        {
            (int r, int g, int b) = CodecData.Rgb(image, (8 * i) + 4, 4);
            Assert.True(
                Math.Abs(r - pillow[i].R) <= 12 && Math.Abs(g - pillow[i].G) <= 12 && Math.Abs(b - pillow[i].B) <= 12,
                $"block {i}: got ({r}, {g}, {b}), Pillow gives {pillow[i]}");
        }
    }

    [Theory]
    [InlineData(1, 16, 8, "RGBW")]
    [InlineData(2, 16, 8, "GRWB")]
    [InlineData(3, 16, 8, "WBGR")]
    [InlineData(4, 16, 8, "BWRG")]
    [InlineData(5, 8, 16, "RBGW")]
    [InlineData(6, 8, 16, "BRWG")]
    [InlineData(7, 8, 16, "WGBR")]
    [InlineData(8, 8, 16, "GWRB")]
    public void ExifOrientationIsApplied(int orientation, int width, int height, string corners)
    {
        // corners: the quadrant colours at top-left, top-right, bottom-left, bottom-right after PIL's exif_transpose.
        string name = $"exif{orientation}.jpg";
        byte[] bytes = CodecData.Read(name);
        using ImageTensor oriented = _decoder.Decode(bytes, name);
        using ImageTensor stored = new SkiaImageDecoder(new SkiaDecoderOptions { ApplyExifOrientation = false }).Decode(bytes, name);
        Assert.Equal((3, height, width), (oriented.Channels, oriented.Height, oriented.Width));
        Assert.Equal((16, 8), (stored.Width, stored.Height));

        string actual = string.Concat(new[] { (0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1) }
            .Select(p => ColourName(CodecData.Rgb(oriented, p.Item1, p.Item2))));
        Assert.Equal(corners, actual);

        // Every pixel comes from the stored pixel that PIL's transposition names.
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    (int sx, int sy) = orientation switch
                    {
                        2 => (15 - x, y),
                        3 => (15 - x, 7 - y),
                        4 => (x, 7 - y),
                        5 => (y, x),
                        6 => (y, 7 - x),
                        7 => (15 - y, 7 - x),
                        8 => (15 - y, x),
                        _ => (x, y),
                    };
                    Assert.Equal(stored.Row(c, sy)[sx], oriented.Row(c, y)[x]);
                }
            }
        }

        ImageInfo info = _decoder.Identify(bytes, name);
        Assert.Equal((16, 8, "jpeg", new ImageSize(height, width)), (info.Width, info.Height, info.Format, info.OrientedSize));
    }

    [Theory]
    [InlineData("bomb.png", "100000x100000")]
    [InlineData("bomb.jpg", "60000x60000")]
    public void DecompressionBombsThrowFromTheHeaderWithoutAllocating(string name, string size)
    {
        byte[] bytes = CodecData.Read(name);
        var decoder = new SkiaImageDecoder();
        Assert.Throws<InvalidDataException>(() => decoder.Decode(bytes, name)); // warm up: JIT and Skia's own set-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => decoder.Decode(bytes, name));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(name, error.Message);
        Assert.Contains(size, error.Message);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");

        ImageInfo info = decoder.Identify(bytes, name);
        Assert.Equal(size, $"{info.Width}x{info.Height}");
    }

    private static int Channel((int R, int G, int B) colour, int c) => c switch
    {
        0 => colour.R,
        1 => colour.G,
        _ => colour.B,
    };

    private static char ColourName((int R, int G, int B) p) => p switch
    {
        { R: > 200, G: < 60, B: < 60 } => 'R',
        { R: < 60, G: > 200, B: < 60 } => 'G',
        { R: < 60, G: < 60, B: > 200 } => 'B',
        { R: > 200, G: > 200, B: > 200 } => 'W',
        _ => '?',
    };
}
