using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms.Color;

namespace Augment.Tests.Transforms.Color;

public sealed class ChannelShiftTests
{
    [Fact]
    public void UniformShifts_FollowTheirPerChannelRanges()
    {
        var shift = ChannelShift.Uniform([-0.1, 0, 0.2], [0.1, 0.05, 0.6]);
        var draws = Draw(shift, 3000);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Red), -0.1, 0.1);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Green), 0, 0.05);
        DistributionChecks.AssertUniform(draws.Select(d => (double)d.Blue), 0.2, 0.6);
    }

    [Fact]
    public void NormalShifts_HaveTheirMeansAndDeviations()
    {
        var shift = ChannelShift.Normal([0, 0.5, -1], [0.1, 0.2, 0]);
        var draws = Draw(shift, 5000);
        (double mean, double std) Moments(IEnumerable<float> xs)
        {
            double[] v = [.. xs.Select(x => (double)x)];
            double m = v.Average();
            return (m, Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1)));
        }

        var red = Moments(draws.Select(d => d.Red));
        var green = Moments(draws.Select(d => d.Green));
        Assert.InRange(red.mean, -0.005, 0.005);
        Assert.InRange(red.std, 0.095, 0.105);
        Assert.InRange(green.mean, 0.49, 0.51);
        Assert.InRange(green.std, 0.19, 0.21);
        Assert.All(draws, d => Assert.Equal(-1f, d.Blue));
    }

    [Fact]
    public void Apply_AddsTheOffsets()
    {
        using ImageTensor source = TestImages.Random(3, 3, 5, 6);
        using ImageTensor shifted = ChannelShift.Uniform(0.2).Apply(source.Clone(), new ChannelShiftParams(0.1f, -0.3f, 2f));
        float[] offsets = [0.1f, -0.3f, 2f];
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal(source.Data[i] + offsets[i / source.PlaneLength], shifted.Data[i]);
        }
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("limit", () => ChannelShift.Uniform(-1));
        Assert.Throws<ArgumentOutOfRangeException>("limit", () => ChannelShift.Uniform(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("high", () => ChannelShift.Uniform([0, 0, 0.5], [1, 1, 0.4]));
        Assert.Throws<ArgumentException>("low", () => ChannelShift.Uniform([0, 0], [1, 1]));
        var e = Assert.Throws<ArgumentOutOfRangeException>("std", () => ChannelShift.Normal([0, 0, 0], [0.1, -0.2, 0.1]));
        Assert.Contains("-0.2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>("mean", () => ChannelShift.Normal([0, double.NaN, 0], [0.1, 0.1, 0.1]));
    }

    private static List<ChannelShiftParams> Draw(ChannelShift shift, int count)
    {
        var draws = new List<ChannelShiftParams>(count);
        for (int i = 0; i < count; i++)
        {
            var random = RandomSource.ForSample(21, 0, i);
            draws.Add(shift.Draw(3, new ImageSize(4, 4), ref random));
        }

        return draws;
    }
}
