using Augment.Batching;
using Augment.Imaging;

namespace Augment.Data;

/// <summary>One batch being built by the workers: its place in the epoch, its samples and its completion.</summary>
internal sealed class BatchJob
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<ImageBatch> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImageBatch? _batch;
    private int _pending;

    /// <summary>A job for <paramref name="count"/> slots.</summary>
    /// <param name="index">The batch's index in the epoch.</param>
    /// <param name="count">The number of samples.</param>
    /// <param name="firstPosition">The position of slot 0 in this rank's epoch order.</param>
    /// <param name="samples">The WebDataset samples of the slots, or <see langword="null"/> for an indexed source.</param>
    /// <param name="sampleIndices">The dataset-wide index of each WebDataset sample (shard &lt;&lt; 32 | ordinal).</param>
    public BatchJob(int index, int count, long firstPosition, WebDatasetSample[]? samples = null, long[]? sampleIndices = null)
    {
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
        job.Fail(error);
        return job;
    }

    public int Index { get; }

    public int Count { get; }

    public long FirstPosition { get; }

    public WebDatasetSample[]? Samples { get; }

    public long[]? SampleIndices { get; }

    /// <summary>Completes with the finished batch, or faults with the first error.</summary>
    public Task<ImageBatch> Completion => _completion.Task;

    public bool IsFaulted => _completion.Task.IsFaulted;

    /// <summary>Whether the consumer received the batch (it then owns it).</summary>
    public bool HandedOut { get; set; }

    /// <summary>Returns the batch, renting it on first use; later samples must have the same shape.</summary>
    public ImageBatch GetBatch(Collator collator, int channels, ImageSize size, string sampleName)
    {
        lock (_gate)
        {
            if (_batch is null)
            {
                _batch = collator.Rent(Count, channels, size);
            }
            else if (_batch.Channels != channels || _batch.Size != size)
            {
                throw new InvalidOperationException(
                    $"'{sampleName}' came out of the pipeline as {channels}x{size.Height}x{size.Width}, but the batch holds {_batch.Channels}x{_batch.Height}x{_batch.Width} samples: the pipeline must give every image one shape (end it with a crop or a resize to a fixed size).");
            }

            return _batch;
        }
    }

    /// <summary>Marks one slot done; returns whether it was the last.</summary>
    public bool CompleteSlot() => Interlocked.Decrement(ref _pending) == 0;

    /// <summary>The batch, once a slot has rented it.</summary>
    public ImageBatch? RentedBatch
    {
        get
        {
            lock (_gate)
            {
                return _batch;
            }
        }
    }

    /// <summary>Completes the job with its batch (after the last slot); false when it already failed.</summary>
    public bool Succeed() => RentedBatch is { } batch && _completion.TrySetResult(batch);

    /// <summary>Faults the job (the first error wins).</summary>
    public void Fail(Exception error) => _completion.TrySetException(error);

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
                _batch?.Dispose();
                _batch = null;
            }
        }
    }
}
