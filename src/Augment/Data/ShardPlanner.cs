using System.Collections.Concurrent;

namespace Augment.Data;

/// <summary>
/// Lays out an epoch over WebDataset shards. This rank's <see cref="ShardSequence"/> is split across up to
/// <see cref="MaxReaders"/> reader threads (position <c>j</c> of the sequence goes to reader <c>j mod K</c>), each
/// streaming its shards into a small bounded queue, while the planner takes the samples shard by shard in sequence
/// order, passes them through the seeded <see cref="ShuffleBuffer{T}"/> and groups them into batches that the
/// workers decode. The batches therefore do not depend on the number of readers or workers. With
/// <see cref="DataLoaderOptions.SamplesPerRank"/> the planner stops reading at that many samples.
/// </summary>
internal sealed class ShardPlanner(EpochRun run, WebDatasetSource source)
{
    /// <summary>The most reader threads per rank.</summary>
    private const int MaxReaders = 4;

    public void Run()
    {
        DataLoaderOptions options = run.Options;
        var sequence = new ShardSequence(source.Shards.Count, options, run.Epoch);
        int readerCount = Math.Clamp(Math.Min(options.Workers, sequence.ShardsPerPass), 1, MaxReaders);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var queues = new BlockingCollection<ShardItem>[readerCount];
        var readers = new Thread[readerCount];
        for (int k = 0; k < readerCount; k++)
        {
            queues[k] = new BlockingCollection<ShardItem>(Math.Max(options.BatchSize, 16));
            int reader = k;
            readers[k] = new Thread(() => Read(source, sequence, reader, readerCount, queues[reader], stop.Token)) { IsBackground = true, Name = $"Augment shard reader {k}" };
            readers[k].Start();
        }

        var buffer = new ShuffleBuffer<Pending>(options.Shuffle ? options.ShardShuffleBuffer : 1, EpochOrder.ShardStream(options.Seed, run.Epoch, options.Rank, -1));
        var batch = new BatchBuilder(run, options.BatchSize);
        try
        {
            Plan(source, options, sequence, queues, buffer, batch);
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

            foreach (Pending pending in buffer.Items)
            {
                pending.Sample.Dispose();
            }

            buffer.Clear();
            batch.Dispose();
        }
    }

    /// <summary>Reader <paramref name="reader"/>: streams positions reader, reader + K, … of the sequence, each shard followed by an end (or error) marker.</summary>
    private static void Read(WebDatasetSource source, ShardSequence sequence, int reader, int readerCount, BlockingCollection<ShardItem> queue, CancellationToken stop)
    {
        try
        {
            for (long j = reader; j < sequence.Count; j += readerCount)
            {
                Exception? error = null;
                try
                {
                    foreach (WebDatasetSample sample in source.ReadShard(sequence[j].Shard))
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

    private void Plan(WebDatasetSource source, DataLoaderOptions options, ShardSequence sequence, BlockingCollection<ShardItem>[] queues, ShuffleBuffer<Pending> buffer, BatchBuilder batch)
    {
        long wanted = options.SamplesPerRank ?? long.MaxValue;
        long taken = 0;
        bool readAnyThisPass = false;
        for (long j = 0; j < sequence.Count && taken < wanted; j++)
        {
            (int pass, int shard) = sequence[j];
            BlockingCollection<ShardItem> queue = queues[j % queues.Length];
            while (true)
            {
                ShardItem item = queue.Take(run.Token);
                if (item.Sample is { } sample)
                {
                    if (taken == wanted)
                    {
                        // Enough for this epoch: the rest of the shard waits for a later epoch's order.
                        sample.Dispose();
                        continue;
                    }

                    taken++;
                    readAnyThisPass = true;
                    if (buffer.Push(new Pending(sample, ShardSequence.SampleIndex(pass, shard, sample.Ordinal)), out Pending emitted))
                    {
                        batch.Add(emitted);
                    }

                    continue;
                }

                if (item.Error is { } error)
                {
                    if (options.BadFiles != BadFilePolicy.Skip)
                    {
                        while (buffer.TryDrain(out Pending pending))
                        {
                            batch.Add(pending);
                        }

                        batch.Flush();
                        run.EnqueueFailure(batch.NextIndex, new SampleLoadException(source.Shards[shard], error));
                        return;
                    }

                    run.ReportSkipped(new SkippedSample(source.Shards[shard], error.Message, batch.Position));
                }

                break;
            }

            if ((j + 1) % sequence.ShardsPerPass == 0)
            {
                if (!readAnyThisPass)
                {
                    throw new InvalidDataException($"No sample could be read from this rank's {sequence.ShardsPerPass} shard(s) in a whole pass (pass {pass}); every shard is empty or unreadable.");
                }

                readAnyThisPass = false;
            }
        }

        if (options.SamplesPerRank is { } samplesPerRank && taken < samplesPerRank)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.SamplesPerRank",
                $"{samplesPerRank} samples per rank would take more than {ShardSequence.MaxPasses} passes over this rank's {sequence.ShardsPerPass} shard(s), which hold {taken / ShardSequence.MaxPasses} readable samples. " +
                "Set it to about the dataset's size divided by the world size (source.CountSamples() / WorldSize).");
        }

        while (buffer.TryDrain(out Pending pending))
        {
            batch.Add(pending);
        }

        if (!options.DropLast)
        {
            batch.Flush();
        }
    }

    /// <summary>A sample, or the end of a shard (with the error that ended it early, if any).</summary>
    private readonly record struct ShardItem(WebDatasetSample? Sample, Exception? Error);

    /// <summary>A sample on its way into a batch, with its dataset-wide index.</summary>
    private readonly record struct Pending(WebDatasetSample Sample, long Index);

    /// <summary>Groups samples into batches and hands each full one to the run.</summary>
    private sealed class BatchBuilder(EpochRun run, int batchSize) : IDisposable
    {
        private readonly List<WebDatasetSample> _samples = new(Math.Min(batchSize, 4096));
        private readonly List<long> _indices = new(Math.Min(batchSize, 4096));

        /// <summary>The index the next batch gets.</summary>
        public int NextIndex { get; private set; }

        /// <summary>The epoch position of the next sample added.</summary>
        public long Position { get; private set; }

        public void Add(Pending pending)
        {
            _samples.Add(pending.Sample);
            _indices.Add(pending.Index);
            Position++;
            if (_samples.Count == batchSize)
            {
                Flush();
            }
        }

        /// <summary>Hands the samples gathered so far to the run as one batch (nothing when there are none).</summary>
        public void Flush()
        {
            if (_samples.Count == 0)
            {
                return;
            }

            WebDatasetSample[] samples = [.. _samples];
            long[] indices = [.. _indices];
            _samples.Clear();
            _indices.Clear();
            try
            {
                run.Enqueue(NextIndex++, samples.Length, Position - samples.Length, samples, indices);
            }
            catch
            {
                foreach (WebDatasetSample sample in samples)
                {
                    sample.Dispose();
                }

                throw;
            }
        }

        /// <summary>Disposes the samples of a batch never handed over.</summary>
        public void Dispose()
        {
            foreach (WebDatasetSample sample in _samples)
            {
                sample.Dispose();
            }

            _samples.Clear();
        }
    }
}
