using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Skia;
using Augment.Tests.Data;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using Augment.Tta;
using Augment.Views;

namespace Augment.Tests.Views;

/// <summary>Multi-view samples through the loader: layouts, view-to-sample mapping, groups of two sizes, test-time crops, determinism.</summary>
public sealed class MultiViewLoaderTests
{
    internal const ulong Seed = 13;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Images of several sizes (<paramref name="width"/> to <paramref name="width"/> + 8 wide, 20 or 26 high).</summary>
    internal static InMemorySource Source(int count, int width = 24) =>
        new(Enumerable.Range(0, count).Select(i => InMemorySample.FromBytes(DataFixtures.Image(i, width: width + (i % 3 * 4), height: 20 + (i % 2 * 6)), i % 4, $"img{i}")));

    internal static DataLoader Loader(InMemorySource source, IReadOnlyList<ViewGroup> views, ViewLayout layout = ViewLayout.SampleMajor, int workers = 2, bool fuse = true, Collator? collator = null) =>
        new(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Shuffle = true, Seed = Seed, Workers = workers, Views = views, ViewLayout = layout, Fuse = fuse, DctScaling = false, Collator = collator });

    [Theory]
    [InlineData(ViewLayout.SampleMajor)]
    [InlineData(ViewLayout.ViewMajor)]
    public void EveryViewIsItsPipelineOnItsOwnStreamInTheRowTheLayoutSays(ViewLayout layout)
    {
        InMemorySource source = Source(7);
        var window = new RandomWindow();
        using DataLoader loader = Loader(source, [ViewGroup.Repeat("pair", window, 2)], layout);
        var decoder = new SkiaImageDecoder();
        int seen = 0;
        foreach (ViewBatch batch in loader.ReadViews(1, Token))
        {
            using (batch)
            {
                ImageBatch pairs = Assert.Single(batch.Groups);
                Assert.Same(pairs, batch["pair"]);
                Assert.Equal(batch.SampleCount * 2, pairs.Count);
                for (int n = 0; n < batch.SampleCount; n++)
                {
                    int index = (int)pairs.Origins[batch.Row(0, n, 0)].Index;
                    using ImageTensor decoded = decoder.Decode(source.Samples[index].Bytes.Span);
                    for (int v = 0; v < 2; v++)
                    {
                        int row = batch.Row(0, n, v);
                        Assert.Equal(layout == ViewLayout.SampleMajor ? (n * 2) + v : (v * batch.SampleCount) + n, row);
                        Assert.Equal(n, batch.SampleOf(0, row));
                        RandomSource stream = RandomSource.ForSample(Seed, 1, index).Fork(0).Fork(v);
                        using ImageTensor expected = window.Apply(decoded.Clone(), ref stream);
                        Assert.True(expected.Data.SequenceEqual(pairs.Slot(row)), $"sample {n} view {v}");
                        Assert.Equal(source.GetLabel(index), pairs.Labels[row]);
                        Assert.Equal(new SampleOrigin(index, source.GetName(index)), pairs.Origins[row]);
                    }

                    Assert.False(pairs.Slot(batch.Row(0, n, 0)).SequenceEqual(pairs.Slot(batch.Row(0, n, 1))), "the two views of a sample are the same");
                    seen++;
                }
            }
        }

        Assert.Equal(7, seen);
    }

    [Fact]
    public void GroupsOfTwoSizesComeAsOneBatchEach()
    {
        InMemorySource source = Source(5);
        ViewGroup global = ViewGroup.Repeat("global", new RandomResizedCrop(16, scale: new(0.4, 1.0)), 2);
        ViewGroup local = ViewGroup.Repeat("local", new RandomResizedCrop(8, scale: new(0.05, 0.4)), 3);
        using DataLoader loader = Loader(source, [global, local], collator: new Collator(classCount: 4));
        Assert.Throws<InvalidOperationException>(() => loader.ReadEpoch(0, Token));
        var samples = new List<long>();
        foreach (ViewBatch batch in loader.ReadViews(0, Token))
        {
            using (batch)
            {
                Assert.Equal([2, 3], batch.Views.Select(v => v.Count));
                Assert.Equal((batch.SampleCount * 2, 16), (batch["global"].Count, batch["global"].Height));
                Assert.Equal((batch.SampleCount * 3, 8), (batch["local"].Count, batch["local"].Width));
                for (int row = 0; row < batch["local"].Count; row++)
                {
                    int n = batch.SampleOf(1, row);
                    Assert.Equal(batch["global"].Origins[batch.Row(0, n, 0)], batch["local"].Origins[row]);
                    Assert.Equal(batch["global"].Labels[batch.Row(0, n, 1)], batch["local"].Labels[row]);
                    Assert.Equal(1f, batch["local"].Targets.Slice(row * 4, 4)[batch["local"].Labels[row]]);
                }

                for (int n = 0; n < batch.SampleCount; n++)
                {
                    samples.Add(batch["global"].Origins[batch.Row(0, n, 0)].Index);
                }
            }
        }

        Assert.Equal(EpochOrder.ForRank(5, true, Seed, 0, 0, 1).Select(i => (long)i), samples);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void TenCropViewsEqualTenCropByHand(bool fuse, bool normalize)
    {
        InMemorySource source = Source(4, width: 30);
        Collator? collator = normalize ? new Collator(mean: [0.4f, 0.5f, 0.6f], std: [0.2f, 0.25f, 0.3f]) : null;
        using DataLoader loader = Loader(source, [ViewGroup.TestTime("tencrop", TestTimeViews.TenCrop(10, 12), before: new Resize(16))], fuse: fuse, collator: collator);
        Assert.Equal(fuse, loader.IsFused);
        var decoder = new SkiaImageDecoder();
        var tenCrop = new TenCrop(10, 12);
        foreach (ImageBatch batch in loader.ReadEpoch(0, Token))
        {
            using (batch)
            {
                Assert.Equal(0, batch.Count % 10);
                for (int n = 0; n < batch.Count / 10; n++)
                {
                    int index = (int)batch.Origins[n * 10].Index;
                    RandomSource unused = default;
                    using ImageTensor resized = new Resize(16).Apply(decoder.Decode(source.Samples[index].Bytes.Span), ref unused);
                    ImageTensor[] views = tenCrop.Apply(resized);
                    for (int v = 0; v < 10; v++)
                    {
                        using ImageTensor view = views[v];
                        using ImageBatch single = (collator ?? new Collator()).Collate([view]);
                        float[] expected = single.Slot(0).ToArray(), actual = batch.Slot((n * 10) + v).ToArray();
                        float worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
                        Assert.True(worst <= (fuse ? 1e-5f : 0f), $"sample {n} view {v}: {worst}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Views that are independent pipelines starting with a resize (SimCLR's, DINO's) are resampled from the decoded
    /// bytes, each on its own stream, as a single fused pipeline is: they equal the unfused views within the resize's
    /// float rounding, in every group and layout. One view that cannot fuse keeps the whole loader unfused.
    /// </summary>
    [Theory]
    [InlineData(ViewLayout.SampleMajor)]
    [InlineData(ViewLayout.ViewMajor)]
    public void IndependentPipelineViewsFuseIntoDecoding(ViewLayout layout)
    {
        InMemorySource source = Source(7, width: 40);
        ViewGroup[] views =
        [
            ViewGroup.Repeat("global", new Compose(new RandomResizedCrop(24, scale: new(0.4, 1.0)), new RandomHorizontalFlip(), Normalize.ImageNet()), 2),
            ViewGroup.Repeat("local", new Compose(new RandomResizedCrop(12, scale: new(0.05, 0.4), interpolation: Interpolation.Bicubic), new RandomVerticalFlip()), 3),
        ];
        using DataLoader fused = Loader(source, views, layout);
        using DataLoader unfused = Loader(source, views, layout, fuse: false);
        Assert.True(fused.IsFused);
        Assert.False(unfused.IsFused);
        float[] expected = ReadAll(unfused), actual = ReadAll(fused);
        Assert.Equal(expected.Length, actual.Length);
        float worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-3f, $"largest difference {worst}");

        using DataLoader mixed = Loader(source, [views[0], ViewGroup.Of("window", new RandomWindow())], layout);
        Assert.False(mixed.IsFused);

        static float[] ReadAll(DataLoader loader)
        {
            var data = new List<float>();
            foreach (ViewBatch batch in loader.ReadViews(1, Token))
            {
                using (batch)
                {
                    data.AddRange(batch.Groups.SelectMany(g => g.Data.ToArray()));
                }
            }

            return [.. data];
        }
    }

    [Fact]
    public void ViewsAreIdenticalAtOneTwoAndEightWorkers()
    {
        InMemorySource source = Source(9);
        ViewGroup[] views = [ViewGroup.Repeat("a", new RandomResizedCrop(12), 2), ViewGroup.Of("b", new RandomWindow(), new Compose(new RandomWindow(), new RandomHorizontalFlip()))];
        var runs = new List<float[]>();
        foreach (int workers in new[] { 1, 2, 8 })
        {
            using DataLoader loader = Loader(source, views, workers: workers);
            var data = new List<float>();
            foreach (ViewBatch batch in loader.ReadViews(2, Token))
            {
                using (batch)
                {
                    data.AddRange(batch.Groups.SelectMany(g => g.Data.ToArray()));
                }
            }

            runs.Add([.. data]);
        }

        Assert.All(runs, run => Assert.True(runs[0].AsSpan().SequenceEqual(run)));
    }

    [Fact]
    public void MisusedViewsAreConfigurationErrors()
    {
        InMemorySource source = Source(4);
        ViewGroup pair = ViewGroup.Repeat("pair", new RandomWindow(), 2);
        var withTransform = Assert.Throws<LoaderConfigurationException>(() => new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { Views = [pair], Transform = new RandomWindow() }));
        Assert.Equal("DataLoaderOptions.Transform", withTransform.Setting);
        var withMixing = Assert.Throws<LoaderConfigurationException>(() => new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions
        {
            Views = [pair], Collator = new Collator(classCount: 4), BatchTransforms = [BatchStage.Of(new Mixup())],
        }));
        Assert.Equal("DataLoaderOptions.BatchTransforms", withMixing.Setting);
        var viewMajorCrops = Assert.Throws<LoaderConfigurationException>(() => Loader(source, [ViewGroup.TestTime("five", TestTimeViews.FiveCrop(8, 8))], ViewLayout.ViewMajor));
        Assert.Equal("DataLoaderOptions.ViewLayout", viewMajorCrops.Setting);
        using DataLoader plain = new(source, new SkiaImageDecoder(), new DataLoaderOptions { Transform = new RandomWindow() });
        Assert.Throws<InvalidOperationException>(() => plain.ReadViews(0, Token));
    }
}
