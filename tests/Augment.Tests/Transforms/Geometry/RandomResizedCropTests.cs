using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Tests.Kernels.Geometry;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

/// <summary>RandomResizedCrop: torchvision's sampling, checked statistically with fixed seeds, and its apply half.</summary>
public sealed class RandomResizedCropTests
{
    [Fact]
    public void BoxesStayInsideAndFollowTheScaleAndLogRatioDistributions()
    {
        // A square image and areas up to half of it: no attempt is rejected, so the draws follow the distributions exactly.
        var transform = new RandomResizedCrop(224, scale: (0.08, 0.5));
        var size = new ImageSize(400, 400);
        const int n = 4000;
        var bins = new int[4];
        double areaSum = 0;
        double logMin = Math.Log(3.0 / 4.0), logMax = Math.Log(4.0 / 3.0);
        for (int i = 0; i < n; i++)
        {
            var random = RandomSource.ForSample(42, 0, i);
            RandomResizedCropParams box = transform.Draw(3, size, ref random);
            AssertInside(box, size);
            double fraction = (double)box.Height * box.Width / size.Area;
            Assert.InRange(fraction, 0.075, 0.51);
            areaSum += fraction;
            double logRatio = Math.Log((double)box.Width / box.Height);
            Assert.InRange(logRatio, logMin - 0.02, logMax + 0.02);
            bins[Math.Clamp((int)((logRatio - logMin) / (logMax - logMin) * 4), 0, 3)]++;
        }

        Assert.InRange(areaSum / n, 0.29 - 0.01, 0.29 + 0.01);
        Assert.All(bins, count => Assert.InRange(count, n / 4 * 0.85, n / 4 * 1.15));
    }

    [Fact]
    public void DefaultRangesOnALandscapeImageKeepBoxesInside()
    {
        var transform = new RandomResizedCrop(224);
        var size = new ImageSize(375, 500);
        double minFraction = 1, maxFraction = 0;
        for (int i = 0; i < 2000; i++)
        {
            var random = RandomSource.ForSample(7, 1, i);
            RandomResizedCropParams box = transform.Draw(3, size, ref random);
            AssertInside(box, size);
            double fraction = (double)box.Height * box.Width / size.Area;
            minFraction = Math.Min(minFraction, fraction);
            maxFraction = Math.Max(maxFraction, fraction);
        }

        Assert.InRange(minFraction, 0.075, 0.1);
        Assert.InRange(maxFraction, 0.9, 1.0);
    }

    [Theory]
    [InlineData(100, 400, 0, 133, 100, 133)]
    [InlineData(400, 100, 133, 0, 133, 100)]
    [InlineData(300, 350, 0, 0, 300, 350)]
    public void ImpossibleAreasFallBackToTheCentralBox(int height, int width, int top, int left, int boxHeight, int boxWidth)
    {
        // Areas of 2-3 times the image never fit, so all ten attempts fail.
        var transform = new RandomResizedCrop(32, scale: (2.0, 3.0));
        var random = RandomSource.FromSeed(3);
        Assert.Equal(new RandomResizedCropParams(top, left, boxHeight, boxWidth), transform.Draw(3, new ImageSize(height, width), ref random));
    }

    [Fact]
    public void TheSameSeedGivesTheSameBoxAndBytes()
    {
        var transform = new RandomResizedCrop(new ImageSize(48, 40), interpolation: Interpolation.Bicubic);
        using ImageTensor source = ReferenceResampler.RandomImage(3, 90, 120, seed: 8);
        var log1 = new ParameterLog();
        var log2 = new ParameterLog();
        var r1 = RandomSource.ForSample(5, 2, 17);
        var r2 = RandomSource.ForSample(5, 2, 17);
        using ImageTensor a = transform.Apply(source.Clone(), ref r1, log1);
        using ImageTensor b = transform.Apply(source.Clone(), ref r2, log2);
        Assert.Equal(new ImageSize(48, 40), a.Size);
        Assert.True(a.Data.SequenceEqual(b.Data));

        var replay = RandomSource.ForSample(5, 2, 17);
        RandomResizedCropParams box = transform.Draw(3, source.Size, ref replay);
        using ImageTensor expected = ResizeKernels.Resize(source, box.Top, box.Left, box.Height, box.Width, new ImageSize(48, 40), Interpolation.Bicubic, true);
        Assert.True(a.Data.SequenceEqual(expected.Data));
    }

    [Fact]
    public void ParallelApplicationOverManySamplesEqualsSequential()
    {
        var transform = new RandomResizedCrop(16);
        using ImageTensor source = ReferenceResampler.RandomImage(3, 40, 50, seed: 12);
        const int n = 1000;
        var sequential = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var random = RandomSource.ForSample(99, 3, i);
            using ImageTensor output = transform.Apply(source.Clone(), ref random);
            sequential[i] = output.Data.ToArray();
        }

        var parallel = new float[n][];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var random = RandomSource.ForSample(99, 3, i);
            using ImageTensor output = transform.Apply(source.Clone(), ref random);
            parallel[i] = output.Data.ToArray();
        });

        for (int i = 0; i < n; i++)
        {
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"sample {i} differs");
        }
    }

    [Fact]
    public void InvalidParametersThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(new ImageSize(5, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, scale: (0.5, 0.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, scale: (double.NaN, 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, scale: (0.0, 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, scale: (0.1, double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, ratio: (4.0 / 3.0, 3.0 / 4.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, ratio: (-1.0, 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, ratio: (1.0, double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(8, interpolation: (Interpolation)9));

        var transform = new RandomResizedCrop(8);
        var random = RandomSource.FromSeed(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => transform.Draw(3, new ImageSize(0, 4), ref random));
        using ImageTensor image = ImageTensor.Create(3, 10, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => transform.Apply(image, new RandomResizedCropParams(5, 5, 6, 2)));
    }

    private static void AssertInside(RandomResizedCropParams box, ImageSize size)
    {
        Assert.True(
            box.Height > 0 && box.Width > 0 && box.Top >= 0 && box.Left >= 0 && box.Top + box.Height <= size.Height && box.Left + box.Width <= size.Width,
            $"{box} is not inside {size}");
    }
}
