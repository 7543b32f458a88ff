using Augment.Imaging;
using Augment.Kernels;
using Augment.Randomness;

namespace Augment.Tests.Codec;

[Trait("Category", "HardwarePaths")]
public sealed class PixelConversionTests
{
    public static TheoryData<PixelLayout> Layouts => [PixelLayout.Gray8, PixelLayout.Rgb24, PixelLayout.Rgba32, PixelLayout.Bgra32, PixelLayout.Rgb24Planar];

    public static TheoryData<PixelLayout> OutputLayouts => [PixelLayout.Rgb24, PixelLayout.Rgba32, PixelLayout.Bgra32];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ToTensorMatchesScalarDivisionForEveryWidthAndPaddedStride(PixelLayout layout)
    {
        int bpp = layout.BytesPerRowPixel();
        bool planar = layout == PixelLayout.Rgb24Planar;
        var random = RandomSource.FromSeed(7);
        for (int width = 1; width <= 300; width++)
        {
            foreach (int padding in (int[])[0, 5])
            {
                const int height = 3;
                int stride = (width * bpp) + padding;
                byte[] pixels = RandomBytes(ref random, stride * height * layout.Planes());
                using ImageTensor image = PixelConversion.ToTensor(pixels, width, height, layout, padding == 0 ? 0 : stride);
                Assert.Equal(3, image.Channels);
                for (int c = 0; c < 3; c++)
                {
                    for (int y = 0; y < height; y++)
                    {
                        for (int x = 0; x < width; x++)
                        {
                            float expected = pixels[planar ? (((c * height) + y) * stride) + x : (y * stride) + (x * bpp) + Offset(layout, c)] / 255f;
                            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(image.Row(c, y)[x]));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryByteValueConvertsToItsExactQuotient()
    {
        byte[] pixels = new byte[256 * 4];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i / 4);
        }

        using ImageTensor image = PixelConversion.ToTensor(pixels, 256, 1, PixelLayout.Rgba32);
        for (int v = 0; v < 256; v++)
        {
            Assert.Equal(v / 255f, image.Plane(1)[v]);
        }
    }

    [Fact]
    public void ToTensorIntoDestinationOverwritesEveryElement()
    {
        byte[] pixels = new byte[17 * 5 * 3];
        Array.Fill(pixels, (byte)51);
        using var destination = ImageTensor.Create(3, 5, 17);
        destination.Data.Fill(float.NaN);
        PixelConversion.ToTensor(pixels, 17, 5, PixelLayout.Rgb24, 0, destination);
        Assert.All(destination.Data.ToArray(), v => Assert.Equal(0.2f, v));
    }

    [Fact]
    public void ToTensorRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelConversion.ToTensor(new byte[4], 0, 1, PixelLayout.Rgba32));
        Assert.Throws<ArgumentException>(() => PixelConversion.ToTensor(new byte[11], 2, 2, PixelLayout.Rgb24));
        Assert.Throws<ArgumentException>(() => PixelConversion.ToTensor(new byte[16], 2, 2, PixelLayout.Rgba32, stride: 4));
        Assert.Throws<ArgumentException>(() => PixelConversion.ToTensor(new byte[11], 2, 2, PixelLayout.Rgb24Planar)); // three planes of 4 bytes
        using var wrong = ImageTensor.Create(3, 2, 3);
        Assert.Throws<ArgumentException>(() => PixelConversion.ToTensor(new byte[16], 2, 2, PixelLayout.Rgba32, 0, wrong));
    }

    [Theory]
    [MemberData(nameof(OutputLayouts))]
    public void ToPixelsMatchesScalarRoundingForEveryWidthAndPaddedStride(PixelLayout layout)
    {
        int bpp = layout.BytesPerPixel();
        var random = RandomSource.FromSeed(11);
        float[] specials = [float.NaN, -0.5f, 1.5f, float.PositiveInfinity, float.NegativeInfinity, -0f, 0.5f / 255f, 2.5f / 255f, 0.99999f];
        for (int width = 1; width <= 300; width++)
        {
            const int height = 2, padding = 3;
            int stride = (width * bpp) + padding;
            using var image = ImageTensor.Create(3, height, width);
            Span<float> data = image.Data;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = i % 7 == 3 ? specials[i % specials.Length] : (random.NextSingle() * 1.2f) - 0.1f;
            }

            byte[] pixels = new byte[stride * height];
            Array.Fill(pixels, (byte)0xAB);
            PixelConversion.ToPixels(image, pixels, layout, stride);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int at = (y * stride) + (x * bpp);
                    for (int c = 0; c < 3; c++)
                    {
                        Assert.Equal(ScalarByte(image.Row(c, y)[x]), pixels[at + Offset(layout, c)]);
                    }

                    if (bpp == 4)
                    {
                        Assert.Equal(255, pixels[at + 3]);
                    }
                }

                Assert.All(pixels.AsSpan((y * stride) + (width * bpp), padding).ToArray(), p => Assert.Equal(0xAB, p));
            }
        }
    }

    [Fact]
    public void ToPixelsRoundsHalfToEvenClampsAndZeroesNaN()
    {
        using var image = ImageTensor.Create(1, 1, 6);
        float[] values = [float.NaN, -1f, 2f, 0.5f, 0.5f / 255f, 1f];
        values.CopyTo(image.Data);
        byte[] pixels = new byte[18];
        PixelConversion.ToPixels(image, pixels, PixelLayout.Rgb24);
        byte half = (byte)MathF.Round(0.5f * 255f, MidpointRounding.ToEven);
        Assert.Equal([0, 0, 0, 0, 0, 0, 255, 255, 255, half, half, half, 0, 0, 0, 255, 255, 255], pixels);
    }

    [Theory]
    [MemberData(nameof(OutputLayouts))]
    public void BytesSurviveARoundTrip(PixelLayout layout)
    {
        var random = RandomSource.FromSeed(3);
        byte[] pixels = RandomBytes(ref random, 37 * 9 * layout.BytesPerPixel());
        if (layout.BytesPerPixel() == 4)
        {
            for (int i = 3; i < pixels.Length; i += 4)
            {
                pixels[i] = 255;
            }
        }

        using ImageTensor image = PixelConversion.ToTensor(pixels, 37, 9, layout);
        byte[] back = new byte[pixels.Length];
        PixelConversion.ToPixels(image, back, layout);
        Assert.Equal(pixels, back);
    }

    [Fact]
    public void ToPixelsRejectsBadArguments()
    {
        using var two = ImageTensor.Create(2, 2, 2);
        Assert.Throws<ArgumentException>(() => PixelConversion.ToPixels(two, new byte[16], PixelLayout.Rgba32));
        using var three = ImageTensor.Create(3, 2, 2);
        Assert.Throws<ArgumentException>(() => PixelConversion.ToPixels(three, new byte[4], PixelLayout.Gray8));
        Assert.Throws<ArgumentException>(() => PixelConversion.ToPixels(three, new byte[11], PixelLayout.Rgb24));
    }

    [Fact]
    public void CompositeOverBlendsOnlyTranslucentPixelsAndMakesThemOpaque()
    {
        byte[] pixels = [200, 100, 0, 255, 200, 100, 0, 0, 200, 100, 0, 51, 9, 9, 9, 9];
        PixelConversion.CompositeOver(pixels, 3, 1, 0, 255, 128, 0);
        byte Blend(int c, int bg) => (byte)Math.Round(((c * 51) + (bg * 204)) / 255.0);
        Assert.Equal([200, 100, 0, 255, 255, 128, 0, 255, Blend(200, 255), Blend(100, 128), 0, 255, 9, 9, 9, 9], pixels);
    }

    private static int Offset(PixelLayout layout, int channel) => layout switch
    {
        PixelLayout.Gray8 => 0,
        PixelLayout.Bgra32 => 2 - channel,
        _ => channel,
    };

    private static byte ScalarByte(float v) => float.IsNaN(v) ? (byte)0 : (byte)MathF.Round(Math.Clamp(v, 0f, 1f) * 255f, MidpointRounding.ToEven);

    private static byte[] RandomBytes(ref RandomSource random, int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.NextUInt32();
        }

        return bytes;
    }
}
