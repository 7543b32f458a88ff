namespace Augment.Data;

/// <summary>
/// One epoch of one kind of source, the single place that knows it: how the planner lays the epoch out in batches,
/// and, for a batch slot, its own sample's index (the slot's random stream) and the candidates that may fill it
/// (itself, then under <see cref="BadFilePolicy.Skip"/> the following samples).
/// </summary>
internal abstract class EpochLayout
{
    /// <summary>Lays the epoch out: publishes every batch through <see cref="EpochRun.Enqueue"/> (planner thread).</summary>
    public abstract void Plan(EpochRun run);

    /// <summary>How many samples may fill a slot of <paramref name="job"/> (its own first).</summary>
    public abstract int Candidates(BatchJob job);

    /// <summary>The dataset-wide index of the sample slot <paramref name="slot"/> was planned for: its random stream.</summary>
    public abstract long OwnIndex(BatchJob job, int slot);

    /// <summary>
    /// Reads candidate <paramref name="k"/> of slot <paramref name="slot"/>: its name (set first, so that a failure can
    /// name it), then its label, index and encoded bytes (valid until the next call with <paramref name="scratch"/>).
    /// </summary>
    /// <exception cref="Exception">Anything: the file's fault (the caller's file stage).</exception>
    public abstract ReadOnlyMemory<byte> Read(BatchJob job, int slot, int k, ref byte[]? scratch, ref string name, out int label, out long index);

    /// <summary>An epoch of an indexed source: this rank's share of the epoch's permutation, in consecutive batches.</summary>
    public static EpochLayout Indexed(IImageSource source, DataLoaderOptions options, int epoch) =>
        new IndexedLayout(source, EpochOrder.ForRank(source.Count, options.Shuffle, options.Seed, epoch, options.Rank, options.WorldSize), options);

    /// <summary>An epoch of WebDataset shards, planned by a <see cref="ShardPlanner"/>.</summary>
    public static EpochLayout Sharded(WebDatasetSource source) => new ShardLayout(source);

    private sealed class IndexedLayout(IImageSource source, int[] order, DataLoaderOptions options) : EpochLayout
    {
        public override void Plan(EpochRun run)
        {
            int batchSize = options.BatchSize;
            for (int b = 0; b < run.TotalBatches; b++)
            {
                long first = (long)b * batchSize;
                run.Enqueue(b, (int)Math.Min(batchSize, order.Length - first), first);
            }
        }

        public override int Candidates(BatchJob job) => order.Length;

        public override long OwnIndex(BatchJob job, int slot) => order[job.FirstPosition + slot];

        public override ReadOnlyMemory<byte> Read(BatchJob job, int slot, int k, ref byte[]? scratch, ref string name, out int label, out long index)
        {
            int candidate = order[(job.FirstPosition + slot + k) % order.Length];
            name = source.GetName(candidate);
            index = candidate;
            label = source.GetLabel(candidate);
            return source.Read(candidate, ref scratch);
        }
    }

    private sealed class ShardLayout(WebDatasetSource source) : EpochLayout
    {
        public override void Plan(EpochRun run) => new ShardPlanner(run, source).Run();

        public override int Candidates(BatchJob job) => job.Samples!.Length;

        public override long OwnIndex(BatchJob job, int slot) => job.SampleIndices![slot];

        public override ReadOnlyMemory<byte> Read(BatchJob job, int slot, int k, ref byte[]? scratch, ref string name, out int label, out long index)
        {
            int candidate = (slot + k) % job.Samples!.Length;
            WebDatasetSample sample = job.Samples[candidate];
            name = sample.Name;
            index = job.SampleIndices![candidate];
            label = sample.Label ?? -1;
            return sample.Error is null ? sample.Image : throw new InvalidDataException($"The sample is incomplete: {sample.Error}.");
        }
    }
}
