using Augment.Imaging;
using Augment.Kernels.Noise;
using Augment.Randomness;

namespace Augment.Tests.Kernels.Noise;

public sealed class NoiseKernelsTests
{
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
}
