using Augment.Randomness;

namespace Augment.Tests.Randomness;

public sealed class BetaSamplerTests
{
    private const int Draws = 40_000;

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void SymmetricBeta_HasTheExpectedMeanAndVariance(double alpha)
    {
        var random = RandomSource.FromSeed(42);
        (double mean, double variance) = Moments(Draws, () => random.NextBeta(alpha, alpha));

        // Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1)).
        double expectedVariance = 1.0 / (4.0 * ((2.0 * alpha) + 1.0));
        double meanTolerance = 5.0 * Math.Sqrt(expectedVariance / Draws);
        Assert.InRange(mean, 0.5 - meanTolerance, 0.5 + meanTolerance);
        Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
    }

    [Theory]
    [InlineData(2.0, 5.0)]
    [InlineData(0.5, 3.0)]
    public void AsymmetricBeta_HasTheExpectedMeanAndVariance(double a, double b)
    {
        var random = RandomSource.FromSeed(7);
        (double mean, double variance) = Moments(Draws, () => random.NextBeta(a, b));
        double expectedMean = a / (a + b);
        double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1.0));
        double meanTolerance = 5.0 * Math.Sqrt(expectedVariance / Draws);
        Assert.InRange(mean, expectedMean - meanTolerance, expectedMean + meanTolerance);
        Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(3.5)]
    public void Gamma_HasMeanAndVarianceEqualToItsShape(double shape)
    {
        var random = RandomSource.FromSeed(3);
        (double mean, double variance) = Moments(Draws, () => random.NextGamma(shape));
        double meanTolerance = 5.0 * Math.Sqrt(shape / Draws);
        Assert.InRange(mean, shape - meanTolerance, shape + meanTolerance);
        Assert.InRange(variance, shape * 0.9, shape * 1.1);
    }

    [Fact]
    public void TinyShapes_StayInsideTheUnitInterval()
    {
        var random = RandomSource.FromSeed(1);
        for (int i = 0; i < 5000; i++)
        {
            double x = random.NextBeta(0.01, 0.01);
            Assert.InRange(x, 0.0, 1.0);
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameDraws()
    {
        var a = RandomSource.FromSeed(99);
        var b = RandomSource.FromSeed(99);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextBeta(0.3, 0.3), b.NextBeta(0.3, 0.3));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidShape_Throws(double shape)
    {
        var random = RandomSource.FromSeed(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => random.NextBeta(shape, 1.0));
        Assert.Equal("a", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextGamma(shape));
    }

    private static (double Mean, double Variance) Moments(int count, Func<double> draw)
    {
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < count; i++)
        {
            double x = draw();
            sum += x;
            sumSquares += x * x;
        }

        double mean = sum / count;
        return (mean, (sumSquares / count) - (mean * mean));
    }
}
