namespace Augment.Data;

/// <summary>
/// The shards one rank reads during one epoch, in order. Pass 0 is the rank's share of the epoch's shard order
/// (shards <c>r, r + W, …</c> of the permutation drawn from (seed, epoch) when shuffling); with
/// <see cref="DataLoaderOptions.SamplesPerRank"/> the sequence goes on with further passes over the same shards, each
/// in its own order drawn from (seed, epoch, rank, pass), until the planner has enough samples.
/// </summary>
internal sealed class ShardSequence
{
    /// <summary>The most shards a source may have: the shard number takes 24 bits of a sample's index.</summary>
    public const int MaxShards = 1 << 24;

    /// <summary>The most passes a rank may make in one epoch: the pass takes 7 bits of a sample's index.</summary>
    public const int MaxPasses = 1 << 7;

    private readonly int[] _mine;
    private readonly DataLoaderOptions _options;
    private readonly int _epoch;

    public ShardSequence(int shardCount, DataLoaderOptions options, int epoch)
    {
        if (shardCount > MaxShards)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, $"A WebDataset source may have at most {MaxShards} shards.");
        }

        int[] order = EpochOrder.Permutation(shardCount, options.Shuffle, options.Seed, epoch);
        var mine = new List<int>();
        for (int i = options.Rank; i < order.Length; i += options.WorldSize)
        {
            mine.Add(order[i]);
        }

        _mine = [.. mine];
        _options = options;
        _epoch = epoch;
        Count = options.SamplesPerRank is null ? _mine.Length : (long)_mine.Length * MaxPasses;
    }

    /// <summary>The shards of one pass.</summary>
    public int ShardsPerPass => _mine.Length;

    /// <summary>The length of the sequence: one pass, or as many as an epoch may need.</summary>
    public long Count { get; }

    /// <summary>The pass and shard at position <paramref name="j"/>.</summary>
    public (int Pass, int Shard) this[long j]
    {
        get
        {
            int pass = (int)(j / _mine.Length);
            int at = (int)(j % _mine.Length);
            if (pass == 0 || !_options.Shuffle)
            {
                return (pass, _mine[at]);
            }

            // A later pass: the same shards in a new order. Cheap (a rank holds few shards), so recomputed per call.
            int[] order = [.. _mine];
            EpochOrder.ShardStream(_options.Seed, _epoch, _options.Rank, pass).Shuffle(order.AsSpan());
            return (pass, order[at]);
        }
    }

    /// <summary>The dataset-wide index of a sample: its random stream and its <see cref="Batching.SampleOrigin.Index"/>.</summary>
    public static long SampleIndex(int pass, int shard, long ordinal) => ((long)pass << 56) | ((long)shard << 32) | ordinal;
}
