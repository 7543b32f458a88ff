using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Color;

namespace Augment.Tests.Transforms.Color;

/// <summary>RandomChannelPermutation: uniform over the C! orders, plane copies, replay.</summary>
public sealed class RandomChannelPermutationTests
{
    [Fact]
    public void PermutationsOfThreeChannelsAreUniformOverTheSix()
    {
        var transform = new RandomChannelPermutation();
        var counts = new Dictionary<string, int>();
        const int n = 6000;
        Span<int> order = stackalloc int[3];
        for (int i = 0; i < n; i++)
        {
            var random = RandomSource.ForSample(21, 0, i);
            ChannelPermutationParams p = transform.Draw(3, new ImageSize(4, 4), ref random);
            p.CopyTo(order);
            string key = string.Join(string.Empty, order.ToArray());
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(6, counts.Count);
        Assert.All(counts.Keys, key => Assert.Equal("012", string.Concat(key.Order())));

        // χ² with 5 degrees of freedom: 20.5 is the 0.1% critical value.
        DistributionChecks.AssertUniformCounts(counts.Values, 20.52);
    }

    [Fact]
    public void OutputChannelCCopiesSourceChannelOrderC()
    {
        using ImageTensor source = Augment.Tests.TestImages.Indexed(4, 3, 5);
        var transform = new RandomChannelPermutation();
        var parameters = new ChannelPermutationParams([2, 0, 3, 1]);
        using ImageTensor output = transform.Apply(source.Clone(), parameters);
        int[] expected = [2, 0, 3, 1];
        for (int c = 0; c < 4; c++)
        {
            Assert.True(output.Plane(c).SequenceEqual(source.Plane(expected[c])));
        }
    }

    [Fact]
    public void TheSameStreamGivesTheSameOrderAndTheLogReplaysIt()
    {
        var transform = new RandomChannelPermutation();
        using ImageTensor source = Augment.Tests.TestImages.Random(3, 6, 6, seed: 3);
        for (int i = 0; i < 10; i++)
        {
            var log = new ParameterLog();
            var r1 = RandomSource.ForSample(8, 2, i);
            var r2 = RandomSource.ForSample(8, 2, i);
            using ImageTensor a = transform.Apply(source.Clone(), ref r1, log);
            using ImageTensor b = transform.Apply(source.Clone(), ref r2);
            using ImageTensor replayed = transform.Apply(source.Clone(), log.Get<ChannelPermutationParams>());
            Assert.True(a.Data.SequenceEqual(b.Data));
            Assert.True(a.Data.SequenceEqual(replayed.Data));
        }
    }

    [Fact]
    public void InvalidOrdersAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new ChannelPermutationParams([0, 0, 1]));
        Assert.Throws<ArgumentException>(() => new ChannelPermutationParams([0, 3, 1]));
        using ImageTensor image = ImageTensor.Create(3, 2, 2);
        Assert.Throws<ArgumentException>(() => new RandomChannelPermutation().Apply(image.Clone(), new ChannelPermutationParams([1, 0])));
        var random = RandomSource.FromSeed(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomChannelPermutation().Draw(17, new ImageSize(2, 2), ref random));
    }
}
