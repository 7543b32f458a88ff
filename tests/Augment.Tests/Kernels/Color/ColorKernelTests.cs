using Augment.Imaging;
using Augment.Kernels.Color;

namespace Augment.Tests.Kernels.Color;

public sealed class ColorKernelTests
{
    private static readonly float[] Factors = [0f, 0.4f, 1f, 1.7f];
    private static readonly float[] HueFactors = [-0.5f, -0.3f, -0.05f, 0f, 0.07f, 0.25f, 0.5f];

    /// <summary>Widths 1..40 cover every vector width's tail; the values reach outside [0, 1] to exercise the clamps.</summary>
    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void BrightnessAndContrast_MatchOracle_AllLengths()
    {
        for (int width = 1; width <= 40; width++)
        {
            foreach (float factor in Factors)
            {
                using ImageTensor source = Stretched(TestImages.Random(3, 1, width, (ulong)width));
                using ImageTensor brightness = source.Clone();
                ColorKernels.AdjustBrightness(brightness, factor);
                using ImageTensor contrast = source.Clone();
                ColorKernels.AdjustContrast(contrast, factor);

                double graySum = 0;
                ReadOnlySpan<float> s = source.Data;
                for (int i = 0; i < width; i++)
                {
                    graySum += ColorOracle.Gray(s[i], s[width + i], s[(2 * width) + i]);
                }

                float mean = (float)(graySum / width);
                for (int i = 0; i < s.Length; i++)
                {
                    Assert.Equal(ColorOracle.Blend(s[i], 0f, factor), brightness.Data[i]);
                    Assert.Equal(ColorOracle.Blend(s[i], mean, factor), contrast.Data[i], 1e-6f);
                }
            }
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void SaturationAndGrayscale_MatchOracle_AllLengths()
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor source = Stretched(TestImages.Random(3, 1, width, 100 + (ulong)width));
            ReadOnlySpan<float> s = source.Data;
            foreach (float factor in Factors)
            {
                using ImageTensor saturated = source.Clone();
                ColorKernels.AdjustSaturation(saturated, factor);
                for (int c = 0; c < 3; c++)
                {
                    for (int i = 0; i < width; i++)
                    {
                        float gray = ColorOracle.Gray(s[i], s[width + i], s[(2 * width) + i]);
                        Assert.Equal(ColorOracle.Blend(s[(c * width) + i], gray, factor), saturated.Data[(c * width) + i], 1e-6f);
                    }
                }
            }

            using ImageTensor gray3 = source.Clone();
            ColorKernels.Grayscale(gray3);
            float[] gray1 = new float[width + 3];
            gray1.AsSpan().Fill(float.NaN);
            ColorKernels.Grayscale(source, gray1);
            for (int i = 0; i < width; i++)
            {
                float expected = ColorOracle.Gray(s[i], s[width + i], s[(2 * width) + i]);
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(expected, gray3.Data[(c * width) + i], 1e-6f);
                }

                Assert.Equal(expected, gray1[i], 1e-6f);
            }

            Assert.True(float.IsNaN(gray1[width]), "Grayscale wrote past the plane.");
        }
    }

    /// <summary>The vectorized hue against torchvision's scalar algorithm, with ties and grays frequent (levels of 1/8).</summary>
    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void Hue_MatchesTorchvisionAlgorithm_AllLengths()
    {
        for (int width = 1; width <= 40; width++)
        {
            foreach (int levels in (int[])[0, 8])
            {
                using ImageTensor source = TestImages.Random(3, 2, width, 200 + (ulong)width, levels);
                AssertHueMatchesOracle(source);
            }
        }
    }

    [Fact]
    public void Hue_MatchesOracle_OnSpecialPixels()
    {
        // Grays, black, white, primaries, secondaries, two-way ties and sector boundaries.
        float[][] pixels =
        [
            [0, 0, 0], [1, 1, 1], [0.5f, 0.5f, 0.5f], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1], [1, 0, 1],
            [0.8f, 0.8f, 0.2f], [0.2f, 0.8f, 0.8f], [0.8f, 0.2f, 0.8f], [0.9f, 0.45f, 0f], [1e-7f, 0, 0], [1, 1, 0.9999999f],
        ];
        using var image = ImageTensor.Create(3, 1, pixels.Length);
        for (int i = 0; i < pixels.Length; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                image.Data[(c * pixels.Length) + i] = pixels[i][c];
            }
        }

        AssertHueMatchesOracle(image);
    }

    [Fact]
    public void Hue_ZeroShiftKeepsTheImage_AndHalfShiftTwiceReturnsIt()
    {
        using ImageTensor source = TestImages.Random(3, 9, 13, 7);
        using ImageTensor same = source.Clone();
        ColorKernels.AdjustHue(same, 0f);
        Assert.True(TestImages.MaxDifference(same.Data, source.Data) < 2e-6f);

        using ImageTensor twice = source.Clone();
        ColorKernels.AdjustHue(twice, 0.5f);
        ColorKernels.AdjustHue(twice, 0.5f);
        Assert.True(TestImages.MaxDifference(twice.Data, source.Data) < 5e-6f);
    }

    [Fact]
    public void ContrastZero_GivesTheGrayMean_AndSaturationZero_GivesGrayscale()
    {
        using ImageTensor source = TestImages.Random(3, 5, 11, 3);
        float mean = ColorKernels.GrayscaleMean(source);
        using ImageTensor flat = source.Clone();
        ColorKernels.AdjustContrast(flat, 0f);
        Assert.All(flat.Data.ToArray(), v => Assert.Equal(mean, v, 1e-6f));

        using ImageTensor desaturated = source.Clone();
        ColorKernels.AdjustSaturation(desaturated, 0f);
        using ImageTensor gray = source.Clone();
        ColorKernels.Grayscale(gray);
        Assert.True(TestImages.MaxDifference(desaturated.Data, gray.Data) < 1e-6f);
    }

    [Fact]
    public void OneChannelImages_FollowTorchvision()
    {
        using ImageTensor source = TestImages.Random(1, 4, 6, 5);
        using ImageTensor image = source.Clone();
        ColorKernels.AdjustHue(image, 0.3f);
        ColorKernels.AdjustSaturation(image, 0.2f);
        Assert.Equal(source.Data.ToArray(), image.Data.ToArray());

        ColorKernels.AdjustContrast(image, 0.5f);
        float mean = source.Data.ToArray().Average();
        for (int i = 0; i < image.Length; i++)
        {
            Assert.Equal((0.5f * source.Data[i]) + (0.5f * mean), image.Data[i], 1e-6f);
        }
    }

    [Fact]
    public void ChannelShiftAndPcaLighting_AddPerChannelOffsets_WithoutClamping()
    {
        using ImageTensor source = TestImages.Random(3, 3, 17, 11);
        using ImageTensor shifted = source.Clone();
        ColorKernels.ChannelShift(shifted, [0.5f, -2f, 0f]);
        float[] shift = [0.5f, -2f, 0f];
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal(source.Data[i] + shift[i / source.PlaneLength], shifted.Data[i]);
        }

        float[] alpha = [0.1f, -0.2f, 0.3f], values = [0.2175f, 0.0188f, 0.0045f];
        ReadOnlySpan<float> vectors = Augment.Transforms.Color.PcaLightingBasis.ImageNet.Eigenvectors;
        using ImageTensor lit = source.Clone();
        ColorKernels.PcaLighting(lit, alpha, values, vectors);
        for (int c = 0; c < 3; c++)
        {
            double offset = 0;
            for (int k = 0; k < 3; k++)
            {
                offset += vectors[(3 * c) + k] * alpha[k] * values[k];
            }

            for (int i = 0; i < source.PlaneLength; i++)
            {
                int at = (c * source.PlaneLength) + i;
                Assert.Equal(source.Data[at] + offset, lit.Data[at], 1e-6);
            }
        }
    }

    [Fact]
    public void BadArguments_Throw()
    {
        using ImageTensor rgb = TestImages.Random(3, 2, 2, 1);
        using ImageTensor two = TestImages.Random(2, 2, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => ColorKernels.AdjustBrightness(rgb, -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => ColorKernels.AdjustContrast(rgb, float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => ColorKernels.AdjustSaturation(rgb, -1f));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => ColorKernels.AdjustHue(rgb, 0.51f));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => ColorKernels.AdjustHue(rgb, float.NaN));
        Assert.Throws<ArgumentException>("image", () => ColorKernels.AdjustHue(two, 0.1f));
        Assert.Throws<ArgumentException>("image", () => ColorKernels.Grayscale(two));
        Assert.Throws<ArgumentException>("destination", () => ColorKernels.Grayscale(rgb, new float[3]));
        Assert.Throws<ArgumentException>("shift", () => ColorKernels.ChannelShift(rgb, [1f, 2f]));
        Assert.Throws<ArgumentException>("eigenvectors", () => ColorKernels.PcaLighting(rgb, [1f, 2f, 3f], [1f, 2f, 3f], [1f]));
    }

    private static void AssertHueMatchesOracle(ImageTensor source)
    {
        int n = source.PlaneLength;
        ReadOnlySpan<float> s = source.Data;
        foreach (float factor in HueFactors)
        {
            using ImageTensor actual = source.Clone();
            ColorKernels.AdjustHue(actual, factor);
            for (int i = 0; i < n; i++)
            {
                var (r, g, b) = ColorOracle.Hue(s[i], s[n + i], s[(2 * n) + i], factor);
                string where = $"pixel ({s[i]}, {s[n + i]}, {s[(2 * n) + i]}), factor {factor}";
                Assert.True(MathF.Abs(actual.Data[i] - r) <= 1e-5f, $"R {actual.Data[i]} != {r} at {where}");
                Assert.True(MathF.Abs(actual.Data[n + i] - g) <= 1e-5f, $"G {actual.Data[n + i]} != {g} at {where}");
                Assert.True(MathF.Abs(actual.Data[(2 * n) + i] - b) <= 1e-5f, $"B {actual.Data[(2 * n) + i]} != {b} at {where}");
            }
        }
    }

    /// <summary>Maps [0, 1] to [-0.5, 1.5] so that the clamps matter.</summary>
    private static ImageTensor Stretched(ImageTensor image)
    {
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (data[i] * 2f) - 0.5f;
        }

        return image;
    }
}
