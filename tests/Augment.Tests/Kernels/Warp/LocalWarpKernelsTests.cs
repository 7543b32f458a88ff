using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Kernels.Noise;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Tests.Kernels.Warp;

public sealed class LocalWarpKernelsTests
{
    [Fact]
    public void PerspectiveCoefficientsTakeEveryEndPointToItsStartPoint()
    {
        var start = PerspectiveQuad.Image(161, 107);
        var end = new PerspectiveQuad((25, 16), (147, 17), (133, 92), (33, 87));
        PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(start, end);
        for (int i = 0; i < 4; i++)
        {
            (double x, double y) = end[i];
            double den = (c.G * x) + (c.H * y) + 1;
            Assert.Equal(start[i].X, ((c.A * x) + (c.B * y) + c.C) / den, 9);
            Assert.Equal(start[i].Y, ((c.D * x) + (c.E * y) + c.F) / den, 9);
        }
    }

    [Fact]
    public void PerspectiveOfTheImageOntoItselfIsTheIdentity()
    {
        var quad = PerspectiveQuad.Image(20, 11);
        PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(quad, quad);
        double[] actual = [c.A, c.B, c.C, c.D, c.E, c.F, c.G, c.H];
        double[] expected = [1, 0, 0, 0, 1, 0, 0, 0];
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }

        using ImageTensor image = WarpTestImages.Random(3, 11, 20, 5);
        using ImageTensor same = WarpKernels.Perspective(image, c, Interpolation.Nearest, [0.5f]);
        Assert.Equal(image.Data.ToArray(), same.Data.ToArray());
    }

    [Fact]
    public void DegenerateCornersAreRejected()
    {
        var start = PerspectiveQuad.Image(10, 10);
        var line = new PerspectiveQuad((0, 0), (1, 1), (2, 2), (3, 3));
        Assert.Equal("endpoints", Assert.Throws<ArgumentException>(() => PerspectiveCoefficients.FromPoints(start, line)).ParamName);
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void PerspectiveOfEveryWidthMatchesTheScalarGridOracle(Interpolation interpolation)
    {
        for (int width = 2; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, 6, width, (ulong)width);
            var end = new PerspectiveQuad((width / 5, 1), (width - 1, 0), (width - 1 - (width / 4), 5), (0, 4));
            PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(PerspectiveQuad.Image(width, 6), end);
            float[] fill = [0.3f, 0.6f];
            using ImageTensor actual = WarpKernels.Perspective(image, c, interpolation, fill);
            AssertMatchesOracle(image, actual, interpolation, fill, (x, y) => PerspectiveSource(c, width, 6, x, y), $"width {width}");
        }
    }

    [Fact]
    public void AZeroDisplacementIsTheIdentity()
    {
        using ImageTensor image = WarpTestImages.Random(3, 9, 14, 6);
        DisplacementField field = DisplacementField.Rent(9, 14);
        field.X.Clear();
        field.Y.Clear();
        using ImageTensor nearest = WarpKernels.Elastic(image, field, Interpolation.Nearest, [0.5f]);
        using ImageTensor bilinear = WarpKernels.Elastic(image, field, Interpolation.Bilinear, [0.5f]);
        field.Return();
        Assert.Equal(image.Data.ToArray(), nearest.Data.ToArray());
        for (int i = 0; i < image.Length; i++)
        {
            WarpTestImages.Near(image.Data[i], bilinear.Data[i]);
        }
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void ElasticOfEveryWidthMatchesTheScalarGridOracle(Interpolation interpolation)
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, 5, width, (ulong)width + 100);
            DisplacementField field = DisplacementField.Rent(5, width);
            var random = RandomSource.FromSeed((ulong)width);
            for (int i = 0; i < field.X.Length; i++)
            {
                field.X[i] = (random.NextSingle() - 0.5f) * 0.8f;
                field.Y[i] = (random.NextSingle() - 0.5f) * 0.8f;
            }

            float[] fill = [0.3f, 0.6f];
            using ImageTensor actual = WarpKernels.Elastic(image, field, interpolation, fill);
            float[] dx = field.X.ToArray(), dy = field.Y.ToArray();
            field.Return();
            int w = width;

            // The oracle's identity grid, (2x + 1 - W) / W, is torch's linspace up to an ulp, a few 1e-6 of a pixel.
            AssertMatchesOracle(image, actual, interpolation, fill, (x, y) => ElasticSource(dx, dy, w, 5, x, y), $"width {width}", 1e-5f);
        }
    }

    [Fact]
    public void ElasticRejectsAFieldOfAnotherSize()
    {
        using ImageTensor image = WarpTestImages.Random(3, 6, 6, 1);
        DisplacementField field = DisplacementField.Rent(6, 7);
        Assert.Equal("displacement", Assert.Throws<ArgumentException>(() => WarpKernels.Elastic(image, field, Interpolation.Bilinear, [])).ParamName);
        Assert.Equal("displacement", Assert.Throws<ArgumentException>(() => WarpKernels.Elastic(image, default, Interpolation.Bilinear, [])).ParamName);
        field.Return();
    }

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

    [Fact]
    public void NoiseHasTheRequestedMeanAndStandardDeviation()
    {
        using ImageTensor image = ImageTensor.Create(3, 100, 101, clear: true);
        var random = RandomSource.FromSeed(8);
        NoiseKernels.GaussianNoise(image, ref random, 0.25f, 0.1f, clip: false);
        double sum = 0, squares = 0, beyond2 = 0;
        foreach (float v in image.Data)
        {
            sum += v;
            squares += v * v;
            beyond2 += Math.Abs(v - 0.25) > 0.2 ? 1 : 0;
        }

        int n = image.Length;
        double mean = sum / n, std = Math.Sqrt((squares / n) - (mean * mean));
        Assert.InRange(mean, 0.249, 0.251);
        Assert.InRange(std, 0.099, 0.101);

        // Two standard deviations out: 4.55 % of a normal distribution.
        Assert.InRange(beyond2 / n, 0.042, 0.049);
    }

    [Fact]
    public void ClippedNoiseStaysInTheUnitInterval()
    {
        using ImageTensor image = WarpTestImages.Random(3, 20, 20, 2);
        var random = RandomSource.FromSeed(9);
        NoiseKernels.GaussianNoise(image, ref random, 0f, 0.5f, clip: true);
        Assert.All(image.Data.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseKernels.GaussianNoise(image, ref random, 0f, -1f, true)).ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(147)]
    [InlineData(513)]
    [InlineData(1025)]
    public void NoiseReachesEveryElementOfOddAndChunkStraddlingLengths(int length)
    {
        // Over 400 streams, every element's noise has mean 0.1 and standard deviation 0.3, wherever it falls in a chunk.
        var sums = new double[length];
        var squares = new double[length];
        const int Streams = 400;
        for (int seed = 0; seed < Streams; seed++)
        {
            using ImageTensor image = ImageTensor.Create(1, 1, length, clear: true);
            var random = RandomSource.FromSeed((ulong)seed);
            NoiseKernels.GaussianNoise(image, ref random, 0.1f, 0.3f, clip: false);
            for (int i = 0; i < length; i++)
            {
                sums[i] += image.Data[i];
                squares[i] += image.Data[i] * image.Data[i];
            }
        }

        double meanOfMeans = sums.Average() / Streams, meanOfSquares = squares.Average() / Streams;
        Assert.InRange(meanOfMeans, 0.1 - (5 * 0.3 / Math.Sqrt(Streams * length)), 0.1 + (5 * 0.3 / Math.Sqrt(Streams * length)));
        Assert.InRange(meanOfSquares - (0.1 * 0.1), 0.09 * 0.8, 0.09 * 1.2);
        for (int i = 0; i < length; i++)
        {
            // No element is left without noise: its spread over the streams is near 0.3 (a loose 4-sigma band for 400 draws).
            double mean = sums[i] / Streams, std = Math.Sqrt((squares[i] / Streams) - (mean * mean));
            Assert.InRange(std, 0.3 * 0.8, 0.3 * 1.2);
        }
    }

    // Checks every output against a per-pixel transcription of grid_sample(align_corners=False) with a fill mask.
    private static void AssertMatchesOracle(ImageTensor image, ImageTensor actual, Interpolation interpolation, float[] fill, Func<int, int, (float X, float Y)> source, string label, float tolerance = 1e-6f)
    {
        for (int c = 0; c < image.Channels; c++)
        {
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    (float ix, float iy) = source(x, y);
                    float expected = GridSampleOracle.Sample(image, c, ix, iy, interpolation, fill[c]);
                    Assert.True(Math.Abs(expected - actual.At(c, y, x)) <= tolerance, $"{label}, c {c}, y {y}, x {x}: {expected} vs {actual.At(c, y, x)}");
                }
            }
        }
    }

    // torchvision's _perspective_grid for one pixel, then grid_sample's unnormalisation.
    private static (float, float) PerspectiveSource(PerspectiveCoefficients c, int w, int h, int x, int y)
    {
        float bx = x + 0.5f, by = y + 0.5f;
        float den = (bx * (float)c.G) + (by * (float)c.H) + 1f;
        float gx = (((bx * ((float)c.A / (0.5f * w))) + (by * ((float)c.B / (0.5f * w))) + ((float)c.C / (0.5f * w))) / den) - 1f;
        float gy = (((bx * ((float)c.D / (0.5f * h))) + (by * ((float)c.E / (0.5f * h))) + ((float)c.F / (0.5f * h))) / den) - 1f;
        return (((gx + 1f) * (w / 2f)) - 0.5f, ((gy + 1f) * (h / 2f)) - 0.5f);
    }

    // The identity grid (pixel centres in normalised units) plus the displacement, then grid_sample's unnormalisation.
    private static (float, float) ElasticSource(float[] dx, float[] dy, int w, int h, int x, int y)
    {
        float gx = (((2f * x) + 1f - w) / w) + dx[(y * w) + x];
        float gy = (((2f * y) + 1f - h) / h) + dy[(y * w) + x];
        return (((gx + 1f) * (w / 2f)) - 0.5f, ((gy + 1f) * (h / 2f)) - 0.5f);
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
