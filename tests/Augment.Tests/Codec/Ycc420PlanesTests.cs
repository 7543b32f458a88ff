using Augment.Randomness;
using Augment.TurboJpeg;

namespace Augment.Tests.Codec;

/// <summary>
/// <see cref="Ycc420Planes"/> against a scalar transcription of libjpeg's <c>h2v2_fancy_upsample</c> (jdsample.c) and
/// its table-driven <c>ycc_rgb_convert</c> (jdcolor.c). The decoder's output equals libjpeg-turbo's own RGB on real
/// JPEGs (see <see cref="TurboJpegDecoderTests"/>); these tests pin the kernel down on every size class and every
/// colour.
/// </summary>
[Trait("Category", "HardwarePaths")]
public sealed class Ycc420PlanesTests
{
    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        foreach (int width in (ReadOnlySpan<int>)[5, 6, 7, 31, 63, 64, 65, 66, 67, 96, 127, 128, 129, 130, 191, 500])
        {
            data.Add(width, width % 3 == 0 ? 1 : width % 3 == 1 ? 2 : 7);
        }

        data.Add(65, 64);
        data.Add(333, 375);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void MatchesLibjpegsScalarUpsamplingAndConversion(int width, int height)
    {
        int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2;
        int lumaStride = (2 * chromaWidth) + 3, chromaStride = chromaWidth + 5; // padded rows: strides are honoured
        var random = RandomSource.ForSample(3, width, height);
        byte[] luma = Noise(ref random, lumaStride * height), blue = Noise(ref random, chromaStride * chromaHeight), red = Noise(ref random, chromaStride * chromaHeight);

        byte[] actual = new byte[3 * width * height];
        Ycc420Planes.Convert(luma, lumaStride, blue, red, chromaStride, width, height, actual);

        byte[] upBlue = Upsample(blue, chromaStride, width, height), upRed = Upsample(red, chromaStride, width, height);
        int plane = width * height;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                (byte r, byte g, byte b) = TableConversion(luma[(y * lumaStride) + x], upBlue[(y * width) + x], upRed[(y * width) + x]);
                int i = (y * width) + x;
                Assert.True(
                    (r, g, b) == (actual[i], actual[plane + i], actual[(2 * plane) + i]),
                    $"pixel ({x}, {y}) of {width}x{height}: expected {(r, g, b)}, got {(actual[i], actual[plane + i], actual[(2 * plane) + i])}");
            }
        }
    }

    [Fact]
    public void ConvertsEveryColourAsLibjpegsTables()
    {
        // Constant chroma upsamples to itself, so each (Cb, Cr) pair meets all 256 luma values in one row.
        const int Width = 256;
        byte[] luma = [.. Enumerable.Range(0, Width).Select(v => (byte)v)];
        byte[] blue = new byte[Width / 2], red = new byte[Width / 2], actual = new byte[3 * Width];
        for (int cb = 0; cb < 256; cb++)
        {
            Array.Fill(blue, (byte)cb);
            for (int cr = 0; cr < 256; cr++)
            {
                Array.Fill(red, (byte)cr);
                Ycc420Planes.Convert(luma, Width, blue, red, Width / 2, Width, 1, actual);
                for (int y = 0; y < Width; y++)
                {
                    (byte r, byte g, byte b) = TableConversion(y, cb, cr);
                    if ((r, g, b) != (actual[y], actual[Width + y], actual[(2 * Width) + y]))
                    {
                        Assert.Fail($"Y {y}, Cb {cb}, Cr {cr}: expected {(r, g, b)}, got {(actual[y], actual[Width + y], actual[(2 * Width) + y])}");
                    }
                }
            }
        }

        Assert.Equal(TableConversion(76, 85, 255), Ycc420Planes.Pixel(76, 85, 255)); // pure red, through the scalar form
    }

    [Fact]
    public void RefusesPlanesTooSmallForTheImage()
    {
        byte[] luma = new byte[64], chroma = new byte[16], planes = new byte[3 * 64];
        Assert.Throws<ArgumentException>(() => Ycc420Planes.Convert(luma, 8, chroma, chroma, 4, 8, 8, planes.AsSpan(1)));
        Assert.Throws<ArgumentException>(() => Ycc420Planes.Convert(luma, 8, chroma, chroma[1..], 4, 8, 8, planes));
        Assert.Throws<ArgumentException>(() => Ycc420Planes.Convert(luma, 7, chroma, chroma, 4, 8, 8, planes));
        Assert.Throws<ArgumentException>(() => Ycc420Planes.Convert(luma, 8, chroma, chroma, 4, Ycc420Planes.MinimumWidth - 1, 8, planes));
    }

    private static byte[] Noise(ref RandomSource random, int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.NextUInt32();
        }

        return bytes;
    }

    /// <summary>jdsample.c's h2v2_fancy_upsample (for chroma rows of 3 samples or more), the edge columns special-cased as there.</summary>
    private static byte[] Upsample(byte[] chroma, int stride, int width, int height)
    {
        int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2;
        byte[] output = new byte[width * height];
        int[] row = new int[2 * chromaWidth];
        for (int y = 0; y < height; y++)
        {
            int near = y / 2, far = y % 2 == 0 ? Math.Max(near - 1, 0) : Math.Min(near + 1, chromaHeight - 1);
            int Sum(int column) => (chroma[(near * stride) + column] * 3) + chroma[(far * stride) + column];
            row[0] = ((Sum(0) * 4) + 8) >> 4;
            row[1] = ((Sum(0) * 3) + Sum(1) + 7) >> 4;
            for (int j = 1; j < chromaWidth - 1; j++)
            {
                row[2 * j] = ((Sum(j) * 3) + Sum(j - 1) + 8) >> 4;
                row[(2 * j) + 1] = ((Sum(j) * 3) + Sum(j + 1) + 7) >> 4;
            }

            int last = chromaWidth - 1;
            row[2 * last] = ((Sum(last) * 3) + Sum(last - 1) + 8) >> 4;
            row[(2 * last) + 1] = ((Sum(last) * 4) + 7) >> 4;

            for (int x = 0; x < width; x++)
            {
                output[(y * width) + x] = (byte)row[x];
            }
        }

        return output;
    }

    /// <summary>jdcolor.c's build_ycc_rgb_table and ycc_rgb_convert: SCALEBITS 16, FIX(x) = (int)(x * 65536 + 0.5).</summary>
    private static (byte R, byte G, byte B) TableConversion(int y, int cb, int cr)
    {
        static int Fix(double x) => (int)((x * 65536) + 0.5);
        const int OneHalf = 1 << 15;
        int xr = cr - 128, xb = cb - 128;
        int crR = ((Fix(1.40200) * xr) + OneHalf) >> 16;
        int cbB = ((Fix(1.77200) * xb) + OneHalf) >> 16;
        int crG = -Fix(0.71414) * xr;
        int cbG = (-Fix(0.34414) * xb) + OneHalf;
        static byte Limit(int v) => (byte)Math.Clamp(v, 0, 255);
        return (Limit(y + crR), Limit(y + ((cbG + crG) >> 16)), Limit(y + cbB));
    }
}
