using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Augment.Batching;
using Augment.Randomness;

namespace Augment.Data;

/// <summary>
/// One epoch in flight: a planner thread that lays out the batches (bounded by the prefetch depth), worker threads
/// that fill their slots, and the consumer side that hands the finished batches out in order. The threads are a
/// <see cref="WorkerGroup"/> rented from the loader for the epoch and handed back when the last of them leaves.
/// </summary>
/// <remarks>
/// In a steady state a batch allocates nothing here: the jobs come from the group's pool and go back to it when
/// handed out, and the consumer waits on a reused <see cref="ConsumerSignal"/> (blocking or asynchronously), which
/// the epoch's cancellation sets through one registration made when the run starts. The consumer's loop (try, wait,
/// try again) lives in the caller's iterator, so that no per-batch async state machine exists; the consumer
/// receives only what <c>shape</c> builds from the batches.
/// </remarks>
internal sealed class EpochRun : IDisposable
{
    private readonly DataLoader _loader;
    private readonly CancellationToken _consumerCancellation;
    private readonly CancellationTokenSource _cancellation;
    private readonly SemaphoreSlim _permits;
    private readonly BlockingCollection<SlotTask> _slots = new(new ConcurrentQueue<SlotTask>());
    private readonly ConcurrentQueue<BatchJob> _ready = new();
    private readonly ConsumerSignal _signal = new();
    private readonly ConcurrentBag<SkippedSample> _skipped = [];
    private readonly WorkerGroup _group;

    /// <summary>The consumer's own scratch when it fills the slots itself (no worker threads); otherwise <see langword="null"/>.</summary>
    private readonly SampleWorker? _inline;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The job the consumer waits for: the next in order, taken from <see cref="_ready"/>.</summary>
    private BatchJob? _current;

    /// <summary>Whether the planner has published its last job.</summary>
    private volatile bool _planned;

    private int _participants;
    private int _queueDepth;
    private int _skippedCount;
    private long _batches;
    private long _images;
    private bool _disposed;

    /// <summary>Starts epoch <paramref name="epoch"/> of <paramref name="loader"/> on its threads.</summary>
    /// <param name="loader">The loader.</param>
    /// <param name="epoch">The epoch.</param>
    /// <param name="cancellation">The consumer's token: stops the epoch, and ends its wait with <see cref="OperationCanceledException"/>.</param>
    public EpochRun(DataLoader loader, int epoch, CancellationToken cancellation)
    {
        _group = loader.RentGroup();
        _inline = _group.ConsumerWorker;
        _loader = loader;
        Epoch = epoch;
        Parts = loader.Parts;
        _consumerCancellation = cancellation;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _permits = new SemaphoreSlim(Options.EffectivePrefetch, Options.EffectivePrefetch);
        Token = _cancellation.Token;
        Token.UnsafeRegister(static signal => ((ConsumerSignal)signal!).Set(), _signal); // removed when the source is disposed
        Layout = loader.Layout(epoch);
        TotalBatches = loader.BatchCount;

        _participants = Options.Workers + 2; // the workers (if any), the planner and the consumer
        _group.Start(this);
    }

    /// <summary>The epoch number.</summary>
    public int Epoch { get; }

    /// <summary>The loader's settings.</summary>
    public DataLoaderOptions Options => Parts.Options;

    /// <summary>What the workers need from the loader.</summary>
    public LoaderParts Parts { get; }

    /// <summary>The epoch's order, batches and slot lookup, for either kind of source.</summary>
    public EpochLayout Layout { get; }

    /// <summary>The number of batches the epoch yields.</summary>
    public long TotalBatches { get; }

    /// <summary>Cancelled when the consumer's token is, or when the run is disposed: the threads stop.</summary>
    public CancellationToken Token { get; }

    /// <summary>
    /// Completes once every thread has left the epoch (the group is back with the loader) and every buffer not
    /// handed out is back in its pool.
    /// </summary>
    public Task Stopped => _stopped.Task;

    /// <summary>
    /// Takes the next batch in order if it is ready (consumer): true with it, or with <see langword="null"/> at the end
    /// of the epoch; false when it is not ready yet: <see cref="Wait"/> or <see cref="WaitAsync"/>, then try again.
    /// </summary>
    /// <typeparam name="T">What the consumer receives.</typeparam>
    /// <param name="shape">Builds it from the finished batches, one per view group (it then owns them).</param>
    /// <param name="batch">The batch, or <see langword="null"/> at the end of the epoch.</param>
    /// <exception cref="OperationCanceledException">The consumer's token was cancelled.</exception>
    /// <exception cref="Exception">The batch's error (that of its lowest failed slot).</exception>
    public bool TryNext<T>(Func<ReadOnlySpan<ImageBatch>, T> shape, out T? batch)
        where T : class
    {
        batch = null;
        _consumerCancellation.ThrowIfCancellationRequested();
        if (_current is null)
        {
            bool planned = _planned; // read first: a job published before the flag is then still found below
            if (!_ready.TryDequeue(out _current))
            {
                return planned;
            }
        }

        BatchJob job = _current;
        if (_inline is not null)
        {
            FillInline(job, _inline);
        }

        if (!job.IsDone)
        {
            return false;
        }

        if (job.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error); // the job stays current: released with the epoch
        }

        batch = HandOut(job, shape);
        return true;
    }

    /// <summary>
    /// With no worker threads: fills the slots of <paramref name="job"/> that the planner has published, on the
    /// consumer's thread, stopping between samples when the consumer's token is cancelled.
    /// </summary>
    private void FillInline(BatchJob job, SampleWorker worker)
    {
        // The slots come out in the order they were published, and every earlier job is done: the next one is the job's.
        while (!job.IsDone && _slots.TryTake(out SlotTask task))
        {
            _consumerCancellation.ThrowIfCancellationRequested();
            worker.Run(this, task.Job, task.Slot);
        }
    }

    /// <summary>Blocks until something the consumer may be waiting for has happened (see <see cref="TryNext"/>).</summary>
    public void Wait() => _signal.Wait();

    /// <summary>Completes once something the consumer may be waiting for has happened (see <see cref="TryNext"/>).</summary>
    public ValueTask WaitAsync() => _signal.WaitAsync();

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

    /// <summary>Called by the worker that finished a job's last slot; marks the job done and wakes the consumer.</summary>
    public void Finish(BatchJob job)
    {
        Complete(job);
        _signal.Set();
    }

    /// <summary>Completes the job's batches (soft targets, batch stages, half precision), or faults it.</summary>
    private void Complete(BatchJob job)
    {
        job.ReleaseSamples();
        if (job.HasError)
        {
            job.Fault();
            return;
        }

        try
        {
            ReadOnlySpan<ImageBatch> batches = job.Batches();
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
            job.Succeed();
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
            if (_current is { } current)
            {
                _current = null;
                Recycle(current);
            }

            while (_ready.TryDequeue(out BatchJob? job))
            {
                Recycle(job);
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

    /// <summary>Returns a job the consumer will not receive, with everything it holds, to the group's idle jobs (last thread to leave).</summary>
    private void Recycle(BatchJob job)
    {
        job.Release();
        _group.ReturnJob(job);
    }

    /// <summary>Gives the consumer the batches of <paramref name="job"/>, returns the job to the group and reports progress.</summary>
    private T HandOut<T>(BatchJob job, Func<ReadOnlySpan<ImageBatch>, T> shape)
    {
        T handed = job.HandOut(shape);
        int images = job.Count;
        _current = null;
        _group.ReturnJob(job);
        Interlocked.Decrement(ref _queueDepth);
        _permits.Release();
        _batches++;
        _images += images;
        if (Options.Progress is { } progress)
        {
            TimeSpan elapsed = _clock.Elapsed;
            progress.Report(new LoaderProgress(
                Epoch, _batches, TotalBatches, _images, Volatile.Read(ref _skippedCount), _images / Math.Max(elapsed.TotalSeconds, 1e-9), Volatile.Read(ref _queueDepth), elapsed));
        }

        return handed;
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
            BatchJob job = _group.RentJob();
            job.StartFailed(-1, ex);
            _ready.Enqueue(job);
        }
        finally
        {
            _planned = true;
            _signal.Set();
            _slots.CompleteAdding();
            Leave();
        }
    }

    /// <summary>
    /// Waits for a free prefetch slot, then publishes a job for batch <paramref name="index"/> and its slots (planner
    /// thread only). On cancellation it throws before taking <paramref name="samples"/>: the caller still owns them.
    /// A consumer served by worker threads is not woken: the job is not done before its last slot is, and
    /// <see cref="Finish"/> wakes it then. One that fills the slots itself is woken once they are published.
    /// </summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="firstPosition">The position of slot 0 in this rank's epoch order.</param>
    /// <param name="samples">The WebDataset samples of the slots, or <see langword="null"/> for an indexed source.</param>
    /// <param name="sampleIndices">The dataset-wide index of each WebDataset sample.</param>
    internal void Enqueue(int index, int count, long firstPosition, WebDatasetSample[]? samples = null, long[]? sampleIndices = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count); // an empty job would never be done
        _permits.Wait(Token);
        BatchJob job = _group.RentJob();
        job.Start(index, count, firstPosition, samples, sampleIndices);
        _ready.Enqueue(job);
        for (int slot = 0; slot < count; slot++)
        {
            _slots.Add(new SlotTask(job, slot));
        }

        if (_inline is not null)
        {
            _signal.Set();
        }
    }

    /// <summary>Publishes a job that only carries an error, in order (planner thread only).</summary>
    internal void EnqueueFailure(int index, Exception error)
    {
        _permits.Wait(Token);
        BatchJob job = _group.RentJob();
        job.StartFailed(index, error);
        _ready.Enqueue(job);
        _signal.Set();
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
