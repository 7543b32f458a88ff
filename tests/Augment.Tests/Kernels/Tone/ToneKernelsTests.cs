using Augment.Imaging;
using Augment.Kernels.Tone;

namespace Augment.Tests.Kernels.Tone;

public sealed class ToneKernelsTests
{
    private static int Level(float x) => (int)Math.Round(Math.Clamp(x, 0f, 1f) * 255f, MidpointRounding.ToEven);

    private static float[] Values(int length, ulong seed)
    {
        using ImageTensor image = WarpTestImages.Random(1, 1, length, seed);
        float[] values = image.Data.ToArray();
        if (length > 2)
        {
            // Out-of-range values and exact levels exercise the clamps and ties.
            values[0] = -0.25f;
            values[1] = 1.5f;
            values[2] = 128 / 255f;
        }

        return values;
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void PosterizeMatchesTheBitMaskOracleAtEveryLength(int bits)
    {
        int mask = (0xFF << (8 - bits)) & 0xFF;
        for (int length = 1; length <= 40; length++)
        {
            float[] x = Values(length, (ulong)length);
            float[] actual = new float[length];
            ToneKernels.Posterize(x, actual, bits);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal((Level(x[i]) & mask) / 255f, actual[i]);
            }
        }
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(0f)]
    [InlineData(0.5f)]
    [InlineData(128 / 255f)]
    [InlineData(1.1f)]
    public void SolarizeMatchesTheOracleAtEveryLength(float threshold)
    {
        for (int length = 1; length <= 40; length++)
        {
            float[] x = Values(length, (ulong)length + 100);
            float[] actual = new float[length];
            ToneKernels.Solarize(x, actual, threshold);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(x[i] >= threshold ? 1f - x[i] : x[i], actual[i]);
            }
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void InvertIsOneMinusXAtEveryLength()
    {
        for (int length = 1; length <= 40; length++)
        {
            float[] x = Values(length, (ulong)length + 200);
            float[] actual = new float[length];
            ToneKernels.Invert(x, actual);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(1f - x[i], actual[i]);
            }
        }
    }

    [Fact]
    public void PosterizeAndSolarizeRejectBadArguments()
    {
        float[] x = new float[4];
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => ToneKernels.Posterize(x, x, 9)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => ToneKernels.Posterize(x, x, -1)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => ToneKernels.Solarize(x, x, float.NaN)).ParamName);
        Assert.Throws<ArgumentException>(() => ToneKernels.Invert(x, new float[3]));
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void AutoContrastStretchesEachChannelAndLeavesConstantOnes()
    {
        for (int width = 1; width <= 24; width++)
        {
            using ImageTensor image = WarpTestImages.Random(3, 2, width, (ulong)width);
            image.Plane(2).Fill(0.4f);
            float[] before = image.Data.ToArray();
            ToneKernels.AutoContrast(image);
            for (int c = 0; c < 2; c++)
            {
                ReadOnlySpan<float> plane = before.AsSpan(c * 2 * width, 2 * width);
                float min = plane.ToArray().Min(), max = plane.ToArray().Max();
                for (int i = 0; i < plane.Length; i++)
                {
                    float expected = max == min ? plane[i] : Math.Clamp((plane[i] - min) / (max - min), 0f, 1f);
                    WarpTestImages.Near(expected, image.Plane(c)[i]);
                }
            }

            Assert.All(image.Plane(2).ToArray(), v => Assert.Equal(0.4f, v));
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void EqualizeMatchesAnIndependentTranscriptionOfThePilAlgorithm()
    {
        using ImageTensor image = WarpTestImages.Random(3, 23, 31, 11, quantized: true);
        // Skew channel 1 so that its histogram is far from flat.
        Span<float> skewed = image.Plane(1);
        for (int i = 0; i < skewed.Length; i++)
        {
            skewed[i] = MathF.Floor(skewed[i] * skewed[i] * 255f) / 255f;
        }

        float[] before = image.Data.ToArray();
        ToneKernels.Equalize(image);
        for (int c = 0; c < 3; c++)
        {
            int[] levels = before.AsSpan(c * image.PlaneLength, image.PlaneLength).ToArray().Select(Level).ToArray();
            long[] histogram = new long[256];
            foreach (int v in levels)
            {
                histogram[v]++;
            }

            long[] nonZero = histogram.Where(h => h != 0).ToArray();
            long step = nonZero[..^1].Sum() / 255;
            long[] lut = new long[256];
            long cumulative = 0;
            for (int v = 0; v < 256; v++)
            {
                lut[v] = Math.Min(255, (cumulative + (step / 2)) / step);
                cumulative += histogram[v];
            }

            for (int i = 0; i < levels.Length; i++)
            {
                Assert.Equal(lut[levels[i]] / 255f, image.Plane(c)[i]);
            }
        }
    }

    [Fact]
    public void EqualizeLeavesANearlyConstantChannelUnchanged()
    {
        // Two levels, one of them a single pixel: step = 1 / 255 rounds to 0, so the channel is returned as it was.
        using ImageTensor image = ImageTensor.Create(1, 4, 4);
        image.Data.Fill(0.2f);
        image.Data[5] = 0.9f;
        ToneKernels.Equalize(image);
        Assert.Equal(0.9f, image.Data[5]);
        Assert.Equal(0.2f, image.Data[0]);
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(0f)]
    [InlineData(0.5f)]
    [InlineData(1.8f)]
    public void SharpnessMatchesTheThreeByThreeOracleAtEveryWidth(float factor)
    {
        const int Height = 4;
        for (int width = 3; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, Height, width, (ulong)(12 + width));
            using ImageTensor actual = ToneKernels.Sharpness(image, factor);
            for (int c = 0; c < 2; c++)
            {
                for (int y = 0; y < Height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        float smooth = image.At(c, y, x);
                        if (y > 0 && y < Height - 1 && x > 0 && x < width - 1)
                        {
                            float sum = 0;
                            for (int dy = -1; dy <= 1; dy++)
                            {
                                for (int dx = -1; dx <= 1; dx++)
                                {
                                    sum += image.At(c, y + dy, x + dx) * (dx == 0 && dy == 0 ? 5f : 1f);
                                }
                            }

                            smooth = sum / 13f;
                        }

                        float expected = Math.Clamp((factor * image.At(c, y, x)) + ((1 - factor) * smooth), 0f, 1f);
                        WarpTestImages.Near(expected, actual.At(c, y, x));
                    }
                }
            }
        }
    }

    [Fact]
    public void SharpnessLeavesTinyImagesAndRejectsNonFiniteFactors()
    {
        using ImageTensor tiny = WarpTestImages.Random(3, 2, 9, 13);
        using ImageTensor result = ToneKernels.Sharpness(tiny, 2f);
        Assert.Equal(tiny.Data.ToArray(), result.Data.ToArray());
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => ToneKernels.Sharpness(tiny, float.NaN)).ParamName);
    }
}
