using Augment.Data;

namespace Augment.Tests.Data;

public sealed class EpochOrderTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 3)]
    [InlineData(12, 4)]
    [InlineData(13, 4)]
    [InlineData(3, 5)]
    public void RanksGetDisjointEqualShardsCoveringEverySample(int count, int worldSize)
    {
        int perRank = (count + worldSize - 1) / worldSize;
        var seen = new int[count];
        for (int rank = 0; rank < worldSize; rank++)
        {
            int[] indices = EpochOrder.ForRank(count, shuffle: true, seed: 7, epoch: 2, rank, worldSize);
            Assert.Equal(perRank, indices.Length);
            foreach (int i in indices)
            {
                seen[i]++;
            }
        }

        // Every sample at least once; exactly (W * ceil(n / W) - n) extra visits, the padding by repetition.
        Assert.All(seen, s => Assert.True(s >= 1));
        Assert.Equal((perRank * worldSize) - count, seen.Sum() - count);
        if (worldSize <= count)
        {
            Assert.All(seen, s => Assert.True(s <= 2));
        }
    }

    [Fact]
    public void PaddingRepeatsTheStartOfThePermutationAsDistributedSamplerDoes()
    {
        int[] permutation = EpochOrder.Permutation(10, shuffle: true, seed: 3, epoch: 1);
        int[] rank2 = EpochOrder.ForRank(10, shuffle: true, seed: 3, epoch: 1, rank: 2, worldSize: 4);

        // padded = perm + perm[:2]; rank 2 takes padded[2::4] = perm[2], perm[6], perm[0].
        Assert.Equal([permutation[2], permutation[6], permutation[0]], rank2);
    }

    [Fact]
    public void PermutationDependsOnSeedAndEpochOnly()
    {
        int[] a = EpochOrder.Permutation(50, true, 11, 0);
        Assert.Equal(a, EpochOrder.Permutation(50, true, 11, 0));
        Assert.NotEqual(a, EpochOrder.Permutation(50, true, 11, 1));
        Assert.NotEqual(a, EpochOrder.Permutation(50, true, 12, 0));
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
        Assert.Equal(Enumerable.Range(0, 50), EpochOrder.Permutation(50, false, 11, 0));
    }

    [Fact]
    public void InvalidRanksAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochOrder.ForRank(10, false, 0, 0, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochOrder.ForRank(10, false, 0, 0, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochOrder.ForRank(10, false, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochOrder.ForRank(0, false, 0, 0, 0, 1));
    }
}
