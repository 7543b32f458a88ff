using Augment.Batching;
using Augment.Imaging;

namespace Augment.Data;

/// <summary>One batch being built by the workers: its place in the epoch, its samples and its completion.</summary>
/// <remarks>
/// Slots fail independently; the job keeps the error of the lowest failed slot, so the exception a consumer sees
/// names the first bad sample in epoch order whatever the worker count or timing. Slots after a failed one are not
/// run (their outcome cannot matter); slots before it still are.
/// </remarks>
internal sealed class BatchJob
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<ImageBatch[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ImageBatch?[] _batches;
    private Exception? _error;
    private int _errorSlot = int.MaxValue;
    private int _pending;

    /// <summary>A job for <paramref name="count"/> slots.</summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="firstPosition">The position of slot 0 in this rank's epoch order.</param>
    /// <param name="samples">The WebDataset samples of the slots, or <see langword="null"/> for an indexed source.</param>
    /// <param name="sampleIndices">The dataset-wide index of each WebDataset sample (see <see cref="ShardPlanner"/>).</param>
    /// <param name="groups">The number of batches the job fills: 1, or one per view group.</param>
    public BatchJob(int index, int count, long firstPosition, WebDatasetSample[]? samples = null, long[]? sampleIndices = null, int groups = 1)
    {
        _batches = new ImageBatch?[groups];
        Index = index;
        Count = count;
        FirstPosition = firstPosition;
        Samples = samples;
        SampleIndices = sampleIndices;
        _pending = count;
    }

    /// <summary>A job that only carries an error, delivered in order.</summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="error">The error.</param>
    public static BatchJob Failed(int index, Exception error)
    {
        var job = new BatchJob(index, 0, 0);
        job._completion.TrySetException(error);
        return job;
    }

    public int Index { get; }

    public int Count { get; }

    public long FirstPosition { get; }

    public WebDatasetSample[]? Samples { get; }

    public long[]? SampleIndices { get; }

    /// <summary>Completes with the finished batches (one per view group), or faults with the error of the lowest failed slot.</summary>
    public Task<ImageBatch[]> Completion => _completion.Task;

    /// <summary>Whether a slot failed (the job will fault once its last slot is done).</summary>
    public bool HasError => Volatile.Read(ref _errorSlot) != int.MaxValue;

    /// <summary>Whether the consumer received the batch (it then owns it).</summary>
    public bool HandedOut { get; set; }

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

    /// <summary>The batches, once every slot has written (call after the last slot).</summary>
    /// <exception cref="InvalidOperationException">A batch was never rented.</exception>
    public ImageBatch[] Batches()
    {
        lock (_gate)
        {
            var batches = new ImageBatch[_batches.Length];
            for (int g = 0; g < batches.Length; g++)
            {
                batches[g] = _batches[g] ?? throw new InvalidOperationException("A batch finished without any sample written.");
            }

            return batches;
        }
    }

    /// <summary>Completes the job with its batches (after the last slot); false when it has an error.</summary>
    public bool Succeed(ImageBatch[] batches) => !HasError && _completion.TrySetResult(batches);

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

    /// <summary>Faults the job with the recorded error, or with <paramref name="error"/> when no slot failed (after the last slot).</summary>
    public void Fault(Exception? error = null)
    {
        Exception chosen;
        lock (_gate)
        {
            chosen = _error ?? error ?? throw new InvalidOperationException("A batch job faulted without an error.");
        }

        _completion.TrySetException(chosen);
    }

    /// <summary>Returns the WebDataset samples' bytes to the pool.</summary>
    public void ReleaseSamples()
    {
        if (Samples is not null)
        {
            foreach (WebDatasetSample sample in Samples)
            {
                sample.Dispose();
            }
        }
    }

    /// <summary>Returns everything the job holds that the consumer did not receive. Call once the workers are stopped.</summary>
    public void Release()
    {
        ReleaseSamples();
        if (!HandedOut)
        {
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
}
