namespace Augment.Tests;

/// <summary>Goodness-of-fit checks for draws made with fixed seeds (so they are deterministic, not flaky).</summary>
internal static class DistributionChecks
{
    /// <summary>
    /// Asserts that <paramref name="samples"/> look uniform on [<paramref name="low"/>, <paramref name="high"/>]: the
    /// Kolmogorov–Smirnov statistic stays below its 0.1% critical value 1.95 / √n (plus <paramref name="slack"/> for
    /// discretisation), and every sample lies in the interval.
    /// </summary>
    public static void AssertUniform(IEnumerable<double> samples, double low, double high, double slack = 0)
    {
        double[] sorted = [.. samples.Order()];
        Assert.True(sorted[0] >= low - 1e-9 && sorted[^1] <= high + 1e-9, $"Samples [{sorted[0]}, {sorted[^1]}] leave [{low}, {high}].");
        double d = 0;
        int n = sorted.Length;
        for (int i = 0; i < n; i++)
        {
            double cdf = (sorted[i] - low) / (high - low);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        double critical = (1.95 / Math.Sqrt(n)) + slack;
        Assert.True(d < critical, $"KS statistic {d} exceeds {critical} (n = {n}).");
    }

    /// <summary>Asserts that the counts are uniform over their categories: Pearson's χ² below the given critical value.</summary>
    public static void AssertUniformCounts(IReadOnlyCollection<int> counts, double critical)
    {
        double expected = counts.Sum() / (double)counts.Count;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < critical, $"χ² = {chi2} exceeds {critical} over {counts.Count} categories.");
    }
}
