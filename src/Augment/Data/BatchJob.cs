using Augment.Batching;
using Augment.Imaging;

namespace Augment.Data;

/// <summary>One batch being built by the workers: its place in the epoch, its samples and its outcome.</summary>
/// <remarks>
/// <para>
/// Slots fail independently; the job keeps the error of the lowest failed slot, so the exception a consumer sees
/// names the first bad sample in epoch order whatever the worker count or timing. Slots after a failed one are not
/// run (their outcome cannot matter); slots before it still are.
/// </para>
/// <para>
/// Jobs are reused from batch to batch (see <see cref="WorkerGroup.RentJob"/>): <see cref="Start"/> readies one for
/// a new batch, <see cref="HandOut"/> or <see cref="Release"/> empties it again. A job is done
/// (<see cref="IsDone"/>) once its last slot has finished; the worker that finished it touches it no more, so the
/// consumer may hand it out and return it to the pool at once.
/// </para>
/// </remarks>
internal sealed class BatchJob
{
    private readonly Lock _gate = new();
    private readonly ImageBatch?[] _batches;
    private Exception? _error;
    private int _errorSlot = int.MaxValue;
    private int _pending;
    private volatile bool _done;

    /// <summary>An idle job that fills <paramref name="groups"/> batches: 1, or one per view group.</summary>
    /// <param name="groups">The number of batches a job fills.</param>
    public BatchJob(int groups) => _batches = new ImageBatch?[groups];

    /// <summary>The batch's index in the epoch.</summary>
    public int Index { get; private set; }

    /// <summary>The number of samples.</summary>
    public int Count { get; private set; }

    /// <summary>The position of slot 0 in this rank's epoch order.</summary>
    public long FirstPosition { get; private set; }

    /// <summary>The WebDataset samples of the slots, or <see langword="null"/> for an indexed source (or once released).</summary>
    public WebDatasetSample[]? Samples { get; private set; }

    /// <summary>The dataset-wide index of each WebDataset sample (see <see cref="ShardPlanner"/>).</summary>
    public long[]? SampleIndices { get; private set; }

    /// <summary>Whether a slot failed (the job will fault once its last slot is done).</summary>
    public bool HasError => Volatile.Read(ref _errorSlot) != int.MaxValue;

    /// <summary>Whether the job is finished: its batches are complete, or it has faulted (see <see cref="Error"/>).</summary>
    public bool IsDone => _done;

    /// <summary>The error the job faulted with, once <see cref="IsDone"/>; <see langword="null"/> when it succeeded.</summary>
    public Exception? Error => _done && HasError ? _error : null;

    /// <summary>Readies an idle job for a batch of <paramref name="count"/> slots.</summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="firstPosition">The position of slot 0 in this rank's epoch order.</param>
    /// <param name="samples">The WebDataset samples of the slots, or <see langword="null"/> for an indexed source.</param>
    /// <param name="sampleIndices">The dataset-wide index of each WebDataset sample.</param>
    public void Start(int index, int count, long firstPosition, WebDatasetSample[]? samples = null, long[]? sampleIndices = null)
    {
        Index = index;
        Count = count;
        FirstPosition = firstPosition;
        Samples = samples;
        SampleIndices = sampleIndices;
        _error = null;
        _errorSlot = int.MaxValue;
        _pending = count;
        _done = false;
    }

    /// <summary>Readies an idle job as one that only carries an error, delivered in order; it is done at once.</summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="error">The error.</param>
    public void StartFailed(int index, Exception error)
    {
        Start(index, 0, 0);
        _errorSlot = 0; // as for a fault after the last slot: see Fault
        _error = error;
        _done = true;
    }

    /// <summary>Whether slot <paramref name="slot"/> still needs running: no slot before it has failed.</summary>
    public bool Wants(int slot) => slot < Volatile.Read(ref _errorSlot);

    /// <summary>Returns the batch of view group <paramref name="group"/> (0 without views), renting it on first use; later samples must have the same shape.</summary>
    /// <param name="collator">The collator that rents it.</param>
    /// <param name="group">The view group.</param>
    /// <param name="rows">Its rows: the samples times the group's views.</param>
    /// <param name="channels">The sample's channel count.</param>
    /// <param name="size">The sample's size.</param>
    /// <param name="sampleName">The sample's name, for the error message.</param>
    /// <exception cref="LoaderConfigurationException">The sample's shape differs from the batch's.</exception>
    public ImageBatch GetBatch(Collator collator, int group, int rows, int channels, ImageSize size, string sampleName)
    {
        lock (_gate)
        {
            ImageBatch? batch = _batches[group];
            if (batch is null)
            {
                _batches[group] = batch = collator.Rent(rows, channels, size);
            }
            else if (batch.Channels != channels || batch.Size != size)
            {
                throw new LoaderConfigurationException(
                    _batches.Length == 1 ? "DataLoaderOptions.Transform" : "DataLoaderOptions.Views",
                    $"'{sampleName}' came out of the pipeline as {channels}x{size.Height}x{size.Width}, but the batch holds {batch.Channels}x{batch.Height}x{batch.Width} " +
                    "samples: the pipeline must give every image one shape. End it with a fixed-size crop or resize (e.g. CenterCrop(224), RandomResizedCrop(224)).");
            }

            return batch;
        }
    }

    /// <summary>Marks one slot done; returns whether it was the last.</summary>
    public bool CompleteSlot() => Interlocked.Decrement(ref _pending) == 0;

    /// <summary>The batches, one per view group, once every slot has written (call after the last slot).</summary>
    /// <exception cref="InvalidOperationException">A batch was never rented.</exception>
    public ReadOnlySpan<ImageBatch> Batches()
    {
        lock (_gate)
        {
            foreach (ImageBatch? batch in _batches)
            {
                if (batch is null)
                {
                    throw new InvalidOperationException("A batch finished without any sample written.");
                }
            }

            return _batches!;
        }
    }

    /// <summary>Marks the job done with its batches (after the last slot; the caller's last use of the job).</summary>
    public void Succeed() => _done = true;

    /// <summary>Records that slot <paramref name="slot"/> failed; the lowest failed slot's error wins.</summary>
    public void Fail(int slot, Exception error)
    {
        lock (_gate)
        {
            if (slot < _errorSlot)
            {
                _errorSlot = slot;
                _error = error;
            }
        }
    }

    /// <summary>
    /// Marks the job done with the recorded error, or with <paramref name="error"/> when no slot failed (after the
    /// last slot; the caller's last use of the job).
    /// </summary>
    public void Fault(Exception? error = null)
    {
        lock (_gate)
        {
            if (_error is null)
            {
                _error = error ?? throw new InvalidOperationException("A batch job faulted without an error.");
                _errorSlot = 0; // no slot failed: the job's error stands for all of them
            }
        }

        _done = true;
    }

    /// <summary>Returns the WebDataset samples' bytes to the pool.</summary>
    public void ReleaseSamples()
    {
        if (Samples is { } samples)
        {
            Samples = null;
            foreach (WebDatasetSample sample in samples)
            {
                sample.Dispose();
            }
        }
    }

    /// <summary>
    /// Gives the finished batches to the consumer, shaped by <paramref name="shape"/>, and empties the job for reuse.
    /// Call once the job succeeded.
    /// </summary>
    /// <typeparam name="T">What the consumer receives.</typeparam>
    /// <param name="shape">Builds it from the batches, one per view group (it then owns them).</param>
    public T HandOut<T>(Func<ReadOnlySpan<ImageBatch>, T> shape)
    {
        T handed = shape(Batches());
        lock (_gate)
        {
            Array.Clear(_batches);
        }

        return handed;
    }

    /// <summary>Returns everything the job holds that the consumer did not receive and empties it for reuse. Call once the workers are stopped.</summary>
    public void Release()
    {
        ReleaseSamples();
        lock (_gate)
        {
            for (int g = 0; g < _batches.Length; g++)
            {
                _batches[g]?.Dispose();
                _batches[g] = null;
            }
        }
    }
}
