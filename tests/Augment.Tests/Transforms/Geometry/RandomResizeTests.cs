using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

/// <summary>ScaleJitter, RandomShortestSize and RandomResizedCropAndInterpolation: torchvision's and timm's size rules and draws.</summary>
public sealed class RandomResizeTests
{
    [Fact]
    public void ScaleJitterScalesByAUniformFactorOfTheFittingRatio()
    {
        // Target 1000x1000 on a 500x800 image: the fitting ratio is min(1000/800, 1000/500) = 1.25, so the width is
        // trunc(800 * 1.25 * s) = trunc(1000 s) with s ~ U(0.1, 2).
        var transform = new ScaleJitter(new ImageSize(1000, 1000));
        var size = new ImageSize(500, 800);
        var scales = new List<double>();
        for (int i = 0; i < 3000; i++)
        {
            var random = RandomSource.ForSample(5, 0, i);
            ImageSize output = transform.Draw(3, size, ref random).Size;
            double s = output.Width / 1000.0;
            scales.Add(s);
            Assert.Equal((int)(500 * 1.25 * s), output.Height, 1.0);
        }

        DistributionChecks.AssertUniform(scales, 0.099, 2.0, slack: 0.002);
    }

    [Fact]
    public void RandomShortestSizePicksUniformlyAndCapsTheLongerSide()
    {
        var transform = new RandomShortestSize([480, 512, 544, 576, 608], maxSize: 1000);
        var size = new ImageSize(300, 400);
        var counts = new Dictionary<int, int>();
        for (int i = 0; i < 5000; i++)
        {
            var random = RandomSource.ForSample(6, 0, i);
            ImageSize output = transform.Draw(3, size, ref random).Size;
            Assert.Equal((int)(400 * (output.Height / 300.0)), output.Width, 1.0);
            counts[output.Height] = counts.GetValueOrDefault(output.Height) + 1;
        }

        Assert.Equal([480, 512, 544, 576, 608], counts.Keys.Order());
        DistributionChecks.AssertUniformCounts(counts.Values, 18.47); // χ², 4 degrees of freedom, 0.1%

        // A 200x1000 image: 480 / 200 = 2.4 would make the longer side 2400, so r = 1000 / 1000 = 1.
        var capped = new RandomShortestSize(480, maxSize: 1000);
        var r = RandomSource.FromSeed(1);
        Assert.Equal(new ImageSize(200, 1000), capped.Draw(3, new ImageSize(200, 1000), ref r).Size);
        Assert.Equal(new ImageSize(480, 720), new RandomShortestSize(480).Draw(3, new ImageSize(400, 600), ref r).Size);
    }

    [Fact]
    public void ApplyResizesTheWholeImageToTheDrawnSize()
    {
        using ImageTensor source = TestImages.Random(3, 40, 60, seed: 2);
        var transform = new ScaleJitter(new ImageSize(32, 32), interpolation: Interpolation.Bicubic);
        var log = new ParameterLog();
        var random = RandomSource.FromSeed(9);
        using ImageTensor output = transform.Apply(source.Clone(), ref random, log);
        RandomResizeParams drawn = log.Get<RandomResizeParams>();
        Assert.Equal(drawn.Size, output.Size);
        using ImageTensor expected = new Resize(ResizeSize.Exact(drawn.Size), Interpolation.Bicubic).Apply(source.Clone());
        Assert.True(output.Data.SequenceEqual(expected.Data));
    }

    [Fact]
    public void RandomInterpolationKeepsTheCropBoxAndPicksBilinearOrBicubicUniformly()
    {
        var transform = new RandomResizedCropAndInterpolation(new ImageSize(24, 24));
        Assert.Equal([Interpolation.Bilinear, Interpolation.Bicubic], transform.Interpolations);
        var size = new ImageSize(90, 120);
        int bicubic = 0;
        const int n = 4000;
        for (int i = 0; i < n; i++)
        {
            var r1 = RandomSource.ForSample(4, 0, i);
            var r2 = RandomSource.ForSample(4, 0, i);
            RandomResizedCropAndInterpolationParams p = transform.Draw(3, size, ref r1);
            Assert.Equal(transform.Crop.Draw(3, size, ref r2), p.Box);
            bicubic += p.Interpolation == Interpolation.Bicubic ? 1 : 0;
        }

        Assert.InRange(bicubic, (n / 2) - 110, (n / 2) + 110); // Binomial(4000, 1/2): sd 31.6

        using ImageTensor source = TestImages.Random(3, 90, 120, seed: 5);
        var chosen = new RandomResizedCropAndInterpolationParams(new RandomResizedCropParams(10, 20, 50, 60), Interpolation.Bicubic);
        using ImageTensor output = transform.Apply(source.Clone(), chosen);
        using ImageTensor expected = ResizeKernels.Resize(source, 10, 20, 50, 60, new ImageSize(24, 24), Interpolation.Bicubic, true);
        Assert.True(output.Data.SequenceEqual(expected.Data));
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        Assert.Equal("scaleRange", Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleJitter(new ImageSize(10, 10), (0, 2))).ParamName);
        Assert.Throws<ArgumentException>(() => new RandomShortestSize(Array.Empty<int>()));
        Assert.Equal("minSizes", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomShortestSize([10, -1])).ParamName);
        Assert.Equal("maxSize", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomShortestSize(10, 0)).ParamName);
        Assert.Throws<ArgumentException>(() => new RandomResizedCropAndInterpolation(new ImageSize(8, 8), interpolations: []));
    }
}
