using Augment.Randomness;

namespace Augment.Data;

/// <summary>
/// The order in which one process visits a dataset during one epoch: a permutation drawn from (seed, epoch),
/// split into disjoint equal shards across the processes of a distributed run as PyTorch's
/// <c>DistributedSampler</c> does.
/// </summary>
/// <remarks>
/// With <c>n</c> samples and <c>W</c> processes each rank gets <c>ceil(n / W)</c> indices: the permutation is
/// padded by repeating its first indices (cyclically when <c>W &gt; n</c>) to <c>W * ceil(n / W)</c>, and rank
/// <c>r</c> takes positions <c>r, r + W, r + 2W, …</c>. Every sample is therefore seen at least once per epoch
/// across the ranks, and exactly <c>W * ceil(n / W) - n</c> samples twice.
/// </remarks>
public static class EpochOrder
{
    /// <summary>Returns the dataset indices rank <paramref name="rank"/> visits during <paramref name="epoch"/>.</summary>
    /// <param name="count">The dataset's size, positive.</param>
    /// <param name="shuffle">Whether to permute the samples; <see langword="false"/> keeps index order.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="epoch">The epoch.</param>
    /// <param name="rank">This process's rank, in [0, <paramref name="worldSize"/>).</param>
    /// <param name="worldSize">The number of processes, positive.</param>
    /// <returns>The indices, <c>ceil(count / worldSize)</c> of them.</returns>
    public static int[] ForRank(int count, bool shuffle, ulong seed, int epoch, int rank, int worldSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ValidateRank(rank, worldSize);
        int[] order = Permutation(count, shuffle, seed, epoch);
        int perRank = PerRank(count, worldSize);
        var indices = new int[perRank];
        for (int i = 0; i < perRank; i++)
        {
            long position = rank + ((long)i * worldSize);
            indices[i] = order[(int)(position % count)];
        }

        return indices;
    }

    /// <summary>The number of indices each rank visits per epoch: <c>ceil(count / worldSize)</c>.</summary>
    /// <param name="count">The dataset's size, non-negative.</param>
    /// <param name="worldSize">The number of processes, positive.</param>
    public static int PerRank(int count, int worldSize) => (int)(((long)count + worldSize - 1) / worldSize);

    /// <summary>Returns the permutation of [0, <paramref name="count"/>) for an epoch (identity when not shuffling).</summary>
    /// <param name="count">The number of elements, non-negative.</param>
    /// <param name="shuffle">Whether to permute.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="epoch">The epoch.</param>
    public static int[] Permutation(int count, bool shuffle, ulong seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        if (shuffle)
        {
            RandomSource random = OrderStream(seed, epoch);
            random.Shuffle(order.AsSpan());
        }

        return order;
    }

    /// <summary>Throws unless <paramref name="rank"/> lies in [0, <paramref name="worldSize"/>).</summary>
    /// <param name="rank">The rank.</param>
    /// <param name="worldSize">The number of processes.</param>
    internal static void ValidateRank(int rank, int worldSize)
    {
        if (worldSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(worldSize), worldSize, "The world size must be positive.");
        }

        if (rank < 0 || rank >= worldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"The rank must be in [0, {worldSize}).");
        }
    }

    /// <summary>The stream the epoch's permutation is drawn from: distinct from every sample's and batch's stream.</summary>
    private static RandomSource OrderStream(ulong seed, int epoch) => RandomSource.ForSample(seed, epoch, long.MinValue);

    /// <summary>
    /// The stream of a rank's WebDataset shard order in pass <paramref name="pass"/> &gt; 0 (pass 0 takes its share of
    /// <see cref="Permutation"/>) and of its shuffle buffer (pass -1): distinct from every sample's, batch's and the
    /// epoch permutation's stream.
    /// </summary>
    internal static RandomSource ShardStream(ulong seed, int epoch, int rank, int pass) =>
        RandomSource.ForSample(seed, epoch, long.MinValue + 1 + ((long)rank << 24) + pass + 1);
}
