namespace Augment.Data;

/// <summary>
/// Lays out an epoch over WebDataset shards: the shard order is permuted from (seed, epoch) when shuffling,
/// rank <c>r</c> of <c>W</c> takes shards <c>r, r + W, …</c> of it, and this rank's samples are read in that order
/// by one planner thread (so the batches do not depend on the worker count) and grouped into batches that the
/// workers decode in parallel.
/// </summary>
internal sealed class ShardPlanner(EpochRun run)
{
    public void Run()
    {
        WebDatasetSource source = run.Loader.Shards!;
        DataLoaderOptions options = run.Options;
        int[] order = EpochOrder.Permutation(source.Shards.Count, options.Shuffle, options.Seed, run.Epoch);
        int batchSize = options.BatchSize;
        var samples = new List<WebDatasetSample>(batchSize);
        var indices = new List<long>(batchSize);
        int batchIndex = 0;
        long position = 0;
        try
        {
            for (int i = options.Rank; i < order.Length; i += options.WorldSize)
            {
                int shard = order[i];
                try
                {
                    foreach (WebDatasetSample sample in source.ReadShard(shard))
                    {
                        samples.Add(sample);
                        indices.Add(((long)shard << 32) | sample.Ordinal);
                        if (samples.Count == batchSize)
                        {
                            Emit(samples, indices, batchIndex++, position);
                            position += batchSize;
                        }

                        run.Token.ThrowIfCancellationRequested();
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    if (options.BadFiles == BadFilePolicy.Skip)
                    {
                        run.ReportSkipped(new SkippedSample(source.Shards[shard], ex.Message, position + samples.Count));
                        continue;
                    }

                    Emit(samples, indices, batchIndex++, position);
                    run.EnqueueFailure(batchIndex++, new SampleLoadException(source.Shards[shard], ex));
                    return;
                }
            }

            if (samples.Count > 0 && !options.DropLast)
            {
                Emit(samples, indices, batchIndex, position);
            }
        }
        finally
        {
            foreach (WebDatasetSample sample in samples)
            {
                sample.Dispose();
            }
        }
    }

    private void Emit(List<WebDatasetSample> samples, List<long> indices, int batchIndex, long position)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var job = new BatchJob(batchIndex, samples.Count, position, [.. samples], [.. indices]);
        samples.Clear();
        indices.Clear();
        try
        {
            run.Enqueue(job);
        }
        catch
        {
            job.ReleaseSamples();
            throw;
        }
    }
}
