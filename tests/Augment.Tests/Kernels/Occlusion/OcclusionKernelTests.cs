using Augment.Imaging;
using Augment.Kernels.Occlusion;
using Augment.Randomness;

namespace Augment.Tests.Kernels.Occlusion;

public sealed class OcclusionKernelTests
{
    [Fact]
    public void Erase_FillsExactlyTheBox_PerChannel()
    {
        using ImageTensor source = TestImages.Random(3, 9, 12, 1);
        using ImageTensor erased = source.Clone();
        OcclusionKernels.Erase(erased, 2, 3, 4, 5, [0.1f, 0.2f, 0.3f]);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 9; y++)
            {
                for (int x = 0; x < 12; x++)
                {
                    bool inside = y >= 2 && y < 6 && x >= 3 && x < 8;
                    float expected = inside ? 0.1f * (c + 1) : source.Row(c, y)[x];
                    Assert.Equal(expected, erased.Row(c, y)[x]);
                }
            }
        }

        // A single value fills every channel; an empty box changes nothing.
        OcclusionKernels.Erase(erased, 0, 0, 1, 12, [7f]);
        Assert.All(new[] { erased.Row(0, 0)[5], erased.Row(1, 0)[0], erased.Row(2, 0)[11] }, v => Assert.Equal(7f, v));
        using ImageTensor unchanged = source.Clone();
        OcclusionKernels.Erase(unchanged, 9, 12, 0, 0, [1f]);
        Assert.Equal(source.Data.ToArray(), unchanged.Data.ToArray());
    }

    [Theory]
    [InlineData(-1, 0, 2, 2)]
    [InlineData(0, 0, 10, 2)]
    [InlineData(0, 11, 2, 2)]
    [InlineData(0, 0, -1, 2)]
    public void Erase_RejectsBoxesOutsideTheImage(int top, int left, int height, int width)
    {
        using ImageTensor image = TestImages.Random(3, 9, 12, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => OcclusionKernels.Erase(image, top, left, height, width, [0f]));
        Assert.Throws<ArgumentException>("value", () => OcclusionKernels.Erase(image, 0, 0, 1, 1, [0f, 1f]));
    }

    [Theory]
    [InlineData(53, 80, 35, 36, 70, 63, 97)] // inside: [cy - 17, cy + 17), an odd L gives side 2 (L / 2)
    [InlineData(2, 158, 53, 0, 28, 132, 161)] // clipped at the top and the right
    [InlineData(0, 0, 1, 0, 0, 0, 0)] // L = 1: L/2 = 0, an empty box
    [InlineData(-30, 50, 20, 0, 0, 40, 60)] // centre outside: empty rows
    public void CutoutBox_IsTheClippedSquare(int cy, int cx, int length, int y0, int y1, int x0, int x1)
    {
        var box = OcclusionKernels.CutoutBox(new ImageSize(107, 161), cy, cx, length);
        Assert.Equal((y0, x0, y1 - y0, x1 - x0), box);
    }

    [Fact]
    public void EraseNormal_IsStandardNormal_AndDeterministic()
    {
        using var image = ImageTensor.Create(3, 64, 70, clear: true);
        var random = RandomSource.FromSeed(5);
        OcclusionKernels.EraseNormal(image, 1, 2, 60, 67, perPixel: true, ref random);
        var values = new List<double>();
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 64; y++)
            {
                for (int x = 0; x < 70; x++)
                {
                    float v = image.Row(c, y)[x];
                    if (y >= 1 && y < 61 && x >= 2 && x < 69)
                    {
                        values.Add(v);
                    }
                    else
                    {
                        Assert.Equal(0f, v);
                    }
                }
            }
        }

        // Through the normal CDF the deviates must be uniform on [0, 1].
        DistributionChecks.AssertUniform(values.Select(NormalCdf), 0, 1);

        using var again = ImageTensor.Create(3, 64, 70, clear: true);
        random = RandomSource.FromSeed(5);
        OcclusionKernels.EraseNormal(again, 1, 2, 60, 67, perPixel: true, ref random);
        Assert.Equal(image.Data.ToArray(), again.Data.ToArray());
    }

    [Fact]
    public void EraseNormal_PerChannel_UsesOneValuePerChannel()
    {
        using var image = ImageTensor.Create(3, 8, 8, clear: true);
        var random = RandomSource.FromSeed(9);
        OcclusionKernels.EraseNormal(image, 2, 2, 3, 4, perPixel: false, ref random);
        for (int c = 0; c < 3; c++)
        {
            float value = image.Row(c, 2)[2];
            Assert.NotEqual(0f, value);
            for (int y = 2; y < 5; y++)
            {
                for (int x = 2; x < 6; x++)
                {
                    Assert.Equal(value, image.Row(c, y)[x]);
                }
            }
        }
    }

    [Fact]
    public void StandardNormal_FillsOddLengths()
    {
        foreach (int length in (int[])[1, 2, 3, 255, 256, 257, 1001])
        {
            float[] values = new float[length + 1];
            values.AsSpan().Fill(float.NaN);
            var random = RandomSource.FromSeed((ulong)length);
            OcclusionKernels.StandardNormal(values.AsSpan(0, length), ref random);
            Assert.All(values[..length], v => Assert.True(float.IsFinite(v)));
            Assert.True(float.IsNaN(values[length]));
        }
    }

    /// <summary>Φ(x) through Abramowitz and Stegun 7.1.26 (error below 1.5e-7).</summary>
    private static double NormalCdf(double x)
    {
        double z = Math.Abs(x) / Math.Sqrt(2);
        double t = 1 / (1 + (0.3275911 * z));
        double poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        double erf = 1 - (poly * Math.Exp(-z * z));
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
