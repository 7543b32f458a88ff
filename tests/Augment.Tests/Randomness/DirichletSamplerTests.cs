using Augment.Randomness;

namespace Augment.Tests.Randomness;

/// <summary>Dirichlet deviates against the published moments and marginals: component i of Dirichlet(α) is Beta(α_i, α_0 - α_i).</summary>
public sealed class DirichletSamplerTests
{
    private const int Draws = 30_000;

    [Theory]
    [InlineData(1.0, 3)]
    [InlineData(0.5, 4)]
    [InlineData(2.0, 2)]
    public void SymmetricComponentsHaveMeanOneOverKAndTheDirichletVariance(double alpha, int k)
    {
        var random = RandomSource.FromSeed(17);
        var sums = new double[k];
        var squares = new double[k];
        Span<double> w = stackalloc double[k];
        for (int n = 0; n < Draws; n++)
        {
            random.NextDirichlet(alpha, w);
            double total = 0;
            for (int i = 0; i < k; i++)
            {
                Assert.InRange(w[i], 0.0, 1.0);
                total += w[i];
                sums[i] += w[i];
                squares[i] += w[i] * w[i];
            }

            Assert.Equal(1.0, total, 12);
        }

        // Var(w_i) = α_i (α_0 - α_i) / (α_0² (α_0 + 1)).
        double a0 = alpha * k;
        double expectedVariance = alpha * (a0 - alpha) / (a0 * a0 * (a0 + 1));
        for (int i = 0; i < k; i++)
        {
            double mean = sums[i] / Draws;
            double variance = (squares[i] / Draws) - (mean * mean);
            double tolerance = 5 * Math.Sqrt(expectedVariance / Draws);
            Assert.InRange(mean, (1.0 / k) - tolerance, (1.0 / k) + tolerance);
            Assert.InRange(variance, expectedVariance * 0.94, expectedVariance * 1.06);
        }
    }

    [Fact]
    public void TheMarginalOfDirichletOneOneOneIsBetaOneTwo()
    {
        // Beta(1, 2) has CDF 1 - (1 - x)²; KS against it through the probability integral transform.
        var random = RandomSource.FromSeed(5);
        Span<double> w = stackalloc double[3];
        var transformed = new List<double>();
        for (int n = 0; n < 5000; n++)
        {
            random.NextDirichlet(1.0, w);
            transformed.Add(1 - ((1 - w[0]) * (1 - w[0])));
        }

        DistributionChecks.AssertUniform(transformed, 0, 1);
    }

    [Fact]
    public void AsymmetricConcentrationsGiveMeansAlphaIOverAlphaZero()
    {
        var random = RandomSource.FromSeed(9);
        double[] alphas = [0.5, 1.5, 3.0];
        var sums = new double[3];
        Span<double> w = stackalloc double[3];
        for (int n = 0; n < Draws; n++)
        {
            random.NextDirichlet(alphas, w);
            for (int i = 0; i < 3; i++)
            {
                sums[i] += w[i];
            }
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(alphas[i] / 5.0, sums[i] / Draws, 2);
        }
    }

    [Fact]
    public void TinyConcentrationsStillSumToOne()
    {
        var random = RandomSource.FromSeed(1);
        Span<double> w = stackalloc double[5];
        for (int n = 0; n < 2000; n++)
        {
            random.NextDirichlet(0.005, w);
            double total = 0;
            foreach (double x in w)
            {
                Assert.False(double.IsNaN(x));
                total += x;
            }

            Assert.Equal(1.0, total, 12);
        }
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        var random = RandomSource.FromSeed(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextDirichlet(0.0, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextDirichlet(double.NaN, new double[3]));
        Assert.Throws<ArgumentException>(() => random.NextDirichlet(1.0, Span<double>.Empty));
        Assert.Throws<ArgumentException>(() => random.NextDirichlet([1.0, 2.0], new double[3]));
    }
}
