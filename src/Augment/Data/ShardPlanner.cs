using System.Collections.Concurrent;

namespace Augment.Data;

/// <summary>
/// Lays out an epoch over WebDataset shards. The shard order is permuted from (seed, epoch) when shuffling and
/// rank <c>r</c> of <c>W</c> takes shards <c>r, r + W, …</c> of it. This rank's shards are then split across up to
/// <see cref="MaxReaders"/> reader threads (shard <c>j</c> of the rank's list goes to reader <c>j mod K</c>), each
/// streaming its shards into a small bounded queue, while the planner takes the samples shard by shard in list
/// order and groups them into batches that the workers decode. The batches therefore do not depend on the number of
/// readers or workers.
/// </summary>
internal sealed class ShardPlanner(EpochRun run)
{
    /// <summary>The most reader threads per rank.</summary>
    private const int MaxReaders = 4;

    public void Run()
    {
        WebDatasetSource source = run.Loader.Shards!;
        DataLoaderOptions options = run.Options;
        int[] order = EpochOrder.Permutation(source.Shards.Count, options.Shuffle, options.Seed, run.Epoch);
        var mine = new List<int>();
        for (int i = options.Rank; i < order.Length; i += options.WorldSize)
        {
            mine.Add(order[i]);
        }

        int readerCount = Math.Clamp(Math.Min(options.Workers, mine.Count), 1, MaxReaders);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var queues = new BlockingCollection<ShardItem>[readerCount];
        var readers = new Thread[readerCount];
        for (int k = 0; k < readerCount; k++)
        {
            queues[k] = new BlockingCollection<ShardItem>(Math.Max(options.BatchSize, 16));
            int reader = k;
            readers[k] = new Thread(() => Read(source, mine, reader, readerCount, queues[reader], stop.Token)) { IsBackground = true, Name = $"Augment shard reader {k}" };
            readers[k].Start();
        }

        try
        {
            Plan(source, options, mine, queues);
        }
        finally
        {
            stop.Cancel();
            foreach (Thread reader in readers)
            {
                reader.Join();
            }

            foreach (BlockingCollection<ShardItem> queue in queues)
            {
                while (queue.TryTake(out ShardItem item))
                {
                    item.Sample?.Dispose();
                }

                queue.Dispose();
            }
        }
    }

    /// <summary>Reader <paramref name="reader"/>: streams shards reader, reader + K, … of the rank's list, each followed by an end (or error) marker.</summary>
    private static void Read(WebDatasetSource source, List<int> shards, int reader, int readerCount, BlockingCollection<ShardItem> queue, CancellationToken stop)
    {
        try
        {
            for (int j = reader; j < shards.Count; j += readerCount)
            {
                Exception? error = null;
                try
                {
                    foreach (WebDatasetSample sample in source.ReadShard(shards[j]))
                    {
                        try
                        {
                            queue.Add(new ShardItem(sample, null), stop);
                        }
                        catch
                        {
                            sample.Dispose();
                            throw;
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex;
                }

                queue.Add(new ShardItem(null, error), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The planner stopped.
        }
    }

    private void Plan(WebDatasetSource source, DataLoaderOptions options, List<int> mine, BlockingCollection<ShardItem>[] queues)
    {
        int batchSize = options.BatchSize;
        var samples = new List<WebDatasetSample>(batchSize);
        var indices = new List<long>(batchSize);
        int batchIndex = 0;
        long position = 0;
        try
        {
            for (int j = 0; j < mine.Count; j++)
            {
                int shard = mine[j];
                BlockingCollection<ShardItem> queue = queues[j % queues.Length];
                while (true)
                {
                    ShardItem item = queue.Take(run.Token);
                    if (item.Sample is { } sample)
                    {
                        samples.Add(sample);
                        indices.Add(((long)shard << 32) | sample.Ordinal);
                        if (samples.Count == batchSize)
                        {
                            Emit(samples, indices, batchIndex++, position);
                            position += batchSize;
                        }

                        continue;
                    }

                    if (item.Error is { } error)
                    {
                        if (options.BadFiles == BadFilePolicy.Skip && error is InvalidDataException or IOException or UnauthorizedAccessException)
                        {
                            run.ReportSkipped(new SkippedSample(source.Shards[shard], error.Message, position + samples.Count));
                        }
                        else
                        {
                            Emit(samples, indices, batchIndex++, position);
                            run.EnqueueFailure(batchIndex, new SampleLoadException(source.Shards[shard], error));
                            return;
                        }
                    }

                    break;
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

    /// <summary>A sample, or the end of a shard (with the error that ended it early, if any).</summary>
    private readonly record struct ShardItem(WebDatasetSample? Sample, Exception? Error);
}
