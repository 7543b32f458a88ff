using Augment.Imaging;
using Augment.Kernels.Blur;

namespace Augment.Tests.Kernels.Blur;

public sealed class BlurKernelsTests
{
    [Fact]
    public void GaussianKernelMatchesTheDensityNormalised()
    {
        foreach ((int size, float sigma) in new[] { (1, 0.5f), (5, 1.3f), (9, 2.1f), (41, 5f), (3, 0.1f) })
        {
            var weights = new float[size];
            BlurKernels.GaussianKernel(weights, sigma);
            double total = 0;
            for (int i = 0; i < size; i++)
            {
                total += Math.Exp(-0.5 * Math.Pow((i - ((size - 1) / 2.0)) / sigma, 2));
            }

            for (int i = 0; i < size; i++)
            {
                double expected = Math.Exp(-0.5 * Math.Pow((i - ((size - 1) / 2.0)) / sigma, 2)) / total;
                Assert.True(Math.Abs(expected - weights[i]) <= 1e-6, $"size {size}, tap {i}: {expected} vs {weights[i]}");
            }
        }
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(5, 5, 1.3f, 1.3f)]
    [InlineData(9, 3, 2.1f, 0.7f)]
    [InlineData(1, 7, 1f, 1.5f)]
    public void BlurOfEveryWidthMatchesTheReflectPaddedConvolution(int kernelWidth, int kernelHeight, float sigmaX, float sigmaY)
    {
        for (int width = 1; width <= 40; width++)
        {
            foreach (int height in new[] { 1, 2, 7 })
            {
                using ImageTensor image = WarpTestImages.Random(2, height, width, (ulong)((width * 10) + height));
                using ImageTensor actual = BlurKernels.GaussianBlur(image, kernelWidth, kernelHeight, sigmaX, sigmaY);
                double[] kx = DoubleKernel(kernelWidth, sigmaX), ky = DoubleKernel(kernelHeight, sigmaY);
                for (int c = 0; c < 2; c++)
                {
                    for (int y = 0; y < height; y++)
                    {
                        for (int x = 0; x < width; x++)
                        {
                            double expected = 0;
                            for (int j = 0; j < kernelHeight; j++)
                            {
                                for (int i = 0; i < kernelWidth; i++)
                                {
                                    int sy = Mirror(y + j - (kernelHeight / 2), height), sx = Mirror(x + i - (kernelWidth / 2), width);
                                    expected += ky[j] * kx[i] * image.At(c, sy, sx);
                                }
                            }

                            Assert.True(Math.Abs(expected - actual.At(c, y, x)) <= 2e-6, $"{height}x{width}, c {c}, y {y}, x {x}: {expected} vs {actual.At(c, y, x)}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void BlurRejectsBadKernels()
    {
        using ImageTensor image = WarpTestImages.Random(1, 4, 4, 1);
        Assert.Equal("kernelWidth", Assert.Throws<ArgumentException>(() => BlurKernels.GaussianBlur(image, 4, 3, 1f, 1f)).ParamName);
        Assert.Equal("kernelHeight", Assert.Throws<ArgumentException>(() => BlurKernels.GaussianBlur(image, 3, 0, 1f, 1f)).ParamName);
        Assert.Equal("sigmaY", Assert.Throws<ArgumentOutOfRangeException>(() => BlurKernels.GaussianBlur(image, 3, 3, 1f, float.NaN)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => BlurKernels.GaussianBlur(image, 3, 3, 1f, 1f, image)).ParamName);
    }

    private static double[] DoubleKernel(int size, double sigma)
    {
        var k = new double[size];
        for (int i = 0; i < size; i++)
        {
            k[i] = Math.Exp(-0.5 * Math.Pow((i - ((size - 1) / 2.0)) / sigma, 2));
        }

        double total = k.Sum();
        return [.. k.Select(v => v / total)];
    }

    // Reflection without repeating the edge, repeated for kernels longer than the image.
    private static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        while (i < 0 || i >= n)
        {
            i = i < 0 ? -i : (2 * (n - 1)) - i;
        }

        return i;
    }
}
