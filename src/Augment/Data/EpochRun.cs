using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Augment.Batching;
using Augment.Randomness;

namespace Augment.Data;

/// <summary>
/// One epoch in flight: a planner thread that lays out the batches (bounded by the prefetch depth), worker threads
/// that fill their slots, and the consumer side that hands the finished batches out in order. The threads are a
/// <see cref="WorkerGroup"/> rented from the loader for the epoch and handed back when the last of them leaves.
/// </summary>
internal sealed class EpochRun : IDisposable
{
    private readonly DataLoader _loader;
    private readonly CancellationTokenSource _cancellation;
    private readonly SemaphoreSlim _permits;
    private readonly BlockingCollection<SlotTask> _slots = new(new ConcurrentQueue<SlotTask>());
    private readonly Channel<BatchJob> _ready = Channel.CreateUnbounded<BatchJob>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentBag<SkippedSample> _skipped = [];
    private readonly WorkerGroup _group;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BatchJob? _current;
    private int _participants;
    private int _queueDepth;
    private int _skippedCount;
    private long _batches;
    private long _images;
    private bool _disposed;

    public EpochRun(DataLoader loader, int epoch, CancellationToken cancellation)
    {
        _group = loader.RentGroup();
        _loader = loader;
        Epoch = epoch;
        Parts = loader.Parts;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _permits = new SemaphoreSlim(Options.EffectivePrefetch, Options.EffectivePrefetch);
        Token = _cancellation.Token;
        Layout = loader.Layout(epoch);
        TotalBatches = loader.BatchCount;

        _participants = Options.Workers + 2; // the workers, the planner and the consumer
        _group.Start(this);
    }

    public int Epoch { get; }

    public DataLoaderOptions Options => Parts.Options;

    /// <summary>What the workers need from the loader.</summary>
    public LoaderParts Parts { get; }

    /// <summary>The epoch's order, batches and slot lookup, for either kind of source.</summary>
    public EpochLayout Layout { get; }

    public long TotalBatches { get; }

    /// <summary>The batches each job fills: one per view group, or one.</summary>
    public int GroupCount => Options.Views?.Count ?? 1;

    public CancellationToken Token { get; }

    /// <summary>
    /// Completes once every thread has left the epoch (the group is back with the loader) and every buffer not
    /// handed out is back in its pool.
    /// </summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Waits for the next batches in order (one per view group); <see langword="null"/> at the end of the epoch.</summary>
    public async ValueTask<ImageBatch[]?> NextAsync(CancellationToken cancellation)
    {
        if (!await _ready.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false) || !_ready.Reader.TryRead(out BatchJob? job))
        {
            return null;
        }

        _current = job;
        ImageBatch[] batches = await job.Completion.WaitAsync(cancellation).ConfigureAwait(false);
        return HandOut(job, batches);
    }

    /// <summary>Blocks for the next batches in order; <see langword="null"/> at the end of the epoch.</summary>
    public ImageBatch[]? Next(CancellationToken cancellation)
    {
        ValueTask<ImageBatch[]?> next = NextAsync(cancellation);
        return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The epoch's report; call after the last batch.</summary>
    public EpochSummary Summarize()
    {
        SkippedSample[] skipped = [.. _skipped];
        Array.Sort(skipped, static (a, b) => a.Position.CompareTo(b.Position));
        return new EpochSummary(Epoch, _batches, _images, skipped, _clock.Elapsed);
    }

    /// <summary>Records a skipped sample and raises the loader's event (on the calling worker thread).</summary>
    public void ReportSkipped(SkippedSample skipped)
    {
        _skipped.Add(skipped);
        Interlocked.Increment(ref _skippedCount);
        _loader.OnSampleSkipped(skipped);
    }

    /// <summary>Called by the worker that finished a job's last slot.</summary>
    public void Finish(BatchJob job)
    {
        job.ReleaseSamples();
        if (job.HasError)
        {
            job.Fault();
            return;
        }

        try
        {
            ImageBatch[] batches = job.Batches();
            foreach (ImageBatch batch in batches)
            {
                Parts.Collator.Complete(batch);
            }

            IReadOnlyList<BatchStage> stages = Options.BatchTransforms;
            if (stages.Count > 0)
            {
                RandomSource random = RandomSource.ForSample(Options.Seed, Epoch, -1 - (((long)job.Index * Options.WorldSize) + Options.Rank));
                for (int i = 0; i < stages.Count; i++)
                {
                    RandomSource child = random.Fork(i);
                    stages[i].Apply(batches[0], ref child);
                }
            }

            if (Options.ConvertToHalf)
            {
                foreach (ImageBatch batch in batches)
                {
                    batch.ConvertToHalf();
                }
            }

            Interlocked.Increment(ref _queueDepth);
            if (!job.Succeed(batches))
            {
                Interlocked.Decrement(ref _queueDepth);
            }
        }
        catch (Exception ex)
        {
            job.Fault(ex);
        }
    }

    /// <summary>
    /// Stops the epoch without waiting: the workers finish the sample they are on (they check for cancellation
    /// between samples), and the last thread to leave returns every batch and buffer not handed out.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cancellation.Cancel();
        Leave();
    }

    /// <summary>Called once by each participant as it stops; the last one cleans up.</summary>
    private void Leave()
    {
        if (Interlocked.Decrement(ref _participants) != 0)
        {
            return;
        }

        try
        {
            _loader.ReturnGroup(_group);
            _current?.Release();
            while (_ready.Reader.TryRead(out BatchJob? job))
            {
                job.Release();
            }

            _cancellation.Dispose();
            _permits.Dispose();
            _slots.Dispose();
            _stopped.TrySetResult();
        }
        catch (Exception ex)
        {
            _stopped.TrySetException(ex);
        }
    }

    private ImageBatch[] HandOut(BatchJob job, ImageBatch[] batches)
    {
        job.HandedOut = true;
        _current = null;
        Interlocked.Decrement(ref _queueDepth);
        _permits.Release();
        _batches++;
        _images += job.Count;
        if (Options.Progress is { } progress)
        {
            TimeSpan elapsed = _clock.Elapsed;
            progress.Report(new LoaderProgress(
                Epoch, _batches, TotalBatches, _images, Volatile.Read(ref _skippedCount), _images / Math.Max(elapsed.TotalSeconds, 1e-9), Volatile.Read(ref _queueDepth), elapsed));
        }

        return batches;
    }

    /// <summary>The planner thread's part: lays out the epoch's batches, then leaves.</summary>
    internal void Plan()
    {
        try
        {
            Layout.Plan(this);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            _ready.Writer.TryWrite(BatchJob.Failed(-1, ex));
        }
        finally
        {
            _ready.Writer.TryComplete();
            _slots.CompleteAdding();
            Leave();
        }
    }

    /// <summary>Waits for a free prefetch slot, then publishes the job and its slots (planner thread only).</summary>
    internal void Enqueue(BatchJob job)
    {
        _permits.Wait(Token);
        _ready.Writer.TryWrite(job);
        for (int slot = 0; slot < job.Count; slot++)
        {
            _slots.Add(new SlotTask(job, slot));
        }
    }

    /// <summary>Publishes a job that only carries an error, in order (planner thread only).</summary>
    internal void EnqueueFailure(int index, Exception error)
    {
        _permits.Wait(Token);
        _ready.Writer.TryWrite(BatchJob.Failed(index, error));
    }

    /// <summary>A worker thread's part: fills slots with <paramref name="worker"/> until the epoch ends, then leaves.</summary>
    internal void Work(SampleWorker worker)
    {
        try
        {
            foreach (SlotTask task in _slots.GetConsumingEnumerable(Token))
            {
                worker.Run(this, task.Job, task.Slot);
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Leave();
        }
    }

    private readonly record struct SlotTask(BatchJob Job, int Slot);
}
