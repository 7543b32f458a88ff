using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Policies;

namespace Augment.Tests.Transforms.Policies;

/// <summary>AugMix: its draws against the published distributions, its mix against a direct formula, timm's string form.</summary>
public sealed class AugMixTests
{
    private static readonly ImageSize Size = new(90, 120);

    private static List<AugMixParams> Draws(AugMix transform, int n, ulong seed)
    {
        var draws = new List<AugMixParams>(n);
        for (int i = 0; i < n; i++)
        {
            var random = RandomSource.ForSample(seed, 0, i);
            draws.Add(transform.Draw(3, Size, ref random));
        }

        return draws;
    }

    [Fact]
    public void DefaultsAreTorchvisions()
    {
        var augmix = new AugMix();
        Assert.Equal((3, 3, -1, 1.0, true, Interpolation.Bilinear), (augmix.Severity, augmix.Width, augmix.ChainDepth, augmix.Alpha, augmix.AllOps, augmix.Interpolation));
        Assert.Equal(
            [AugmentOp.ShearX, AugmentOp.ShearY, AugmentOp.TranslateX, AugmentOp.TranslateY, AugmentOp.Rotate, AugmentOp.Posterize, AugmentOp.Solarize,
             AugmentOp.AutoContrast, AugmentOp.Equalize, AugmentOp.Brightness, AugmentOp.Color, AugmentOp.Contrast, AugmentOp.Sharpness],
            augmix.Operations);
        Assert.Equal(9, new AugMix(allOps: false).Operations.Count);
    }

    [Fact]
    public void OperationsAreUniformOverTheSpaceAndDepthsUniformOverOneToThree()
    {
        List<AugMixParams> draws = Draws(new AugMix(), 4000, 1);
        var ops = new int[13];
        var depths = new int[3];
        var augmix = new AugMix();
        foreach (AugMixParams p in draws)
        {
            Assert.Equal(3, p.Width);
            for (int i = 0; i < p.Width; i++)
            {
                PolicyParams chain = p.Chain(i);
                depths[chain.Count - 1]++;
                for (int s = 0; s < chain.Count; s++)
                {
                    ops[augmix.Operations.ToList().IndexOf(chain[s].Op)]++;
                }
            }
        }

        DistributionChecks.AssertUniformCounts(depths, 13.82); // χ², 2 degrees of freedom, 0.1%
        DistributionChecks.AssertUniformCounts(ops, 32.91);    // χ², 12 degrees of freedom, 0.1%
        Assert.Equal([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], Draws(new AugMix(chainDepth: 5, mixtureWidth: 2), 10, 2).Select(p => p.Chain(1).Count));
    }

    [Fact]
    public void MagnitudesComeFromTheFirstSeverityBinsUniformlyWithARandomSign()
    {
        // Rotate's bins are linspace(0, 30, 10) = 30 b / 9; severity 3 draws b in {0, 1, 2}.
        var counts = new Dictionary<float, int>();
        int negative = 0, signed = 0;
        foreach (AugMixParams p in Draws(new AugMix(severity: 3), 4000, 3))
        {
            for (int i = 0; i < p.Width; i++)
            {
                PolicyParams chain = p.Chain(i);
                for (int s = 0; s < chain.Count; s++)
                {
                    PolicyStep step = chain[s];
                    if (step.Op == AugmentOp.Rotate)
                    {
                        float key = MathF.Round(MathF.Abs(step.Magnitude) * 1000) / 1000;
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                        if (step.Magnitude != 0)
                        {
                            signed++;
                            negative += step.Magnitude < 0 ? 1 : 0;
                        }
                    }
                    else if (step.Op == AugmentOp.Posterize)
                    {
                        Assert.Contains(step.Magnitude, new[] { 4f, 3f }); // 4 - round(b / 2.25), b < 3
                    }
                    else if (step.Op is AugmentOp.AutoContrast or AugmentOp.Equalize)
                    {
                        Assert.Equal(0f, step.Magnitude);
                    }
                }
            }
        }

        Assert.Equal([0f, 3.333f, 6.667f], counts.Keys.Order());
        DistributionChecks.AssertUniformCounts(counts.Values, 13.82);
        Assert.InRange(negative, (signed / 2) - (3 * Math.Sqrt(signed) / 2) - 20, (signed / 2) + (3 * Math.Sqrt(signed) / 2) + 20);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void WeightsAreDirichletAndTheMixingWeightIsBeta(double alpha)
    {
        List<AugMixParams> draws = Draws(new AugMix(alpha: alpha, mixtureWidth: 4), 6000, 4);
        double sum = 0, squares = 0;
        var mixing = new List<double>();
        foreach (AugMixParams p in draws)
        {
            double total = 0;
            for (int i = 0; i < 4; i++)
            {
                total += p.Weight(i);
            }

            Assert.Equal(1.0, total, 5);
            sum += p.Weight(0);
            squares += p.Weight(0) * p.Weight(0);

            // The Beta(α, α) CDF: x for α = 1, the arcsine law (2/π) asin(√x) for α = 1/2.
            double m = p.MixingWeight;
            mixing.Add(alpha == 1.0 ? m : 2 / Math.PI * Math.Asin(Math.Sqrt(m)));
        }

        double mean = sum / draws.Count, variance = (squares / draws.Count) - (mean * mean);
        double a0 = 4 * alpha;
        double expectedVariance = alpha * (a0 - alpha) / (a0 * a0 * (a0 + 1));
        Assert.InRange(mean, 0.25 - 0.01, 0.25 + 0.01);
        Assert.InRange(variance, expectedVariance * 0.92, expectedVariance * 1.08);
        DistributionChecks.AssertUniform(mixing, 0, 1, slack: 1e-6);
    }

    [Fact]
    public void AugMixMagnitudeTableFollowsTorchvision()
    {
        Assert.Equal("4 4 3 3 2 2 1 1 0 0", string.Join(' ', Enumerable.Range(0, 10).Select(b => AugmentationSpace.AugMixMagnitude(AugmentOp.Posterize, b, Size))));
        Assert.Equal(40f, AugmentationSpace.AugMixMagnitude(AugmentOp.TranslateX, 9, Size), 4);
        Assert.Equal(30f, AugmentationSpace.AugMixMagnitude(AugmentOp.TranslateY, 9, Size), 4);
        Assert.Equal(0.3f, AugmentationSpace.AugMixMagnitude(AugmentOp.ShearX, 9, Size), 6);
        Assert.Equal(0.9f, AugmentationSpace.AugMixMagnitude(AugmentOp.Sharpness, 9, Size), 6);
        Assert.Equal(255f - (255f / 9f), AugmentationSpace.AugMixMagnitude(AugmentOp.Solarize, 1, Size), 3);
    }

    [Fact]
    public void ApplyMixesTheBranchesWithTheDrawnWeights()
    {
        // Branches with closed forms: identity x, inversion 1 - x, brightness 1.5 clamp(1.5 x).
        using ImageTensor source = TestImages.Random(3, 10, 12, seed: 7);
        PolicyParams identity = new(-1, [new PolicyStep(AugmentOp.Identity, 0)]);
        PolicyParams invert = new(-1, [new PolicyStep(AugmentOp.Invert, 0)]);
        PolicyParams brighten = new(-1, [new PolicyStep(AugmentOp.Brightness, 0.5f)]);
        var parameters = new AugMixParams(0.7f, [0.2f, 0.5f, 0.3f], [identity, invert, brighten]);
        using ImageTensor output = new AugMix().Apply(source.Clone(), parameters);
        for (int i = 0; i < source.Length; i++)
        {
            double x = source.Data[i];
            double expected = (0.3 * x) + (0.7 * ((0.2 * x) + (0.5 * (1 - x)) + (0.3 * Math.Min(1.0, 1.5 * x))));
            Assert.Equal(expected, output.Data[i], 5);
        }
    }

    [Fact]
    public void TheSameStreamGivesTheSameImageAndTheLogReplaysIt()
    {
        var augmix = new AugMix();
        using ImageTensor source = TestImages.Random(3, 24, 20, seed: 3);
        for (int i = 0; i < 6; i++)
        {
            var log = new ParameterLog();
            var r1 = RandomSource.ForSample(2, 0, i);
            var r2 = RandomSource.ForSample(2, 0, i);
            using ImageTensor a = augmix.Apply(source.Clone(), ref r1, log);
            using ImageTensor b = augmix.Apply(source.Clone(), ref r2);
            AugMixParams drawn = log.Get<AugMixParams>();
            var r3 = RandomSource.ForSample(2, 0, i);
            Assert.Equal(drawn, augmix.Draw(3, source.Size, ref r3));
            using ImageTensor replayed = augmix.Apply(source.Clone(), drawn);
            Assert.True(a.Data.SequenceEqual(b.Data));
            Assert.True(a.Data.SequenceEqual(replayed.Data));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void OutputsStayConvexMixesOfImagesInTheUnitRange(int channels)
    {
        // Every operation keeps [0, 1] images in [0, 1] (geometric fill 0 included), and the mix is convex.
        var augmix = new AugMix(severity: 10, mixtureWidth: 4);
        using ImageTensor source = TestImages.Random(channels, 20, 24, seed: 11);
        for (int i = 0; i < 60; i++)
        {
            var random = RandomSource.ForSample(6, 0, i);
            using ImageTensor output = augmix.Apply(source.Clone(), ref random);
            Assert.Equal(source.ShapeString, output.ShapeString);
            foreach (float value in output.Data)
            {
                Assert.InRange(value, -1e-6f, 1f + 1e-6f);
            }
        }
    }

    [Theory]
    [InlineData("augmix", 3, 3, -1, 1.0)]
    [InlineData("augmix-m3-w3-d-1", 3, 3, -1, 1.0)]
    [InlineData("augmix-m5-w4-d2", 5, 4, 2, 1.0)]
    [InlineData("augmix-m7-w2-d3-a0.5", 7, 2, 3, 0.5)]
    public void FromConfigReadsTimmsStringForm(string config, int severity, int width, int depth, double alpha)
    {
        AugMix augmix = AugMix.FromConfig(config);
        Assert.Equal((severity, width, depth, alpha), (augmix.Severity, augmix.Width, augmix.ChainDepth, augmix.Alpha));
    }

    [Theory]
    [InlineData("rand-m9")]
    [InlineData("augmix-m3-mstd0.5")]
    [InlineData("augmix-b1")]
    [InlineData("augmix-m")]
    [InlineData("augmix-m2.5")]
    [InlineData("augmix-m3w3")]
    public void FromConfigRejectsOtherStrings(string config) =>
        Assert.Throws<ArgumentException>(() => AugMix.FromConfig(config));

    [Fact]
    public void InvalidArgumentsThrowNamingTheParameter()
    {
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(severity: 0)).ParamName);
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(severity: 11)).ParamName);
        Assert.Equal("mixtureWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(mixtureWidth: 9)).ParamName);
        Assert.Equal("chainDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(chainDepth: 0)).ParamName);
        Assert.Equal("chainDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(chainDepth: -2)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new AugMix(alpha: double.NaN)).ParamName);
        Assert.Throws<ArgumentException>(() => new AugMix().Apply(ImageTensor.Create(3, 4, 4), default(AugMixParams)));
    }
}
