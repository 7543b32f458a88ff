using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using Augment.Tta;
using Augment.Views;

namespace Augment.Tests.Data;

/// <summary>Tests that count the process's allocated bytes: run alone, so that no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(AllocationCounting), DisableParallelization = true)]
public sealed class AllocationCounting;

/// <summary>
/// In a steady state the loader allocates nothing per batch besides what it hands to the caller: the
/// <see cref="ImageBatch"/> object (its buffers are pooled), and for a multi-view loader the <see cref="ViewBatch"/>
/// and its array of group batches.
/// </summary>
/// <remarks>
/// The loaders here use a fused pipeline and a decoder that writes into the worker's buffer, neither of which
/// allocates per sample, so every byte counted is the loader's or the caller's. The bound is measured, not
/// hard-coded: the bytes that allocating the caller's objects takes (a warm <see cref="BatchPool.Rent"/> creates only
/// the batch object), plus a slack of <see cref="SlackPerBatch"/> bytes a batch for one-off runtime allocations (a
/// thread-pool thread started, a tiered method rejitted). A single per-batch object of the loader's own (a job, a
/// task, a lock, a state machine box: 24 bytes at the least) breaks it. The collator's pool is filled first with
/// more buffers than can be in flight, so that it need not create one in the measured stretch when the consumer
/// falls behind for a moment.
/// </remarks>
[Collection(nameof(AllocationCounting))]
public sealed class LoaderAllocationTests
{
    private const int BatchSize = 4;
    private const int WarmUpBatches = 40;
    private const int MeasuredBatches = 200;
    private const int SlackPerBatch = 16;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void ReadEpochAllocatesOnlyTheBatchObject(int workers)
    {
        using DataLoader loader = Loader(workers, out Collator collator);
        FillPool(collator, BatchSize, new ImageSize(10, 10));
        long measured = Measure(loader.ReadEpoch(0, Token));
        Assert.InRange(measured, 0, Bound(BatchObjects(collator)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public async Task ReadEpochAsyncAllocatesOnlyTheBatchObject(int workers)
    {
        using DataLoader loader = Loader(workers, out Collator collator);
        FillPool(collator, BatchSize, new ImageSize(10, 10));
        long measured = await MeasureAsync(loader.ReadEpochAsync(0, Token));
        Assert.InRange(measured, 0, Bound(BatchObjects(collator)));
    }

    [Fact]
    public void ReadViewsAllocatesOnlyTheViewBatchItsArrayAndTheBatchObject()
    {
        IReadOnlyList<ViewGroup> views = [ViewGroup.TestTime("tta", TestTimeViews.FiveCrop(8, 8), before: new Resize(12))];
        var collator = new Collator();
        using var loader = new DataLoader(Source(), new PatternDecoder(), Options(collator) with { Views = views });
        Assert.True(loader.IsFused);
        FillPool(collator, BatchSize * 5, new ImageSize(8, 8));
        long measured = Measure(loader.ReadViews(0, Token));

        long calibration = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < MeasuredBatches; i++)
        {
            GC.KeepAlive(new ViewBatch(new ImageBatch[views.Count], views, ViewLayout.SampleMajor, BatchSize));
        }

        long viewBatches = GC.GetTotalAllocatedBytes(precise: true) - calibration;
        Assert.InRange(measured, 0, Bound(viewBatches + BatchObjects(collator)));
    }

    /// <summary>The bytes allowed for <see cref="MeasuredBatches"/> batches whose caller's objects take <paramref name="callerObjects"/>.</summary>
    private static long Bound(long callerObjects) => callerObjects + ((long)SlackPerBatch * MeasuredBatches);

    /// <summary>Leaves more idle buffers for batches of <paramref name="rows"/> x 3 x <paramref name="size"/> in the pool than the loader can hold at once (its prefetch, the consumer's batch and one more).</summary>
    private static void FillPool(Collator collator, int rows, ImageSize size)
    {
        ImageBatch[] batches = [.. Enumerable.Range(0, 8).Select(_ => collator.Pool.Rent(rows, 3, size))];
        foreach (ImageBatch batch in batches)
        {
            batch.Dispose();
        }
    }

    /// <summary>The bytes <see cref="MeasuredBatches"/> batch objects take: rented from the warm pool, so without buffers.</summary>
    private static long BatchObjects(Collator collator)
    {
        long start = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < MeasuredBatches; i++)
        {
            collator.Pool.Rent(BatchSize, 3, new ImageSize(10, 10)).Dispose();
        }

        return GC.GetTotalAllocatedBytes(precise: true) - start;
    }

    /// <summary>The bytes allocated while the consumer takes <see cref="MeasuredBatches"/> batches after the warm-up.</summary>
    private static long Measure<T>(IEnumerable<T> batches)
        where T : IDisposable
    {
        var window = new Window();
        foreach (T batch in batches)
        {
            batch.Dispose();
            window.Took();
        }

        return window.Allocated();
    }

    /// <summary>As <see cref="Measure"/>, asynchronously.</summary>
    private static async Task<long> MeasureAsync<T>(IAsyncEnumerable<T> batches)
        where T : IDisposable
    {
        var window = new Window();
        await foreach (T batch in batches)
        {
            batch.Dispose();
            window.Took();
        }

        return window.Allocated();
    }

    private static DataLoader Loader(int workers, out Collator collator)
    {
        collator = new Collator();
        var loader = new DataLoader(Source(), new PatternDecoder(), Options(collator) with { Workers = workers, Transform = new Compose(new Resize(12), new CenterCrop(10)) });
        Assert.True(loader.IsFused);
        return loader;
    }

    /// <summary>One worker, so that the consumer waits for almost every batch: the path under test (some tests fill the batches on the consumer's thread instead).</summary>
    private static DataLoaderOptions Options(Collator collator) =>
        new() { BatchSize = BatchSize, Workers = 1, Shuffle = true, Seed = 5, DctScaling = false, Collator = collator };

    /// <summary>
    /// Enough samples for the warm-up and the measured batches (see <see cref="PatternDecoder"/>), all of one size:
    /// the resampler builds a kernel map the first time it meets a size, which a warm-up may not cover otherwise.
    /// </summary>
    private static InMemorySource Source() =>
        new(Enumerable.Range(0, BatchSize * (WarmUpBatches + MeasuredBatches + 10))
            .Select(i => InMemorySample.FromBytes(new byte[] { 15, 18, (byte)i }, i % 4, $"s{i}")));

    /// <summary>
    /// A decoder of a made-up format that allocates nothing when it decodes into a kept buffer: three bytes, the
    /// height, the width and a seed, give an RGBA image whose bytes follow from the seed.
    /// </summary>
    private sealed class PatternDecoder : IImageDecoder
    {
        public IReadOnlyList<string> FileExtensions { get; } = [".pattern"];

        public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null) =>
            new(encoded[1], encoded[0], "pattern", new ImageSize(encoded[0], encoded[1]));

        public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
        {
            using PixelBuffer pixels = DecodePixels(encoded, null, sourceName);
            return pixels.ToTensor();
        }

        public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null)
        {
            PixelBuffer pixels = PixelBuffer.Rent(1, 1, PixelLayout.Rgba32);
            DecodePixelsInto(encoded, pixels, minimumSize, sourceName);
            return pixels;
        }

        public void DecodePixelsInto(ReadOnlySpan<byte> encoded, PixelBuffer destination, ImageSize? minimumSize = null, string? sourceName = null)
        {
            destination.Reshape(encoded[1], encoded[0], PixelLayout.Rgba32);
            Span<byte> bytes = destination.Pixels;
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((i * 37) + (encoded[2] * 11));
            }
        }
    }

    /// <summary>Counts the batches taken and the bytes allocated from the end of the warm-up over the measured batches.</summary>
    private sealed class Window
    {
        private long _start;
        private long _allocated = -1;
        private int _taken;

        public void Took()
        {
            _taken++;
            if (_taken == WarmUpBatches)
            {
                _start = GC.GetTotalAllocatedBytes(precise: true);
            }
            else if (_taken == WarmUpBatches + MeasuredBatches)
            {
                _allocated = GC.GetTotalAllocatedBytes(precise: true) - _start;
            }
        }

        public long Allocated()
        {
            Assert.True(_allocated >= 0, $"The epoch yielded {_taken} batches, fewer than the {WarmUpBatches + MeasuredBatches} needed.");
            return _allocated;
        }
    }
}
