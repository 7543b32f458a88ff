using Augment.Batching;
using Augment.Data;
using Augment.Skia;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Tests.Data;

public sealed class DataLoaderTests
{
    private static (float[] Data, int[] Labels, int[] Sizes) ReadAll(DataLoader loader, int epoch)
    {
        var data = new List<float>();
        var labels = new List<int>();
        var sizes = new List<int>();
        foreach (ImageBatch batch in loader.ReadEpoch(epoch))
        {
            using (batch)
            {
                data.AddRange(batch.Data.ToArray());
                labels.AddRange(batch.Labels.ToArray());
                sizes.Add(batch.Count);
            }
        }

        return ([.. data], [.. labels], [.. sizes]);
    }

    [Fact]
    public void BatchesAreIdenticalWhateverTheWorkerCount()
    {
        InMemorySource source = DataFixtures.Source(23);
        var results = new List<(float[] Data, int[] Labels, int[] Sizes)>();
        foreach (int workers in new[] { 1, 2, 4, 0 })
        {
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions
            {
                BatchSize = 5, Shuffle = true, Seed = 42, Workers = workers, PrefetchBatches = 3, Transform = new RandomWindow(),
            });
            results.Add(ReadAll(loader, epoch: 1));
        }

        Assert.Equal([5, 5, 5, 5, 3], results[0].Sizes);
        for (int i = 1; i < results.Count; i++)
        {
            Assert.Equal(results[0].Labels, results[i].Labels);
            Assert.True(results[0].Data.AsSpan().SequenceEqual(results[i].Data), $"worker count #{i} changed the pixels");
        }

        // Slot 0 is the first index of the epoch's permutation, transformed with that sample's own stream.
        int first = EpochOrder.ForRank(23, true, 42, 1, 0, 1)[0];
        var random = RandomSource.ForSample(42, 1, first);
        using ImageTensor expected = new RandomWindow().Apply(new SkiaImageDecoder().Decode(DataFixtures.Image(first)), ref random);
        Assert.True(expected.Data.SequenceEqual(results[0].Data.AsSpan(0, expected.Length)));
        Assert.Equal(first % 3, results[0].Labels[0]);
    }

    [Fact]
    public async Task AsyncEnumerationMatchesTheBlockingOne()
    {
        using var loader = new DataLoader(DataFixtures.Source(9), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Shuffle = true, Seed = 5, Workers = 2, Transform = new RandomWindow() });
        var (data, labels, _) = ReadAll(loader, 0);
        var asyncData = new List<float>();
        var asyncLabels = new List<int>();
        await foreach (ImageBatch batch in loader.ReadEpochAsync(0, TestContext.Current.CancellationToken))
        {
            using (batch)
            {
                asyncData.AddRange(batch.Data.ToArray());
                asyncLabels.AddRange(batch.Labels.ToArray());
            }
        }

        Assert.Equal(labels, asyncLabels);
        Assert.Equal(data, asyncData);
        Assert.Equal(3, loader.LastEpoch!.Batches);
    }

    [Fact]
    public async Task BatchTransformsAreDeterministicAcrossWorkerCounts()
    {
        InMemorySource source = DataFixtures.Source(11);
        float[]? data = null;
        float[]? targets = null;
        foreach (int workers in new[] { 1, 3, 0 })
        {
            var collator = new Collator(classCount: 3);
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions
            {
                BatchSize = 4, Workers = workers, Seed = 9, Shuffle = true, Transform = new RandomWindow(), Collator = collator,
                BatchTransforms = [BatchStage.Of(new Augment.Mixing.Mixup(0.8))], ConvertToHalf = true,
            });
            var d = new List<float>();
            var t = new List<float>();
            foreach (ImageBatch batch in loader)
            {
                using (batch)
                {
                    d.AddRange(batch.Data.ToArray());
                    t.AddRange(batch.Targets.ToArray());
                    Assert.Equal(batch.Length, batch.HalfAsTensorSpan().FlattenedLength);
                    for (int n = 0; n < batch.Count; n++)
                    {
                        Assert.Equal(1f, batch.Targets.Slice(n * 3, 3).ToArray().Sum(), 5);
                    }
                }
            }

            data ??= [.. d];
            targets ??= [.. t];
            Assert.Equal(data, d);
            Assert.Equal(targets, t);
            await loader.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Equal(0, collator.Pool.Outstanding);
        }

        // Mixing happened: some soft target is neither 0 nor 1.
        Assert.Contains(targets!, v => v is > 0.01f and < 0.99f);
    }

    [Fact]
    public void DropLastAndDistributedRanksCoverTheDataset()
    {
        InMemorySource source = DataFixtures.Source(10);
        var seen = new List<int>();
        for (int rank = 0; rank < 3; rank++)
        {
            // Each rank gets ceil(10 / 3) = 4 samples; 2 of the 12 visits repeat samples (padding).
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Rank = rank, WorldSize = 3, Workers = 2, Shuffle = true, Seed = 1, Transform = new RandomWindow() });
            Assert.Equal(2, loader.BatchCount);
            var (_, _, sizes) = ReadAll(loader, 0);
            Assert.Equal([3, 1], sizes);
            seen.AddRange(EpochOrder.ForRank(10, true, 1, 0, rank, 3));
        }

        Assert.Equal(Enumerable.Range(0, 10), seen.Distinct().Order());
        using var dropping = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, DropLast = true, Workers = 1, Transform = new RandomWindow() });
        Assert.Equal([3, 3, 3], ReadAll(dropping, 0).Sizes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SkipPolicyReplacesBadFilesAndReportsThem(bool fused)
    {
        using var tree = new TempTree();
        for (int i = 0; i < 10; i++)
        {
            tree.Write($"c{i % 2}/ok{i:D2}.png", DataFixtures.Image(i));
        }

        byte[] good = DataFixtures.Image(99);
        string truncated = tree.Write("c0/bad_truncated.png", good[..(good.Length / 2)]);
        string empty = tree.Write("c1/bad_empty.png", []);
        string corrupt = tree.Write("c1/bad_corrupt.png", [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37))]);
        var source = new ImageFolderSource(tree.Root, new SkiaImageDecoder());
        var events = new System.Collections.Concurrent.ConcurrentBag<string>();
        Augment.Transforms.ITransform transform = fused
            ? new Augment.Transforms.Compose(new Augment.Transforms.Geometry.RandomResizedCrop(12), new Augment.Transforms.Geometry.RandomHorizontalFlip())
            : new RandomWindow();
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = 3, BadFiles = BadFilePolicy.Skip, Transform = transform });
        Assert.Equal(fused, loader.IsFused);
        loader.SampleSkipped += (_, s) => events.Add(s.Name);

        var (_, labels, sizes) = ReadAll(loader, 0);

        Assert.Equal([4, 4, 4, 1], sizes);
        Assert.DoesNotContain(-1, labels);
        string[] expected = [.. new[] { truncated, empty, corrupt }.Order()];
        Assert.Equal(expected, events.Order());
        Assert.Equal(expected, loader.LastEpoch!.Skipped.Select(s => s.Name).Order());
        Assert.All(loader.LastEpoch.Skipped, s => Assert.False(string.IsNullOrEmpty(s.Reason)));
        Assert.Equal(13, loader.LastEpoch.Images);
    }

    [Fact]
    public void RaisePolicyNamesTheFileAndTheCause()
    {
        using var tree = new TempTree();
        tree.Write("a/0.png", DataFixtures.Image(0));
        string bad = tree.Write("a/1.png", [1, 2, 3, 4]);
        using var loader = new DataLoader(new ImageFolderSource(tree.Root, new SkiaImageDecoder()), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 1, Workers = 2 });

        var ex = Assert.Throws<SampleLoadException>(() => ReadAll(loader, 0));
        Assert.Equal(bad, ex.SourceName);
        Assert.Contains(bad, ex.Message);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task CancellationStopsTheWorkersAndReturnsEveryBuffer()
    {
        var collator = new Collator();
        using var loader = new DataLoader(DataFixtures.Source(40), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 2, Workers = 3, PrefetchBatches = 4, Collator = collator, Transform = new RandomWindow() });
        using var cancellation = new CancellationTokenSource();
        int received = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (ImageBatch batch in loader.ReadEpoch(0, cancellation.Token))
            {
                batch.Dispose();
                if (++received == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(3, received);
        await loader.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(0, collator.Pool.Outstanding);

        // A consumer blocked on a slow batch is released at once when cancelled.
        var slowCollator = new Collator();
        using var slow = new DataLoader(DataFixtures.Source(4), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 2, Workers = 1, Collator = slowCollator, Transform = new Sleep(TimeSpan.FromSeconds(3)) });
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => slow.ReadEpoch(0, soon.Token).First());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"cancellation took {watch.Elapsed}");

        // The worker finishes its sample, then the last thread out returns the buffers.
        await slow.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(0, slowCollator.Pool.Outstanding);

        // Leaving early (break) also returns everything.
        foreach (ImageBatch batch in loader.ReadEpoch(1, TestContext.Current.CancellationToken))
        {
            batch.Dispose();
            break;
        }

        await loader.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public void ProgressIsReportedForEveryBatch()
    {
        var reports = new List<LoaderProgress>();
        using var loader = new DataLoader(DataFixtures.Source(7), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Workers = 2, Transform = new RandomWindow(), Progress = new SyncProgress(reports.Add) });
        ReadAll(loader, 0);
        Assert.Equal([1L, 2L, 3L], reports.Select(r => r.Batches));
        Assert.Equal([3L, 6L, 7L], reports.Select(r => r.Images));
        Assert.All(reports, r => Assert.Equal(3, r.TotalBatches));
        Assert.All(reports, r => Assert.True(r.ImagesPerSecond > 0));
    }

    [Fact]
    public void OptionsAreValidated()
    {
        InMemorySource source = DataFixtures.Source(1);
        var decoder = new SkiaImageDecoder();
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(source, decoder, new DataLoaderOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(source, decoder, new DataLoaderOptions { Workers = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(source, decoder, new DataLoaderOptions { PrefetchBatches = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(source, decoder, new DataLoaderOptions { PrefetchBatches = 65 }));
        Assert.Equal(4, new DataLoaderOptions { Workers = 16, BatchSize = 8 }.EffectivePrefetch);
        Assert.Equal(2, new DataLoaderOptions { Workers = 2, BatchSize = 64 }.EffectivePrefetch);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(source, decoder, new DataLoaderOptions { Rank = 1, WorldSize = 1 }));
        Assert.Throws<ArgumentException>(() => new DataLoader(new InMemorySource([]), decoder));
    }

    private sealed class Sleep(TimeSpan duration) : Augment.Transforms.ITransform
    {
        public ImageTensor Apply(ImageTensor image, ref RandomSource random, Augment.Transforms.IParameterRecorder? recorder = null)
        {
            Thread.Sleep(duration);
            return image;
        }
    }

    private sealed class SyncProgress(Action<LoaderProgress> report) : IProgress<LoaderProgress>
    {
        public void Report(LoaderProgress value) => report(value);
    }
}
