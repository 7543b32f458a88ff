using Augment.Batching;
using Augment.Data;
using Augment.Mixing;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Data;

/// <summary>Settings that would train on wrong data are reported as such, naming the setting, before the first batch where they can be.</summary>
public sealed class LoaderConfigurationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Ten samples with labels 0, 1, 2, … 4 (five classes).</summary>
    private static InMemorySource FiveClasses(int width = 24) =>
        new(Enumerable.Range(0, 10).Select(i => InMemorySample.FromBytes(DataFixtures.Image(i, width: width + (i % 2 * 6)), i % 5, $"img{i}")));

    private static DataLoader Loader(IImageSource source, DataLoaderOptions options) => new(source, new SkiaImageDecoder(), options with { Workers = 2 });

    [Fact]
    public void TooFewCollatorClassesAreRefusedUpFront()
    {
        var ex = Assert.Throws<LoaderConfigurationException>(() => Loader(FiveClasses(), new DataLoaderOptions { Collator = new Collator(classCount: 3), Transform = new RandomWindow() }));
        Assert.Equal("DataLoaderOptions.Collator", ex.Setting);
        Assert.Contains("3 classes", ex.Message);
        Assert.Contains("5 classes", ex.Message);
        using DataLoader ok = Loader(FiveClasses(), new DataLoaderOptions { Collator = new Collator(classCount: 5), Transform = new RandomWindow() });
    }

    [Fact]
    public void ALabelOutsideTheCollatorsClassesIsAConfigurationErrorUnderSkipToo()
    {
        // WebDataset labels are only known once read: the batch holding the first such label raises.
        using var tree = new TempTree();
        string shard = Path.Combine(tree.Root, "s.tar");
        DataFixtures.WriteShard(shard, Enumerable.Range(0, 6).Select(i => ($"k{i}", (byte[]?)DataFixtures.Image(i), (string?)(i == 4 ? "7" : "1"))));
        using var loader = new DataLoader(new WebDatasetSource(shard), new SkiaImageDecoder(), new DataLoaderOptions
        {
            BatchSize = 3, Workers = 2, BadFiles = BadFilePolicy.Skip, Collator = new Collator(classCount: 3), Transform = new RandomWindow(),
        });
        var ex = Assert.Throws<LoaderConfigurationException>(() => loader.ReadEpoch(0, Token).ToList().ForEach(b => b.Dispose()));
        Assert.Contains("k4", ex.Message);
        Assert.Contains("label 7", ex.Message);
    }

    [Fact]
    public void BatchMixingWithoutSoftTargetsIsRefused()
    {
        var ex = Assert.Throws<LoaderConfigurationException>(() => Loader(FiveClasses(), new DataLoaderOptions
        {
            Transform = new RandomWindow(), BatchTransforms = [BatchStage.Of(new MixupOrCutMix())],
        }));
        Assert.Equal("DataLoaderOptions.BatchTransforms", ex.Setting);
        Assert.Contains("classCount", ex.Message);
    }

    [Fact]
    public void NormalizingTwiceIsRefused()
    {
        var collator = new Collator(mean: [0.5f, 0.5f, 0.5f], std: [0.2f, 0.2f, 0.2f]);
        ITransform pipeline = new Compose(new RandomWindow(), new RandomApply(Normalize.ImageNet(), 1.0));
        var ex = Assert.Throws<LoaderConfigurationException>(() => Loader(FiveClasses(), new DataLoaderOptions { Transform = pipeline, Collator = collator }));
        Assert.Equal("DataLoaderOptions.Transform", ex.Setting);
        Assert.Contains("normalized twice", ex.Message);
    }

    [Fact]
    public void ChannelCountsThatDisagreeAreRefused()
    {
        var collator = new Collator(mean: [0.5f, 0.5f, 0.5f], std: [0.2f, 0.2f, 0.2f]);
        var ex = Assert.Throws<LoaderConfigurationException>(() => Loader(FiveClasses(), new DataLoaderOptions
        {
            Transform = new Compose(new CenterCrop(16), new Grayscale(1)), Collator = collator,
        }));
        Assert.Contains("1-channel", ex.Message);
        Assert.Contains("normalizes 3 channels", ex.Message);
    }

    [Fact]
    public void APipelineWithoutAFixedSizeIsAConfigurationErrorUnderSkipToo()
    {
        // Images of two widths and a resize of the shorter side: the shapes differ within the first batch.
        using DataLoader loader = Loader(FiveClasses(), new DataLoaderOptions { BatchSize = 4, BadFiles = BadFilePolicy.Skip, Transform = new Resize(16) });
        var ex = Assert.Throws<LoaderConfigurationException>(() => loader.ReadEpoch(0, Token).ToList().ForEach(b => b.Dispose()));
        Assert.Equal("DataLoaderOptions.Transform", ex.Setting);
        Assert.Contains("one shape", ex.Message);
        Assert.Empty(loader.LastEpoch?.Skipped ?? []);
    }

    [Fact]
    public void ShardsAcrossRanksNeedAnEpochLength()
    {
        using var tree = new TempTree();
        string[] shards = [.. Enumerable.Range(0, 4).Select(s => Path.Combine(tree.Root, $"s{s}.tar"))];
        foreach (string shard in shards)
        {
            DataFixtures.WriteShard(shard, [("k", DataFixtures.Image(0), "0")]);
        }

        var ex = Assert.Throws<LoaderConfigurationException>(() => new DataLoader(new WebDatasetSource(shards), new SkiaImageDecoder(), new DataLoaderOptions { WorldSize = 2, Rank = 1 }));
        Assert.Equal("DataLoaderOptions.SamplesPerRank", ex.Setting);
    }

    [Fact]
    public void AnImageFolderListsWhatItsDecoderDecodes()
    {
        using var tree = new TempTree();
        byte[] png = DataFixtures.Image(0);
        foreach (string name in new[] { "a.jpg", "b.jpeg", "c.png", "d.webp", "e.bmp", "f.gif", "g.tif", "h.tiff", "i.ppm", "j.pgm" })
        {
            tree.Write($"cls/{name}", png);
        }

        var decoder = new SkiaImageDecoder();
        var source = new ImageFolderSource(tree.Root, decoder);
        Assert.Equal(["a.jpg", "b.jpeg", "c.png", "d.webp", "e.bmp", "f.gif"], source.Paths.Select(Path.GetFileName));
        Assert.Equal(decoder.FileExtensions, source.Extensions);
    }
}
