using System.Collections.Concurrent;

namespace Augment.Data;

/// <summary>
/// A loader's threads, kept from one epoch to the next: a planner and <see cref="DataLoaderOptions.Workers"/>
/// workers, each worker with its <see cref="SampleWorker"/> scratch (with no workers, the one scratch of the
/// consumer's thread, <see cref="ConsumerWorker"/>). Between epochs they park, waiting for the next
/// <see cref="EpochRun"/>; so their <c>ArrayPool</c> thread-local caches (decode buffers, resampler scratch, tensors)
/// stay warm. The idle <see cref="BatchJob"/>s the threads fill are kept with them, so that a steady stream of
/// batches creates no job (at most the prefetch depth plus one exist). A group serves one run at a time: the run
/// hands it back once every thread has left it.
/// </summary>
internal sealed class WorkerGroup
{
    private readonly object _gate = new();
    private readonly ConcurrentQueue<BatchJob> _idleJobs = new();
    private readonly int _viewGroups;
    private EpochRun? _run;
    private int _generation;
    private bool _stopping;

    /// <summary>Starts the threads (background threads: a loader never disposed does not keep the process alive).</summary>
    /// <param name="workers">The number of worker threads.</param>
    /// <param name="viewGroups">The number of batches each job fills: 1, or one per view group.</param>
    public WorkerGroup(int workers, int viewGroups)
    {
        _viewGroups = viewGroups;
        ConsumerWorker = workers == 0 ? new SampleWorker() : null;
        new Thread(Plan) { IsBackground = true, Name = "Augment loader planner" }.Start();
        for (int i = 0; i < workers; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"Augment loader worker {i}" }.Start();
        }
    }

    /// <summary>
    /// The scratch with which the consumer fills the slots itself when there are no worker threads
    /// (<see cref="DataLoaderOptions.Workers"/> is 0); <see langword="null"/> otherwise. One run at a time uses it.
    /// </summary>
    public SampleWorker? ConsumerWorker { get; }

    /// <summary>Wakes every thread to take part in <paramref name="run"/>. The group must be idle.</summary>
    public void Start(EpochRun run)
    {
        lock (_gate)
        {
            _run = run;
            _generation++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Takes an idle job, or creates one when none is idle (any thread).</summary>
    public BatchJob RentJob() => _idleJobs.TryDequeue(out BatchJob? job) ? job : new BatchJob(_viewGroups);

    /// <summary>Keeps an emptied job (see <see cref="BatchJob.HandOut"/> and <see cref="BatchJob.Release"/>) for reuse (any thread).</summary>
    public void ReturnJob(BatchJob job) => _idleJobs.Enqueue(job);

    /// <summary>Ends the threads once they are parked. The group must be idle.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            _run = null;
            Monitor.PulseAll(_gate);
        }

        ConsumerWorker?.Dispose();
    }

    /// <summary>Parks until a run newer than generation <paramref name="seen"/> starts; <see langword="null"/> when stopping.</summary>
    private EpochRun? Next(ref int seen)
    {
        lock (_gate)
        {
            while (_generation == seen && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            if (_stopping)
            {
                return null;
            }

            seen = _generation;
            return _run;
        }
    }

    private void Plan()
    {
        int seen = 0;
        while (Next(ref seen) is { } run)
        {
            run.Plan();
        }
    }

    private void Work()
    {
        int seen = 0;
        using var worker = new SampleWorker();
        while (Next(ref seen) is { } run)
        {
            run.Work(worker);
        }
    }
}
