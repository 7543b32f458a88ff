using Augment.Batching;
using Augment.Transforms;

namespace Augment.Data;

/// <summary>The settings of a <see cref="DataLoader"/>; validated when the loader is created.</summary>
public sealed record DataLoaderOptions
{
    /// <summary>Samples per batch; positive. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Whether to visit the samples in a per-epoch random order. Indexed sources: a permutation drawn from
    /// (<see cref="Seed"/>, epoch). WebDataset shards: the shard order is permuted, and the samples pass through a
    /// seeded shuffle buffer of <see cref="ShardShuffleBuffer"/> samples. Default <see langword="false"/>.
    /// </summary>
    public bool Shuffle { get; init; }

    /// <summary>
    /// WebDataset shards with <see cref="Shuffle"/>: how many samples the shuffle buffer holds (webdataset's
    /// <c>shuffle(n)</c>). The stream of this rank's shards fills it, then each incoming sample takes the place of
    /// one drawn uniformly from the buffer, and the buffer is drained in random order at the end; draws come from
    /// (<see cref="Seed"/>, epoch, <see cref="Rank"/>), so the order does not depend on the reader or worker counts.
    /// Memory: at most this many encoded samples (their file bytes, e.g. about 110 MB for 1,000 ImageNet JPEGs) are
    /// held. 1 keeps each shard's order. In [1, 1,000,000]; default 1,000.
    /// </summary>
    public int ShardShuffleBuffer { get; init; } = 1000;

    /// <summary>
    /// WebDataset shards: the number of samples each rank reads per epoch (webdataset's <c>with_epoch</c>), so that
    /// every rank yields the same number of batches, as distributed training needs (a rank with more batches waits
    /// forever in its all-reduce). A rank whose shards hold fewer samples starts over on them (a new pass, in a new
    /// shuffled order, each sample with a new random stream); a rank whose shards hold more stops there, and the rest
    /// of its shards wait for a later epoch's order. Required when <see cref="WorldSize"/> &gt; 1; without it (one
    /// process only) an epoch is one pass over the shards. Typically the dataset's size divided by the world size
    /// (see <see cref="WebDatasetSource.CountSamples"/>). Ignored for indexed sources, which split themselves evenly.
    /// </summary>
    public long? SamplesPerRank { get; init; }

    /// <summary>Whether to drop the last batch when it is short. Default <see langword="false"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>The run's seed: with the epoch and a sample's dataset index it fixes that sample's random stream.</summary>
    public ulong Seed { get; init; }

    /// <summary>The first epoch read; change it between epochs with <see cref="DataLoader.Epoch"/>.</summary>
    public int Epoch { get; init; }

    /// <summary>This process's rank in a distributed run, in [0, <see cref="WorldSize"/>).</summary>
    public int Rank { get; init; }

    /// <summary>The number of processes of a distributed run; positive. Default 1.</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>
    /// Worker threads that decode and transform; 0 or more. Default: <see cref="Environment.ProcessorCount"/>. With 0
    /// (PyTorch's <c>num_workers=0</c>) the consumer's own thread loads each batch when it asks for it: no worker
    /// thread runs and none switches in, which suits one core, debugging and profiling. The batches are the same for
    /// every worker count, 0 included.
    /// </summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Batches prepared ahead of the consumer, in [1, 64]; memory use is fixed by it: at most this many batches
    /// (plus those the consumer still holds) exist at once. <see langword="null"/> (the default): enough to keep
    /// every worker busy, <c>max(2, ceil(2 * Workers / BatchSize))</c>.
    /// </summary>
    public int? PrefetchBatches { get; init; }

    /// <summary>The prefetch depth in effect.</summary>
    internal int EffectivePrefetch => PrefetchBatches ?? Math.Clamp((2 * Workers + BatchSize - 1) / BatchSize, 2, 64);

    /// <summary>
    /// Multi-view samples: the view groups every sample yields (SimCLR's two crops, DINO's global and local crops,
    /// test-time ten-crop), each collated into its own (N · V, C, H, W) batch laid out as <see cref="ViewLayout"/>
    /// says, with labels and origins repeated per view. The image is decoded once per sample. Read the batches with
    /// <see cref="DataLoader.ReadViews"/> (or, with one group, as plain batches). Takes the place of
    /// <see cref="Transform"/>, which must then be <see langword="null"/>; batch transforms do not apply.
    /// <see langword="null"/> (the default): one view through <see cref="Transform"/>.
    /// </summary>
    public IReadOnlyList<Views.ViewGroup>? Views { get; init; }

    /// <summary>How each view group's rows are ordered (sample-major by default; test-time groups need it).</summary>
    public Views.ViewLayout ViewLayout { get; init; }

    /// <summary>The pipeline applied to each decoded image (CHW float in [0, 1]); it must yield one shape for every sample. <see langword="null"/>: none.</summary>
    public ITransform? Transform { get; init; }

    /// <summary>
    /// Builds the batches: output normalization, soft targets and label smoothing, and the pool buffers come from.
    /// <see langword="null"/>: a plain collator with a private pool.
    /// </summary>
    public Collator? Collator { get; init; }

    /// <summary>
    /// Batch transforms run, in order, on each finished batch (after the collator's soft targets), drawing from the
    /// batch's stream <c>RandomSource.ForSample(seed, epoch, -1 - (batchIndex * WorldSize + Rank)).Fork(i)</c>.
    /// Empty by default.
    /// </summary>
    public IReadOnlyList<BatchStage> BatchTransforms { get; init; } = [];

    /// <summary>Whether to also convert each finished batch to float16 (<see cref="ImageBatch.ConvertToHalf"/>) on the worker. Default <see langword="false"/>.</summary>
    public bool ConvertToHalf { get; init; }

    /// <summary>What to do with unreadable samples. Default <see cref="BadFilePolicy.Raise"/>.</summary>
    public BadFilePolicy BadFiles { get; init; } = BadFilePolicy.Raise;

    /// <summary>
    /// Receives a <see cref="LoaderProgress"/> after every batch: <see cref="IProgress{T}.Report"/> is called
    /// synchronously on the consumer's thread, as the batch is handed out. Note that <see cref="Progress{T}"/> does
    /// not run its handler there: it posts it to the synchronization context it captured (the thread pool in a
    /// console program), so its handler runs later, on another thread, possibly after the epoch has ended. For reports
    /// in step with the batches implement <see cref="IProgress{T}"/> directly, or use <see cref="ConsoleProgress"/>.
    /// </summary>
    public IProgress<LoaderProgress>? Progress { get; init; }

    /// <summary>
    /// Whether to run a leading Resize/crop/flip/normalize chain of <see cref="Transform"/> as one fused resampling
    /// from the decoded pixels into the batch slot (see <see cref="DataLoader"/>). Default <see langword="true"/>.
    /// </summary>
    public bool Fuse { get; init; } = true;

    /// <summary>
    /// Whether the fused path may let the decoder reduce a JPEG by 1/2, 1/4 or 1/8 while decoding (libjpeg-turbo DCT
    /// scaling), keeping at least the resolution the chain needs. Several times faster on large images, but not
    /// bit-compatible with a full-size decode followed by an antialiased resize (DCT reduction is close to a box
    /// filter). Default <see langword="true"/>; set <see langword="false"/> for torchvision parity.
    /// </summary>
    public bool DctScaling { get; init; } = true;

    /// <summary>The number of batches <paramref name="samples"/> samples make, with <see cref="DropLast"/> applied.</summary>
    internal long BatchesFor(long samples) => DropLast ? samples / BatchSize : (samples + BatchSize - 1) / BatchSize;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (ShardShuffleBuffer is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardShuffleBuffer), ShardShuffleBuffer, "The shuffle buffer must hold between 1 and 1,000,000 samples.");
        }

        if (SamplesPerRank is { } perRank && perRank <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SamplesPerRank), perRank, "The samples per rank must be positive (or null for one pass over the shards).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Workers);
        if (PrefetchBatches is { } prefetch && prefetch is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchBatches), PrefetchBatches, "The prefetch depth must be in [1, 64].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Epoch);
        ArgumentNullException.ThrowIfNull(BatchTransforms);
        for (int i = 0; i < BatchTransforms.Count; i++)
        {
            if (BatchTransforms[i] is null)
            {
                throw new ArgumentNullException(nameof(BatchTransforms), $"Batch transform #{i} is null.");
            }
        }

        if (Views is not null)
        {
            if (Views.Count == 0)
            {
                throw new ArgumentException("Views needs at least one view group (or null for a single view).", nameof(Views));
            }

            for (int g = 0; g < Views.Count; g++)
            {
                if (Views[g] is null)
                {
                    throw new ArgumentNullException(nameof(Views), $"View group #{g} is null.");
                }
            }
        }

        if (!Enum.IsDefined(ViewLayout))
        {
            throw new ArgumentOutOfRangeException(nameof(ViewLayout), ViewLayout, "Unknown view layout.");
        }

        EpochOrder.ValidateRank(Rank, WorldSize);
    }
}
