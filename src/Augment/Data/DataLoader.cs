using System.Collections;
using System.Runtime.CompilerServices;
using Augment.Batching;
using Augment.Imaging;
using Augment.Views;

namespace Augment.Data;

/// <summary>
/// Reads a dataset as a stream of NCHW batches, decoding and transforming on worker threads: the .NET counterpart
/// of PyTorch's <c>DataLoader</c> with a <c>DistributedSampler</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Epochs.</b> Each plain enumeration (<c>foreach (var batch in loader)</c>, LINQ) reads epoch
/// <see cref="Epoch"/> and advances it by one, as a PyTorch <c>DataLoader</c> over a shuffling sampler draws a new
/// order on every pass; set <see cref="Epoch"/> (or <see cref="DataLoaderOptions.Epoch"/>) to resume at epoch k.
/// <see cref="ReadEpoch"/> and <see cref="ReadEpochAsync"/> read the epoch they are given and leave
/// <see cref="Epoch"/> alone. No path repeats an epoch's order and draws unless asked for that epoch again.
/// </para>
/// <para>
/// <b>Order and determinism.</b> Each epoch visits a permutation drawn from (<see cref="DataLoaderOptions.Seed"/>,
/// epoch), this rank's share of it (see <see cref="EpochOrder"/>), in consecutive batches. Sample <c>i</c> draws its
/// augmentation from <c>RandomSource.ForSample(seed, epoch, i)</c>, so batch contents are bit-identical for the
/// same seed and epoch whatever the number of workers. WebDataset shards are split across ranks, then across up to
/// four reader threads per rank; the planner takes their samples shard by shard in order, through the seeded shuffle
/// buffer (<see cref="DataLoaderOptions.ShardShuffleBuffer"/>), and all workers decode them. The whole contract
/// (epochs, ranks, shuffling, bad files, ownership) is written out in <c>docs/loader.md</c>.
/// </para>
/// <para>
/// <b>Checks.</b> Settings that would train on wrong data throw <see cref="LoaderConfigurationException"/> from the
/// constructor: a collator with fewer classes than the source, batch mixing without soft targets, normalization in
/// both the pipeline and the collator, a pipeline whose output channels differ from the collator's. What only
/// shows on real images (a pipeline that does not give every image one shape, a label outside the collator's
/// classes) throws the same exception from the batch it affects, whatever the bad-file policy.
/// </para>
/// <para>
/// <b>Fast path.</b> When <see cref="DataLoaderOptions.Transform"/> starts with Resize → (Random|Center)Crop →
/// flip → Normalize, or RandomResizedCrop → flip → Normalize (each step after the first optional), the loader
/// draws that chain's parameters through the transforms' own <c>Draw</c>, decodes to 8-bit pixels (with JPEG DCT
/// scaling when <see cref="DataLoaderOptions.DctScaling"/> allows) and resamples once, straight into the batch
/// slot; the rest of the pipeline then runs as usual. Results equal the unfused pipeline's up to float rounding
/// at full-size decode (<see cref="IsFused"/> tells whether it applies).
/// </para>
/// <para>
/// <b>Memory.</b> At most <see cref="DataLoaderOptions.PrefetchBatches"/> batches are being built at once; the
/// consumer owns each batch it receives and must dispose it (its buffers return to the collator's pool).
/// Stopping an enumeration early, or cancelling it, stops the workers within one sample each and returns every
/// buffer not handed out.
/// </para>
/// <para>
/// <b>Threads.</b> The planner and worker threads start with the first epoch and serve every later one, parked in
/// between, so their per-thread scratch and <c>ArrayPool</c> caches stay warm; <see cref="Dispose"/> ends them.
/// They are background threads: a loader never disposed does not keep the process alive, but its parked threads
/// live as long as the process. Reading two epochs at once (interleaving two enumerations) gives the second its own
/// threads, which end with it.
/// </para>
/// </remarks>
public sealed class DataLoader : IEnumerable<ImageBatch>, IDisposable
{
    private readonly Func<int, EpochLayout> _layout = null!;
    private int _epoch;
    private WorkerGroup? _idle;
    private volatile bool _disposed;

    /// <summary>Creates a loader over an indexed dataset (<see cref="ImageFolderSource"/>, <see cref="InMemorySource"/>, …).</summary>
    /// <param name="source">The dataset; at least one sample.</param>
    /// <param name="decoder">The image decoder (e.g. Augment.Skia's).</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The dataset is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="LoaderConfigurationException">The settings would train on wrong data (see the remarks).</exception>
    public DataLoader(IImageSource source, IImageDecoder decoder, DataLoaderOptions? options = null)
        : this(decoder, options)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        if (source.Count == 0)
        {
            throw new ArgumentException("The dataset is empty.", nameof(source));
        }

        LoaderChecks.Source(source, Collator);
        SamplesPerRank = EpochOrder.PerRank(source.Count, Options.WorldSize);
        _layout = epoch => EpochLayout.Indexed(source, Options, epoch);
    }

    /// <summary>Creates a loader over WebDataset shards.</summary>
    /// <param name="source">The shards; at least as many as <see cref="DataLoaderOptions.WorldSize"/>.</param>
    /// <param name="decoder">The image decoder.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">There are fewer shards than ranks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="LoaderConfigurationException">The settings would train on wrong data (see the remarks), or several ranks read shards without <see cref="DataLoaderOptions.SamplesPerRank"/>.</exception>
    public DataLoader(WebDatasetSource source, IImageDecoder decoder, DataLoaderOptions? options = null)
        : this(decoder, options)
    {
        Shards = source ?? throw new ArgumentNullException(nameof(source));
        if (source.Shards.Count < Options.WorldSize)
        {
            throw new ArgumentException($"{source.Shards.Count} shards cannot be split across {Options.WorldSize} ranks: give at least one shard per rank.", nameof(source));
        }

        LoaderChecks.Shards(source, Options);
        SamplesPerRank = Options.SamplesPerRank;
        _layout = _ => EpochLayout.Sharded(source);
    }

    private DataLoader(IImageDecoder decoder, DataLoaderOptions? options)
    {
        Decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        Options = options ?? new DataLoaderOptions();
        Options.Validate();
        Collator = Options.Collator ?? new Collator();
        LoaderChecks.Pipeline(Options, Collator);
        FusedPipeline? fusedViews = Options.Fuse && Options.Views is [{ Prefix: { } prefix }] && FusedPipeline.TryCreate(prefix) is { HasRest: false } fused ? fused : null;
        FusedPipeline[][]? fusedViewPipelines = Options.Fuse && fusedViews is null && Options.Views is { } groups ? FuseViewPipelines(groups) : null;
        Parts = new LoaderParts(Decoder, Collator, Options, Options.Fuse && Options.Views is null ? FusedPipeline.TryCreate(Options.Transform) : null, fusedViews, fusedViewPipelines);
        _epoch = Options.Epoch;
    }

    /// <summary>Raised, on a worker thread, for every sample skipped under <see cref="BadFilePolicy.Skip"/>.</summary>
    public event EventHandler<SkippedSample>? SampleSkipped;

    /// <summary>Raised, on the consumer's thread, when an epoch has been read to its end.</summary>
    public event EventHandler<EpochSummary>? EpochCompleted;

    /// <summary>The settings.</summary>
    public DataLoaderOptions Options { get; }

    /// <summary>The collator that builds the batches (and owns their pool).</summary>
    public Collator Collator { get; }

    /// <summary>The decoder.</summary>
    public IImageDecoder Decoder { get; }

    /// <summary>The indexed dataset, or <see langword="null"/> for WebDataset shards.</summary>
    public IImageSource? Source { get; }

    /// <summary>The WebDataset shards, or <see langword="null"/> for an indexed dataset.</summary>
    public WebDatasetSource? Shards { get; }

    /// <summary>
    /// The epoch the next plain enumeration reads; each plain enumeration advances it by one when it starts. Set it
    /// to resume at an epoch (PyTorch's <c>sampler.set_epoch</c>); non-negative.
    /// </summary>
    public int Epoch
    {
        get => _epoch;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _epoch = value;
        }
    }

    /// <summary>
    /// The number of batches per epoch on this rank: the same on every rank. -1 for WebDataset shards read without
    /// <see cref="DataLoaderOptions.SamplesPerRank"/> (unknown before reading).
    /// </summary>
    public long BatchCount => SamplesPerRank is { } samples ? Options.BatchesFor(samples) : -1;

    /// <summary>The samples this rank reads per epoch, or <see langword="null"/> when unknown before reading.</summary>
    internal long? SamplesPerRank { get; }

    /// <summary>What the workers need from the loader.</summary>
    internal LoaderParts Parts { get; }

    /// <summary>The layout of an epoch of this loader's source.</summary>
    internal EpochLayout Layout(int epoch) => _layout(epoch);

    /// <summary>
    /// Whether the pipeline starts with a chain the loader runs fused (see <see cref="DataLoaderOptions.Fuse"/>), or,
    /// with one view group that has a prefix (test-time views, distinct crops), whether that resize is fused into decoding.
    /// </summary>
    public bool IsFused => Parts.Fused is not null || Parts.FusedViews is not null || Parts.FusedViewPipelines is not null;

    /// <summary>The report of the last epoch read to its end, or <see langword="null"/>.</summary>
    public EpochSummary? LastEpoch { get; private set; }

    /// <summary>Reads epoch <paramref name="epoch"/>, blocking for each batch. Dispose each batch.</summary>
    /// <param name="epoch">The epoch, non-negative.</param>
    /// <param name="cancellation">Stops the workers and ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="SampleLoadException">A sample failed under <see cref="BadFilePolicy.Raise"/>.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public IEnumerable<ImageBatch> ReadEpoch(int epoch, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfSeveralGroups();
        return Iterate(epoch, Single, cancellation);
    }

    /// <summary>Reads epoch <paramref name="epoch"/> asynchronously. Dispose each batch.</summary>
    /// <param name="epoch">The epoch, non-negative.</param>
    /// <param name="cancellation">Stops the workers and ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="SampleLoadException">A sample failed under <see cref="BadFilePolicy.Raise"/>.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public IAsyncEnumerable<ImageBatch> ReadEpochAsync(int epoch, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfSeveralGroups();
        return IterateAsync(epoch, Single, cancellation);
    }

    /// <summary>
    /// Reads epoch <paramref name="epoch"/> of a multi-view loader (<see cref="DataLoaderOptions.Views"/>), blocking for
    /// each batch: per view group an (N · V, C, H, W) batch. Dispose each <see cref="ViewBatch"/>.
    /// </summary>
    /// <param name="epoch">The epoch, non-negative.</param>
    /// <param name="cancellation">Stops the workers and ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidOperationException">The loader has no view groups.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public IEnumerable<ViewBatch> ReadViews(int epoch, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowUnlessViews();
        return Iterate(epoch, Multi, cancellation);
    }

    /// <summary>Reads epoch <paramref name="epoch"/> of a multi-view loader asynchronously. Dispose each <see cref="ViewBatch"/>.</summary>
    /// <param name="epoch">The epoch, non-negative.</param>
    /// <param name="cancellation">Stops the workers and ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidOperationException">The loader has no view groups.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public IAsyncEnumerable<ViewBatch> ReadViewsAsync(int epoch, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowUnlessViews();
        return IterateAsync(epoch, Multi, cancellation);
    }

    /// <summary>Reads epoch <see cref="Epoch"/> and advances <see cref="Epoch"/> by one. Dispose each batch.</summary>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public IEnumerator<ImageBatch> GetEnumerator()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfSeveralGroups();
        int epoch = Interlocked.Increment(ref _epoch) - 1;
        return Iterate(epoch, Single, default).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Ends the loader's threads (at once when parked; an enumeration still running keeps its threads until it
    /// ends). Later reads throw <see cref="ObjectDisposedException"/>. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _idle, null)?.Stop();
    }

    /// <summary>The last epoch run's <see cref="EpochRun.Stopped"/>: tests await it before counting pooled buffers.</summary>
    internal Task LastRunStopped { get; private set; } = Task.CompletedTask;

    internal void OnSampleSkipped(SkippedSample skipped) => SampleSkipped?.Invoke(this, skipped);

    /// <summary>Takes the parked threads for an epoch, or starts a group when they are busy (or not started yet).</summary>
    internal WorkerGroup RentGroup()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Interlocked.Exchange(ref _idle, null) ?? new WorkerGroup(Options.Workers, Options.Views?.Count ?? 1);
    }

    /// <summary>Parks <paramref name="group"/> for the next epoch, or stops it when the loader is disposed or already holds a parked group.</summary>
    internal void ReturnGroup(WorkerGroup group)
    {
        if (_disposed || Interlocked.CompareExchange(ref _idle, group, null) is not null)
        {
            group.Stop();
        }
        else if (_disposed)
        {
            // Dispose ran between the check and the exchange.
            Interlocked.Exchange(ref _idle, null)?.Stop();
        }
    }

    private IEnumerable<T> Iterate<T>(int epoch, Func<ReadOnlySpan<ImageBatch>, T> shape, CancellationToken cancellation)
        where T : class
    {
        Task stopped;
        using (var run = new EpochRun(this, epoch, cancellation))
        {
            LastRunStopped = stopped = run.Stopped;
            while (true)
            {
                T? batch;
                while (!run.TryNext(shape, out batch))
                {
                    run.Wait();
                }

                if (batch is null)
                {
                    break;
                }

                yield return batch;
            }

            LastEpoch = run.Summarize();
        }

        // The threads are leaving the finished epoch; wait for them, so that the next one finds them parked.
        stopped.GetAwaiter().GetResult();
        EpochCompleted?.Invoke(this, LastEpoch);
    }

    private async IAsyncEnumerable<T> IterateAsync<T>(int epoch, Func<ReadOnlySpan<ImageBatch>, T> shape, [EnumeratorCancellation] CancellationToken cancellation)
        where T : class
    {
        Task stopped;
        using (var run = new EpochRun(this, epoch, cancellation))
        {
            LastRunStopped = stopped = run.Stopped;
            while (true)
            {
                T? batch;
                while (!run.TryNext(shape, out batch))
                {
                    await run.WaitAsync().ConfigureAwait(false);
                }

                if (batch is null)
                {
                    break;
                }

                yield return batch;
            }

            LastEpoch = run.Summarize();
        }

        await stopped.ConfigureAwait(false);
        EpochCompleted?.Invoke(this, LastEpoch);
    }

    /// <summary>
    /// The fused leading chain of every view's pipeline, per group, when every group's views are independent pipelines
    /// that all start with a fusable resize; otherwise <see langword="null"/> (the views then run on the decoded image).
    /// </summary>
    private static FusedPipeline[][]? FuseViewPipelines(IReadOnlyList<ViewGroup> groups)
    {
        var fused = new FusedPipeline[groups.Count][];
        for (int g = 0; g < groups.Count; g++)
        {
            if (groups[g].IndependentViews is not { } views)
            {
                return null;
            }

            fused[g] = new FusedPipeline[views.Count];
            for (int v = 0; v < views.Count; v++)
            {
                if (FusedPipeline.TryCreate(views[v]) is not { } chain)
                {
                    return null;
                }

                fused[g][v] = chain;
            }
        }

        return fused;
    }

    /// <summary>The plain batch of a job: its only batch.</summary>
    private static ImageBatch Single(ReadOnlySpan<ImageBatch> batches) => batches[0];

    /// <summary>The multi-view batch of a job, with its own array of the group batches (the one allocation per batch besides the batches).</summary>
    private ViewBatch Multi(ReadOnlySpan<ImageBatch> batches) => new(batches.ToArray(), Options.Views!, Options.ViewLayout, batches[0].Count / Options.Views![0].Count);

    private void ThrowIfSeveralGroups()
    {
        if (Options.Views is { Count: > 1 } views)
        {
            throw new InvalidOperationException($"This loader yields {views.Count} view groups per batch ({string.Join(", ", views.Select(v => v.Name))}): read them with ReadViews(epoch).");
        }
    }

    private void ThrowUnlessViews()
    {
        if (Options.Views is null)
        {
            throw new InvalidOperationException("This loader has no view groups (DataLoaderOptions.Views): read its batches with ReadEpoch(epoch) or foreach.");
        }
    }
}
