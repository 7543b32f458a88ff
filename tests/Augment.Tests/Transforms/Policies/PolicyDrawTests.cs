using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms.Policies;

namespace Augment.Tests.Transforms.Policies;

/// <summary>Statistics of the policies' draws with fixed seeds.</summary>
public sealed class PolicyDrawTests
{
    private static readonly ImageSize Size = new(224, 224);

    [Fact]
    public void AutoAugmentChoosesSubPoliciesUniformlyAndRunsOpsWithTheirProbabilities()
    {
        var transform = new AutoAugment(AutoAugmentPolicy.Cifar10);
        var random = RandomSource.FromSeed(11);
        const int N = 50000;
        int[] chosen = new int[25];
        int rotateRuns = 0, translateRuns = 0, positiveRotations = 0;
        for (int i = 0; i < N; i++)
        {
            PolicyParams p = transform.Draw(3, Size, ref random);
            chosen[p.SubPolicy]++;
            if (p.SubPolicy == 1)
            {
                // Rotate 0.7 at bin 2 (±6.67 degrees), TranslateX 0.3 at bin 9 (±150/331 of the width).
                for (int s = 0; s < p.Count; s++)
                {
                    PolicyStep step = p[s];
                    if (step.Op == AugmentOp.Rotate)
                    {
                        rotateRuns++;
                        positiveRotations += step.Magnitude > 0 ? 1 : 0;
                        Assert.Equal(20.0 / 3.0, Math.Abs(step.Magnitude), 4);
                    }
                    else
                    {
                        Assert.Equal(AugmentOp.TranslateX, step.Op);
                        translateRuns++;
                        Assert.Equal(150.0 / 331.0 * 224, Math.Abs(step.Magnitude), 3);
                    }
                }
            }
        }

        Assert.All(chosen, count => Assert.InRange(count, 1800, 2200));
        Assert.InRange(rotateRuns / (double)chosen[1], 0.66, 0.74);
        Assert.InRange(translateRuns / (double)chosen[1], 0.26, 0.34);
        Assert.InRange(positiveRotations / (double)rotateRuns, 0.45, 0.55);
    }

    [Fact]
    public void AutoAugmentNeverRunsZeroProbabilityOps()
    {
        // ImageNet sub-policy 12 is (Equalize 0.0, Equalize 0.8): at most one Equalize ever runs.
        var transform = new AutoAugment();
        var random = RandomSource.FromSeed(12);
        for (int i = 0; i < 20000; i++)
        {
            PolicyParams p = transform.Draw(3, Size, ref random);
            if (p.SubPolicy == 12)
            {
                Assert.True(p.Count <= 1);
            }
        }
    }

    [Fact]
    public void RandAugmentChoosesOpsUniformlyAtTheFixedMagnitude()
    {
        var transform = new RandAugment();
        var random = RandomSource.FromSeed(13);
        var counts = new Dictionary<AugmentOp, int>();
        int negativeRotations = 0;
        for (int i = 0; i < 14000; i++)
        {
            PolicyParams p = transform.Draw(3, Size, ref random);
            Assert.Equal(2, p.Count);
            for (int s = 0; s < 2; s++)
            {
                PolicyStep step = p[s];
                counts[step.Op] = counts.GetValueOrDefault(step.Op) + 1;
                float expected = step.Op switch
                {
                    AugmentOp.Rotate => 9f, // bin 9 of 31 over [0, 30]
                    AugmentOp.Posterize => 7f, // 8 - round(9 / 7.5)
                    AugmentOp.Solarize => 255f - (9 * 8.5f),
                    AugmentOp.Brightness => 0.27f,
                    AugmentOp.Identity or AugmentOp.AutoContrast or AugmentOp.Equalize => 0f,
                    _ => float.NaN,
                };
                if (!float.IsNaN(expected))
                {
                    Assert.Equal(expected, Math.Abs(step.Magnitude), 4);
                }

                negativeRotations += step.Op == AugmentOp.Rotate && step.Magnitude < 0 ? 1 : 0;
            }
        }

        Assert.Equal(14, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 1800, 2200));
        Assert.InRange(negativeRotations / (double)counts[AugmentOp.Rotate], 0.45, 0.55);
    }

    [Fact]
    public void RandAugmentMagnitudeNoiseHasTheGivenMeanAndSpread()
    {
        // Rotate magnitudes are one degree per bin with 31 bins, so |magnitude| is the noisy bin itself.
        var gaussian = Magnitudes(new RandAugment(numOps: 1, magnitude: 15, magnitudeStd: 3), 14);
        Assert.InRange(gaussian.Average(), 14.8, 15.2);
        double variance = gaussian.Select(m => (m - 15) * (m - 15)).Average();
        Assert.InRange(Math.Sqrt(variance), 2.85, 3.15);

        var uniform = Magnitudes(new RandAugment(numOps: 1, magnitude: 12, magnitudeStd: double.PositiveInfinity), 15);
        Assert.InRange(uniform.Average(), 5.8, 6.2);
        Assert.All(uniform, m => Assert.InRange(m, 0, 12));

        var clipped = Magnitudes(new RandAugment(numOps: 1, magnitude: 20, magnitudeStd: 10, magnitudeMax: 22), 16);
        Assert.All(clipped, m => Assert.InRange(m, 0, 22.0001));
        Assert.Contains(clipped, m => m == 22);
    }

    [Fact]
    public void RandAugmentOpProbabilityThinsTheSteps()
    {
        var transform = new RandAugment(numOps: 4, probability: 0.25);
        var random = RandomSource.FromSeed(17);
        long total = 0;
        for (int i = 0; i < 10000; i++)
        {
            total += transform.Draw(3, Size, ref random).Count;
        }

        Assert.InRange(total / 10000.0, 0.95, 1.05);
    }

    [Fact]
    public void RandAugmentOriginalTimmMappingsDecreaseSeverityWithMagnitude()
    {
        // timm's m9 on its 0-10 scale: posterize keeps int(0.9 * 4) = 3 bits, solarize at int(0.9 * 256) = 230,
        // enhance factors 0.9 * 1.8 + 0.1 = 1.72 with no sign.
        var transform = RandAugment.FromConfig("rand-m9-n8-p1");
        Assert.False(transform.Increasing);
        var random = RandomSource.FromSeed(18);
        for (int i = 0; i < 2000; i++)
        {
            PolicyParams p = transform.Draw(3, Size, ref random);
            for (int s = 0; s < p.Count; s++)
            {
                PolicyStep step = p[s];
                switch (step.Op)
                {
                    case AugmentOp.Posterize: Assert.Equal(3f, step.Magnitude); break;
                    case AugmentOp.Solarize: Assert.Equal(230f, step.Magnitude); break;
                    case AugmentOp.Brightness or AugmentOp.Color or AugmentOp.Contrast or AugmentOp.Sharpness: Assert.Equal(0.72f, step.Magnitude, 5); break;
                    case AugmentOp.Rotate: Assert.Equal(27f, Math.Abs(step.Magnitude), 4); break;
                }
            }
        }
    }

    [Fact]
    public void TrivialAugmentWideChoosesOpsAndBinsUniformly()
    {
        var transform = new TrivialAugmentWide();
        var random = RandomSource.FromSeed(19);
        var ops = new Dictionary<AugmentOp, int>();
        int[] rotateBins = new int[31];
        for (int i = 0; i < 28000; i++)
        {
            PolicyStep step = Assert.Single(Steps(transform.Draw(3, Size, ref random)));
            ops[step.Op] = ops.GetValueOrDefault(step.Op) + 1;
            if (step.Op == AugmentOp.Rotate)
            {
                rotateBins[(int)Math.Round(Math.Abs(step.Magnitude) / 4.5)]++; // 135 degrees over 30 bins
            }
        }

        Assert.Equal(14, ops.Count);
        Assert.All(ops.Values, c => Assert.InRange(c, 1800, 2200));
        Assert.All(rotateBins, c => Assert.InRange(c, 35, 100));
    }

    [Fact]
    public void ConfigStringsParseAsTimmDoes()
    {
        RandAugment a = RandAugment.FromConfig("rand-m9-n2-mstd0.5-inc1");
        Assert.Equal((2, 27.0, 1.5, true, 0.5, 30.0), (a.NumOps, a.Magnitude, a.MagnitudeStd, a.Increasing, a.Probability, a.MagnitudeMax));

        RandAugment b = RandAugment.FromConfig("rand-m7");
        Assert.Equal((2, 21.0, 0.0, false, 0.5), (b.NumOps, b.Magnitude, b.MagnitudeStd, b.Increasing, b.Probability));

        RandAugment c = RandAugment.FromConfig("rand-m5-mstd101-mmax8-n3-p0.7", numMagnitudeBins: 11);
        Assert.Equal((3, 5.0, double.PositiveInfinity, 8.0, 0.7), (c.NumOps, c.Magnitude, c.MagnitudeStd, c.MagnitudeMax, c.Probability));
    }

    [Theory]
    [InlineData("augmix-m5")]
    [InlineData("rand-x3")]
    [InlineData("rand-m")]
    [InlineData("rand-mabc")]
    [InlineData("rand-w0")]
    public void MalformedConfigStringsAreRejected(string config)
    {
        Assert.Equal("config", Assert.Throws<ArgumentException>(() => RandAugment.FromConfig(config)).ParamName);
    }

    [Fact]
    public void ConstructorsRejectBadArguments()
    {
        Assert.Equal("numOps", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(numOps: 9)).ParamName);
        Assert.Equal("numOps", Assert.Throws<ArgumentOutOfRangeException>(() => RandAugment.FromConfig("rand-n12")).ParamName);
        Assert.Equal("magnitude", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitude: 31)).ParamName);
        Assert.Equal("magnitude", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitude: double.NaN)).ParamName);
        Assert.Equal("numMagnitudeBins", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(numMagnitudeBins: 1)).ParamName);
        Assert.Equal("magnitudeStd", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitudeStd: -1)).ParamName);
        Assert.Equal("magnitudeMax", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(magnitudeMax: 40)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new RandAugment(probability: 1.5)).ParamName);
        Assert.Equal("numMagnitudeBins", Assert.Throws<ArgumentOutOfRangeException>(() => new TrivialAugmentWide(0)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentOutOfRangeException>(() => new AutoAugment((AutoAugmentPolicy)5)).ParamName);
        Assert.Equal("fill", Assert.Throws<ArgumentOutOfRangeException>(() => new AutoAugment(fill: [float.NaN])).ParamName);
    }

    private static List<double> Magnitudes(RandAugment transform, ulong seed)
    {
        var random = RandomSource.FromSeed(seed);
        var magnitudes = new List<double>();
        while (magnitudes.Count < 4000)
        {
            PolicyStep step = transform.Draw(3, Size, ref random)[0];
            if (step.Op == AugmentOp.Rotate)
            {
                magnitudes.Add(Math.Abs(step.Magnitude));
            }
        }

        return magnitudes;
    }

    private static PolicyStep[] Steps(PolicyParams p) => [.. Enumerable.Range(0, p.Count).Select(i => p[i])];
}
