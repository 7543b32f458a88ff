using Augment.Imaging;
using Augment.Kernels.Occlusion;
using Augment.Randomness;
using Augment.Transforms.Color;
using Augment.Transforms;
using Augment.Transforms.Occlusion;

namespace Augment.Tests.Transforms.Occlusion;

public sealed class RandomErasingTests
{
    /// <summary>On a large image every first attempt succeeds, so areas and log ratios follow their uniform laws.</summary>
    [Fact]
    public void AreasAndAspectRatios_FollowTheirDistributions()
    {
        var erasing = new RandomErasing(p: 1, scale: new ValueRange(0.02, 0.2), ratio: new ValueRange(0.3, 3.3));
        var size = new ImageSize(1000, 1000);
        var areas = new List<double>();
        var logRatios = new List<double>();
        for (int i = 0; i < 3000; i++)
        {
            var random = RandomSource.ForSample(11, 0, i);
            RandomErasingParams p = erasing.Draw(3, size, ref random);
            Assert.Equal(1, p.Boxes.Count);
            PixelBox box = p.Boxes[0];
            Assert.True(box.Top >= 0 && box.Left >= 0 && box.Top + box.Height <= 1000 && box.Left + box.Width <= 1000);
            areas.Add(box.Area / 1e6);
            logRatios.Add(Math.Log(box.Height / (double)box.Width));
        }

        // Rounding h and w to integers moves the area by about 1/√area and the log ratio by about 1/side.
        DistributionChecks.AssertUniform(areas.Select(a => Math.Clamp(a, 0.02, 0.2)), 0.02, 0.2, slack: 0.01);
        DistributionChecks.AssertUniform(logRatios.Select(r => Math.Clamp(r, Math.Log(0.3), Math.Log(3.3))), Math.Log(0.3), Math.Log(3.3), slack: 0.01);
    }

    [Fact]
    public void Positions_AreUniformOverThePlacesThatFit()
    {
        var erasing = new RandomErasing(p: 1, scale: new ValueRange(0.04, 0.04), ratio: new ValueRange(1, 1));
        var tops = new List<double>();
        for (int i = 0; i < 3000; i++)
        {
            var random = RandomSource.ForSample(12, 0, i);
            PixelBox box = erasing.Draw(3, new ImageSize(100, 100), ref random).Boxes[0];
            Assert.Equal(new PixelBox(box.Top, box.Left, 20, 20), box);
            tops.Add((box.Top + 0.5) / 81); // top in [0, 80]
        }

        DistributionChecks.AssertUniform(tops, 0, 1, slack: 0.02);
    }

    [Fact]
    public void Gate_AndCounts_FollowPAndMinMaxCount()
    {
        var erasing = new RandomErasing(p: 0.25, minCount: 1, maxCount: 4);
        int applied = 0;
        int[] counts = new int[5];
        const int Draws = 8000;
        for (int i = 0; i < Draws; i++)
        {
            var random = RandomSource.ForSample(13, 0, i);
            RandomErasingParams p = erasing.Draw(3, new ImageSize(224, 224), ref random);
            if (p.Boxes.Count > 0)
            {
                applied++;
                counts[p.Boxes.Count]++;
            }
        }

        Assert.InRange(applied / (double)Draws, 0.25 - 0.016, 0.25 + 0.016); // ±3.3σ
        DistributionChecks.AssertUniformCounts(counts[1..], 16.27); // χ²(3) at 0.1%
    }

    [Fact]
    public void ImpossibleBoxes_AreDropped()
    {
        // On a 2x2 image only 1x1 boxes fit: scale 0.9 never fits, so nothing is erased.
        var erasing = new RandomErasing(p: 1, scale: new ValueRange(0.9, 1));
        var random = RandomSource.FromSeed(3);
        Assert.Equal(0, erasing.Draw(3, new ImageSize(2, 2), ref random).Boxes.Count);
    }

    [Fact]
    public void ConstantFill_ErasesWithTheValues()
    {
        using ImageTensor source = TestImages.Random(3, 30, 40, 2);
        var erasing = new RandomErasing(p: 1, fill: ErasingFill.DatasetMean(0.485f, 0.456f, 0.406f));
        var parameters = new RandomErasingParams(new BoxList([new PixelBox(3, 4, 10, 12), new PixelBox(20, 30, 5, 5)]), 0);
        using ImageTensor result = erasing.Apply(source.Clone(), parameters);
        using ImageTensor expected = source.Clone();
        OcclusionKernels.Erase(expected, 3, 4, 10, 12, [0.485f, 0.456f, 0.406f]);
        OcclusionKernels.Erase(expected, 20, 30, 5, 5, [0.485f, 0.456f, 0.406f]);
        Assert.Equal(expected.Data.ToArray(), result.Data.ToArray());
    }

    [Fact]
    public void RandomFills_ReplayFromTheRecordedSeed()
    {
        using ImageTensor source = TestImages.Random(3, 32, 32, 2);
        foreach (ErasingFill fill in (ErasingFill[])[ErasingFill.PerPixelNormal, ErasingFill.PerChannelNormal])
        {
            var erasing = new RandomErasing(p: 1, fill: fill, maxCount: 3);
            var log = new Augment.Transforms.ParameterLog();
            var random = RandomSource.FromSeed(6);
            using ImageTensor first = erasing.Apply(source.Clone(), ref random, log);
            RandomErasingParams recorded = log.Get<RandomErasingParams>();
            Assert.True(recorded.Boxes.Count > 0);
            Assert.NotEqual(0UL, recorded.FillSeed);
            using ImageTensor replayed = erasing.Apply(source.Clone(), recorded);
            Assert.Equal(first.Data.ToArray(), replayed.Data.ToArray());
            Assert.NotEqual(source.Data.ToArray(), first.Data.ToArray());
        }
    }

    [Theory]
    [InlineData(1.5, 0.02, 0.33, 0.3, 3.3, "p")]
    [InlineData(double.NaN, 0.02, 0.33, 0.3, 3.3, "p")]
    [InlineData(0.5, 0.4, 0.2, 0.3, 3.3, "scale")]
    [InlineData(0.5, -0.1, 0.2, 0.3, 3.3, "scale")]
    [InlineData(0.5, 0.02, 1.5, 0.3, 3.3, "scale")]
    [InlineData(0.5, 0.02, 0.33, 3.3, 0.3, "ratio")]
    [InlineData(0.5, 0.02, 0.33, 0, 3.3, "ratio")]
    [InlineData(0.5, 0.02, 0.33, 0.3, double.NaN, "ratio")]
    public void BadArguments_ThrowNamingTheParameter(double p, double s0, double s1, double r0, double r1, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(name, () => new RandomErasing(p, new ValueRange(s0, s1), new ValueRange(r0, r1)));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void BadCountsAndFills_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("minCount", () => new RandomErasing(minCount: 0));
        Assert.Throws<ArgumentOutOfRangeException>("maxCount", () => new RandomErasing(minCount: 3, maxCount: 2));
        Assert.Throws<ArgumentOutOfRangeException>("maxCount", () => new RandomErasing(maxCount: BoxList.Capacity + 1));
        Assert.Throws<ArgumentException>("values", () => ErasingFill.Constant());
        Assert.Throws<ArgumentOutOfRangeException>("values", () => ErasingFill.Constant(float.PositiveInfinity));
    }
}
