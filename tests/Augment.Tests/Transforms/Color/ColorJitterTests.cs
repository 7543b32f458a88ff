using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Color;

namespace Augment.Tests.Transforms.Color;

public sealed class ColorJitterTests
{
    [Fact]
    public void ScalarArguments_BecomeTorchvisionRanges()
    {
        var jitter = new ColorJitter(0.4, 1.5, 0, 0.1);
        Assert.Equal(new ValueRange(0.6, 1.4), jitter.Brightness!.Value);
        Assert.Equal(new ValueRange(0, 2.5), jitter.Contrast!.Value);
        Assert.Null(jitter.Saturation);
        Assert.Equal(new ValueRange(-0.1, 0.1), jitter.Hue!.Value);

        var ranged = ColorJitter.FromRanges(brightness: new ValueRange(1, 1), hue: new ValueRange(-0.2, 0.05));
        Assert.Null(ranged.Brightness);
        Assert.Equal(new ValueRange(-0.2, 0.05), ranged.Hue!.Value);
    }

    [Fact]
    public void DrawnFactors_AreUniformOverTheirRanges()
    {
        var jitter = new ColorJitter(0.4, 0.3, 0.2, 0.1);
        var draws = new List<ColorJitterParams>();
        for (int i = 0; i < 4000; i++)
        {
            var random = RandomSource.ForSample(17, 0, i);
            draws.Add(jitter.Draw(3, new ImageSize(8, 8), ref random));
        }

        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Brightness!.Value), 0.6, 1.4);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Contrast!.Value), 0.7, 1.3);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Saturation!.Value), 0.8, 1.2);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Hue!.Value), -0.1, 0.1);
    }

    [Fact]
    public void Orders_AreUniformOverThe24Permutations()
    {
        var jitter = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        var counts = new Dictionary<ulong, int>();
        const int Draws = 24_000;
        for (int i = 0; i < Draws; i++)
        {
            var random = RandomSource.ForSample(5, 1, i);
            OrderParams order = jitter.Draw(3, new ImageSize(4, 4), ref random).Order;
            Assert.Equal(4, order.Count);
            Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(step => order[step]).Order());
            counts[order.Packed] = counts.GetValueOrDefault(order.Packed) + 1;
        }

        Assert.Equal(24, counts.Count);
        DistributionChecks.AssertUniformCounts(counts.Values, 49.73); // χ²(23) at 0.1%
    }

    [Fact]
    public void Apply_RunsTheAdjustmentsInTheDrawnOrder()
    {
        using ImageTensor source = TestImages.Random(3, 6, 7, 2);
        var jitter = new ColorJitter(0.5, 0.5, 0.5, 0.2);
        var parameters = new ColorJitterParams(OrderParams.FromOrder([3, 1, 0, 2]), 1.3f, 0.7f, 1.6f, -0.15f);
        using ImageTensor actual = jitter.Apply(source.Clone(), parameters);

        using ImageTensor expected = source.Clone();
        ColorKernels.AdjustHue(expected, -0.15f);
        ColorKernels.AdjustContrast(expected, 0.7f);
        ColorKernels.AdjustBrightness(expected, 1.3f);
        ColorKernels.AdjustSaturation(expected, 1.6f);
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());

        // Another order gives another image: the order matters.
        using ImageTensor reordered = jitter.Apply(source.Clone(), parameters with { Order = OrderParams.FromOrder([0, 1, 2, 3]) });
        Assert.NotEqual(expected.Data.ToArray(), reordered.Data.ToArray());
    }

    [Fact]
    public void SwitchedOffAdjustments_AreNotDrawnAndNotApplied()
    {
        var jitter = new ColorJitter(brightness: 0.3);
        var random = RandomSource.FromSeed(9);
        ColorJitterParams parameters = jitter.Draw(3, new ImageSize(2, 2), ref random);
        Assert.NotNull(parameters.Brightness);
        Assert.Null(parameters.Contrast);
        Assert.Null(parameters.Saturation);
        Assert.Null(parameters.Hue);

        // Values outside [0, 1] survive a jitter that changes nothing (no clamping pass).
        using var image = ImageTensor.Create(3, 1, 2);
        image.Data.Fill(-3f);
        var none = new ColorJitter();
        random = RandomSource.FromSeed(1);
        using ImageTensor result = none.Apply(image, ref random);
        Assert.All(result.Data.ToArray(), v => Assert.Equal(-3f, v));
    }

    [Fact]
    public void SameStream_GivesIdenticalBytes()
    {
        var jitter = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        using ImageTensor source = TestImages.Random(3, 16, 19, 4);
        float[] Run(ulong seed, int index)
        {
            var random = RandomSource.ForSample(seed, 0, index);
            using ImageTensor output = jitter.Apply(source.Clone(), ref random);
            return output.Data.ToArray();
        }

        Assert.Equal(Run(1, 3), Run(1, 3));
        Assert.NotEqual(Run(1, 3), Run(1, 4));
    }

    [Fact]
    public void RecordedParameters_ReplayTheSameImage()
    {
        var jitter = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        var pipeline = new Compose(new RandomGrayscale(0), jitter);
        using ImageTensor source = TestImages.Random(3, 10, 12, 8);
        var log = new ParameterLog();
        var random = RandomSource.ForSample(2, 0, 5);
        using ImageTensor first = pipeline.Apply(source.Clone(), ref random, log);
        using ImageTensor replayed = jitter.Apply(source.Clone(), log.Get<ColorJitterParams>());
        Assert.Equal(first.Data.ToArray(), replayed.Data.ToArray());
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0, "brightness")]
    [InlineData(0, double.NaN, 0, 0, "contrast")]
    [InlineData(0, 0, double.PositiveInfinity, 0, "saturation")]
    [InlineData(0, 0, 0, 0.6, "hue")]
    [InlineData(0, 0, 0, -0.1, "hue")]
    public void BadScalarArguments_ThrowNamingTheParameterAndValue(double b, double c, double s, double h, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(name, () => new ColorJitter(b, c, s, h));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void BadRanges_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("brightness", () => ColorJitter.FromRanges(brightness: new ValueRange(1.5, 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>("contrast", () => ColorJitter.FromRanges(contrast: new ValueRange(-0.1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>("saturation", () => ColorJitter.FromRanges(saturation: new ValueRange(double.NaN, 1)));
        var e = Assert.Throws<ArgumentOutOfRangeException>("hue", () => ColorJitter.FromRanges(hue: new ValueRange(-0.2, 0.7)));
        Assert.Contains("0.7", e.Message);
    }
}
