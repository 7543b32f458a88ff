using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Blur;
using Augment.Transforms.Noise;
using Augment.Transforms.Policies;
using Augment.Transforms.Warp;

namespace Augment.Tests.Transforms.Warp;

public sealed class LocalWarpTransformsTests
{
    [Fact]
    public void UnsmoothedElasticFieldIsUniformOnAlphaOverSize()
    {
        // torchvision: dx = U(-1, 1) * alpha_x / H, dy = U(-1, 1) * alpha_y / W.
        var transform = new ElasticTransform((30.0, 60.0), (0.0, 0.0));
        var random = RandomSource.FromSeed(11);
        ElasticTransformParams p = transform.Draw(3, new ImageSize(40, 50), ref random);
        AssertUniform(p.Displacement.X.ToArray(), 30.0 / 40);
        AssertUniform(p.Displacement.Y.ToArray(), 60.0 / 50);
        p.Displacement.Return();
    }

    [Fact]
    public void SmoothedElasticFieldHasTheVarianceOfBlurredUniformNoise()
    {
        // Inside the image (away from the reflected border), a blurred field of i.i.d. U(-1, 1) noise has variance
        // (1/3) Σ kx² Σ ky², scaled by (alpha / size)²; its mean is 0. Kernels: int(8σ + 1) taps, made odd.
        const int H = 64, W = 72;
        var transform = new ElasticTransform((50.0, 40.0), (2.0, 1.5));
        double[] kx = Kernel(17, 2.0), kyForX = Kernel(17, 1.5), kxForY = Kernel(13, 2.0), ky = Kernel(13, 1.5);
        double expectedX = Math.Pow(50.0 / H, 2) / 3 * SumOfSquares(kx) * SumOfSquares(kyForX);
        double expectedY = Math.Pow(40.0 / W, 2) / 3 * SumOfSquares(kxForY) * SumOfSquares(ky);
        double sumX = 0, sumY = 0, squaresX = 0, squaresY = 0;
        int n = 0;
        for (int draw = 0; draw < 40; draw++)
        {
            var random = RandomSource.ForSample(12, 0, draw);
            ElasticTransformParams p = transform.Draw(3, new ImageSize(H, W), ref random);
            for (int y = 8; y < H - 8; y++)
            {
                for (int x = 8; x < W - 8; x++)
                {
                    double dx = p.Displacement.X[(y * W) + x], dy = p.Displacement.Y[(y * W) + x];
                    sumX += dx;
                    sumY += dy;
                    squaresX += dx * dx;
                    squaresY += dy * dy;
                    n++;
                }
            }

            p.Displacement.Return();
        }

        // Blurring keeps the noise's sum, so the mean's standard error is that of n raw samples: (alpha / size) / sqrt(3n).
        double errorX = 50.0 / H / Math.Sqrt(3.0 * n), errorY = 40.0 / W / Math.Sqrt(3.0 * n);
        Assert.InRange(sumX / n, -4 * errorX, 4 * errorX);
        Assert.InRange(sumY / n, -4 * errorY, 4 * errorY);
        Assert.InRange(squaresX / n / expectedX, 0.95, 1.05);
        Assert.InRange(squaresY / n / expectedY, 0.95, 1.05);
    }

    [Fact]
    public void PerspectiveCornersAreUniformOverTorchvisionsRanges()
    {
        // W = 101, H = 60, d = 0.5: dx = int(0.5 * 50) = 25, dy = int(0.5 * 30) = 15.
        var transform = new RandomPerspective(0.5, p: 1.0);
        var random = RandomSource.FromSeed(13);
        (int Low, int High)[] ranges = [(0, 25), (0, 15), (75, 100), (0, 15), (75, 100), (44, 59), (0, 25), (44, 59)];
        var counts = ranges.Select(r => new int[r.High - r.Low + 1]).ToArray();
        const int N = 26000;
        for (int i = 0; i < N; i++)
        {
            RandomPerspectiveParams p = transform.Draw(3, new ImageSize(60, 101), ref random);
            Assert.True(p.Applied);
            Assert.Equal(PerspectiveQuad.Image(101, 60), p.Startpoints);
            int[] values = [p.Endpoints.TopLeft.X, p.Endpoints.TopLeft.Y, p.Endpoints.TopRight.X, p.Endpoints.TopRight.Y,
                p.Endpoints.BottomRight.X, p.Endpoints.BottomRight.Y, p.Endpoints.BottomLeft.X, p.Endpoints.BottomLeft.Y];
            for (int k = 0; k < 8; k++)
            {
                Assert.InRange(values[k], ranges[k].Low, ranges[k].High);
                counts[k][values[k] - ranges[k].Low]++;
            }
        }

        // Every value of every range is hit about N / count times (26 or 16 values: 1000 or 1625 expected).
        for (int k = 0; k < 8; k++)
        {
            double expected = (double)N / counts[k].Length;
            Assert.All(counts[k], c => Assert.InRange(c, expected * 0.85, expected * 1.15));
        }
    }

    [Fact]
    public void PerspectiveAppliesWithProbabilityP()
    {
        var transform = new RandomPerspective(0.3, p: 0.3);
        var random = RandomSource.FromSeed(14);
        int applied = 0;
        for (int i = 0; i < 20000; i++)
        {
            applied += transform.Draw(3, new ImageSize(32, 32), ref random).Applied ? 1 : 0;
        }

        Assert.InRange(applied / 20000.0, 0.29, 0.31);
    }

    [Fact]
    public void ARecordedElasticFieldOutlivesLaterDrawsAndReplays()
    {
        // Unrecorded applies return their fields to the pool; the recorded one must stay out of it, or the later draws
        // would overwrite it before the replay.
        var transform = new ElasticTransform(30.0, 3.0, fill: [0.2f, 0.5f, 0.8f]);
        using ImageTensor image = WarpTestImages.Random(3, 23, 31, 20);
        var log = new ParameterLog();
        float[] live = Run(transform, image, 7, log);
        for (int i = 0; i < 20; i++)
        {
            Run(transform, image, (ulong)(100 + i), null);
        }

        var recorded = log.Get<ElasticTransformParams>();
        using ImageTensor replayed = transform.Apply(image.Clone(), recorded);
        Assert.Equal(live, replayed.Data.ToArray());
        recorded.Displacement.Return();
    }

    [Fact]
    public void ElasticOfAnUnrecordedDrawReturnsItsFieldAndKeepsWorking()
    {
        var transform = new ElasticTransform(40.0, 4.0);
        using ImageTensor image = WarpTestImages.Random(3, 16, 16, 21);
        float[] first = Run(transform, image, 3, null);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(first, Run(transform, image, 3, null));
        }
    }

    [Fact]
    public void ConstructorsRejectBadArguments()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticTransform(-1.0)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticTransform((1.0, 1.0), (2.0, 0.0))).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticTransform(1.0, double.NaN)).ParamName);
        Assert.Equal("interpolation", Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticTransform(interpolation: Interpolation.Bicubic)).ParamName);
        Assert.Equal("distortionScale", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPerspective(1.5)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPerspective(0.5, -0.1)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentException>(() => new GaussianBlur(4)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(3, (0.0, 1.0))).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(sigma: -0.1)).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(mean: double.PositiveInfinity)).ParamName);
        Assert.Equal("blurSigma", Assert.Throws<ArgumentOutOfRangeException>(() => new ThreeAugment((2.0, 1.0))).ParamName);
    }

    private static float[] Run(ITransform transform, ImageTensor image, ulong seed, ParameterLog? log)
    {
        var random = RandomSource.FromSeed(seed);
        using ImageTensor result = transform.Apply(image.Clone(), ref random, log);
        return result.Data.ToArray();
    }

    private static void AssertUniform(float[] values, double limit)
    {
        double sum = 0, squares = 0;
        foreach (float v in values)
        {
            Assert.InRange(v, -limit, limit);
            sum += v;
            squares += v * v;
        }

        double mean = sum / values.Length, variance = (squares / values.Length) - (mean * mean);
        Assert.InRange(mean, -0.02 * limit, 0.02 * limit);
        Assert.InRange(variance / (limit * limit / 3), 0.96, 1.04);
    }

    private static double[] Kernel(int size, double sigma)
    {
        double[] k = [.. Enumerable.Range(0, size).Select(i => Math.Exp(-0.5 * Math.Pow((i - ((size - 1) / 2.0)) / sigma, 2)))];
        double total = k.Sum();
        return [.. k.Select(v => v / total)];
    }

    private static double SumOfSquares(double[] values) => values.Sum(v => v * v);
}
