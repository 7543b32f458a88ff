using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using Augment.Tests.Randomness;

namespace Augment.Tests.Transforms;

public sealed class CompositionTests
{
    [Fact]
    public void ComposeAppliesInOrderAndForksPerPosition()
    {
        var first = new Probe(2f, 1f);
        var second = new Probe(3f, 0f);
        var compose = new Compose(first, second);
        using ImageTensor image = Run(compose, Constant(1f), RandomSource.FromSeed(7));
        Assert.Equal(9f, image.Data[0]); // (1 * 2 + 1) * 3, not 1 * 3 * 2 + 1
        RandomSource root = RandomSource.FromSeed(7);
        Assert.Equal(root.Fork(0).NextUInt64(), first.LastDraw);
        Assert.Equal(root.Fork(1).NextUInt64(), second.LastDraw);
        Assert.Equal([first, second], compose.Transforms);
    }

    [Fact]
    public void ConstructorsRejectNullsAndBadArguments()
    {
        var probe = new Probe(1, 0);
        Assert.Throws<ArgumentNullException>(() => new Compose(probe, null!));
        Assert.Throws<ArgumentNullException>(() => new RandomApply(null!));
        Assert.Throws<ArgumentNullException>(() => new RandomOrder(probe, null!));
        Assert.Throws<ArgumentNullException>(() => new OneOf(probe, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomOrder(Enumerable.Repeat<ITransform>(probe, 17).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomOrder(Array.Empty<ITransform>()));
        Assert.Throws<ArgumentException>(() => new OneOf(Array.Empty<ITransform>()));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RandomApplyRejectsBadProbabilities(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomApply(new Probe(1, 0), p));
        Assert.Equal("p", e.ParamName);
        Assert.Contains(p.ToString(), e.Message);
    }

    [Fact]
    public void RandomApplyRunsWithItsProbabilityAndRecordsTheDecision()
    {
        var apply = new RandomApply(new Probe(1f, 1f), 0.3);
        const int n = 4000;
        int applied = 0;
        var log = new ParameterLog();
        for (int i = 0; i < n; i++)
        {
            log.Clear();
            using ImageTensor image = Run(apply, Constant(0f), RandomSource.ForSample(5, 0, i), log);
            bool ran = image.Data[0] == 1f;
            applied += ran ? 1 : 0;
            Assert.Equal(ran, log.Get<RandomApplyParams>().Applied);
        }

        Assert.InRange(applied / (double)n, 0.3 - 0.036, 0.3 + 0.036); // 5 standard errors
        Assert.Equal(0f, Run(new RandomApply(new Probe(1f, 1f), 0.0), Constant(0f), RandomSource.FromSeed(1)).Data[0]);
        Assert.Equal(1f, Run(new RandomApply(new Probe(1f, 1f), 1.0), Constant(0f), RandomSource.FromSeed(1)).Data[0]);
    }

    [Fact]
    public void OneOfChoosesWithTheGivenWeights()
    {
        double[] weights = [1, 0, 2, 7];
        var oneOf = new OneOf([new Probe(0, 0), new Probe(0, 1), new Probe(0, 2), new Probe(0, 3)], weights);
        const int n = 10000;
        var counts = new int[4];
        var log = new ParameterLog();
        for (int i = 0; i < n; i++)
        {
            log.Clear();
            using ImageTensor image = Run(oneOf, Constant(0f), RandomSource.ForSample(3, 0, i), log);
            int chosen = (int)image.Data[0];
            counts[chosen]++;
            Assert.Equal(chosen, log.Get<ChoiceParams>().Index);
        }

        Assert.Equal(0, counts[1]);
        double chi = 0;
        for (int k = 0; k < 4; k++)
        {
            if (weights[k] > 0)
            {
                double expected = n * weights[k] / 10;
                chi += (counts[k] - expected) * (counts[k] - expected) / expected;
            }
        }

        Assert.True(chi < 13.8, $"chi-square {chi:F2} over 2 degrees of freedom exceeds the 99.9% quantile"); // 2 dof
    }

    [Fact]
    public void OneOfIsUniformWithoutWeights()
    {
        var oneOf = new OneOf(new Probe(0, 0), new Probe(0, 1), new Probe(0, 2));
        var counts = new int[3];
        for (int i = 0; i < 6000; i++)
        {
            RandomSource random = RandomSource.ForSample(4, 0, i);
            counts[oneOf.Draw(ref random).Index]++;
        }

        RandomSourceTests.AssertChiSquare(counts, 2000);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void OneOfRejectsBadWeights(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OneOf([new Probe(0, 0), new Probe(0, 1)], [1.0, bad]));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void OneOfRejectsWrongWeightCountsAndAllZero()
    {
        ITransform[] two = [new Probe(0, 0), new Probe(0, 1)];
        Assert.Throws<ArgumentException>(() => new OneOf(two, [1.0]));
        Assert.Throws<ArgumentException>(() => new OneOf(two, [0.0, 0.0]));
    }

    [Fact]
    public void RandomOrderDrawsEveryPermutationEquallyAndRecordsIt()
    {
        // x -> 10x + k makes the final value spell the order.
        var order = new RandomOrder(new Probe(10, 1), new Probe(10, 2), new Probe(10, 3));
        var counts = new Dictionary<float, int>();
        var log = new ParameterLog();
        for (int i = 0; i < 6000; i++)
        {
            log.Clear();
            using ImageTensor image = Run(order, Constant(0f), RandomSource.ForSample(6, 0, i), log);
            float spelled = image.Data[0];
            counts[spelled] = counts.GetValueOrDefault(spelled) + 1;
            OrderParams drawn = log.Get<OrderParams>();
            Assert.Equal(3, drawn.Count);
            Assert.Equal(spelled, (100 * (drawn[0] + 1)) + (10 * (drawn[1] + 1)) + drawn[2] + 1);
        }

        Assert.Equal(6, counts.Count);
        RandomSourceTests.AssertChiSquare([.. counts.Values], 1000);
    }

    [Fact]
    public void RandomOrderGivesEachTransformTheSameStreamWhereverItRuns()
    {
        var probes = new[] { new Probe(1, 0), new Probe(1, 0) };
        var order = new RandomOrder(probes);
        RandomSource random = RandomSource.FromSeed(12);
        Run(order, Constant(0f), random).Dispose();
        Assert.Equal(random.Fork(1).NextUInt64(), probes[0].LastDraw);
        Assert.Equal(random.Fork(2).NextUInt64(), probes[1].LastDraw);
    }

    [Fact]
    public void OrderParamsRoundTrip()
    {
        int[] order = [15, 0, 7, 3, 12, 1, 2, 4, 5, 6, 8, 9, 10, 11, 13, 14];
        OrderParams packed = OrderParams.FromOrder(order);
        for (int i = 0; i < order.Length; i++)
        {
            Assert.Equal(order[i], packed[i]);
        }

        Assert.Throws<ArgumentException>(() => OrderParams.FromOrder(new int[17]));
    }

    [Fact]
    public void ReplayingRecordedParametersGivesIdenticalOutput()
    {
        var crop = new RandomCrop(24, 20, Padding.Uniform(3), fill: 0.5f);
        var hflip = new RandomHorizontalFlip(0.5);
        var vflip = new RandomVerticalFlip(0.5);
        var normalize = Normalize.ImageNet();
        var pipeline = new Compose(crop, new RandomApply(new Compose(hflip, vflip), 0.7), normalize);
        for (int index = 0; index < 20; index++)
        {
            var log = new ParameterLog();
            using ImageTensor produced = Run(pipeline, TestImages.Random(3, 30, 27, 9), RandomSource.ForSample(1, 0, index), log);

            ImageTensor replayed = crop.Apply(TestImages.Random(3, 30, 27, 9), log.Get<RandomCropParams>());
            if (log.Get<RandomApplyParams>().Applied)
            {
                replayed = hflip.Apply(replayed, log.Get<RandomHorizontalFlipParams>());
                replayed = vflip.Apply(replayed, log.Get<RandomVerticalFlipParams>());
            }
            else
            {
                Assert.Throws<InvalidOperationException>(() => log.Get<RandomHorizontalFlipParams>());
            }

            RandomSource unused = RandomSource.FromSeed(0);
            using ImageTensor final = normalize.Apply(replayed, ref unused);
            Assert.Equal(produced.Data.ToArray(), final.Data.ToArray());
        }
    }

    private static ImageTensor Constant(float value)
    {
        var image = ImageTensor.Create(1, 1, 1);
        image.Data[0] = value;
        return image;
    }

    private static ImageTensor Run(ITransform transform, ImageTensor image, RandomSource random, IParameterRecorder? recorder = null) =>
        transform.Apply(image, ref random, recorder);

    /// <summary>x -> x * scale + offset, remembering the first 64 bits it was given.</summary>
    private sealed class Probe(float scale, float offset) : ITransform
    {
        public ulong LastDraw { get; private set; }

        public ImageTensor Apply(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null)
        {
            LastDraw = random.NextUInt64();
            Span<float> data = image.Data;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (data[i] * scale) + offset;
            }

            return image;
        }
    }
}
