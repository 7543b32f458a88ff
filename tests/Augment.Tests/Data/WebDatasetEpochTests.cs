using Augment.Batching;
using Augment.Data;
using Augment.Skia;

namespace Augment.Tests.Data;

/// <summary>WebDataset at scale: samples shuffled inside shards, equal batch counts per rank, shards checked and patterns expanded.</summary>
public sealed class WebDatasetEpochTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Writes shards of the given sizes; sample <c>i</c> of the whole set has label <c>i</c>.</summary>
    private static string[] MakeShards(TempTree tree, params int[] sizes)
    {
        var paths = new string[sizes.Length];
        int label = 0;
        for (int s = 0; s < sizes.Length; s++)
        {
            paths[s] = Path.Combine(tree.Root, $"train-{s:D6}.tar");
            int first = label;
            DataFixtures.WriteShard(paths[s], Enumerable.Range(first, sizes[s]).Select(i => ($"k{i:D4}", (byte[]?)DataFixtures.Image(i % 7), (string?)i.ToString())));
            label += sizes[s];
        }

        return paths;
    }

    private static List<int[]> Batches(DataLoader loader, int epoch)
    {
        var batches = new List<int[]>();
        foreach (ImageBatch batch in loader.ReadEpoch(epoch, Token))
        {
            using (batch)
            {
                batches.Add(batch.Labels.ToArray());
            }
        }

        return batches;
    }

    [Fact]
    public void AClassOrderedShardIsShuffledInsideAndDifferentlyEachEpoch()
    {
        using var tree = new TempTree();
        string[] shard = MakeShards(tree, 27);
        using var loader = new DataLoader(new WebDatasetSource(shard), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 9, Shuffle = true, Seed = 4, Workers = 2, Transform = new RandomWindow() });
        List<int[]> epoch0 = Batches(loader, 0);
        List<int[]> epoch1 = Batches(loader, 1);

        // Labels 0..26 sorted in the shard: a first batch of nine consecutive labels would mean no shuffling.
        Assert.NotEqual(Enumerable.Range(0, 9), epoch0[0]);
        Assert.True(epoch0[0].Max() - epoch0[0].Min() > 9, $"first batch {string.Join(",", epoch0[0])} is not mixed");
        Assert.Equal(Enumerable.Range(0, 27), epoch0.SelectMany(b => b).Order());
        Assert.NotEqual(epoch0.SelectMany(b => b), epoch1.SelectMany(b => b));
        Assert.Equal(Enumerable.Range(0, 27), epoch1.SelectMany(b => b).Order());
    }

    [Fact]
    public void ABufferOfOneKeepsEachShardsOrder()
    {
        using var tree = new TempTree();
        string[] shard = MakeShards(tree, 10);
        using var loader = new DataLoader(new WebDatasetSource(shard), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 5, Shuffle = true, ShardShuffleBuffer = 1, Workers = 2, Transform = new RandomWindow() });
        Assert.Equal(Enumerable.Range(0, 10), Batches(loader, 0).SelectMany(b => b));
    }

    [Fact]
    public void EveryRankYieldsTheSameNumberOfBatchesOverUnevenShards()
    {
        using var tree = new TempTree();
        string[] shards = MakeShards(tree, 5, 9, 2, 7, 3, 11, 4);
        var source = new WebDatasetSource(shards);
        Assert.Equal(41, source.CountSamples());
        long perRank = source.CountSamples() / 3;
        foreach (int epoch in new[] { 0, 1 })
        {
            var counts = new List<int>();
            var sizes = new List<int[]>();
            for (int rank = 0; rank < 3; rank++)
            {
                using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions
                {
                    BatchSize = 4, Shuffle = true, Seed = 9, Rank = rank, WorldSize = 3, SamplesPerRank = perRank, Workers = 2, Transform = new RandomWindow(),
                });
                List<int[]> batches = Batches(loader, epoch);
                Assert.Equal(loader.BatchCount, batches.Count);
                counts.Add(batches.Count);
                sizes.Add([.. batches.Select(b => b.Length)]);
            }

            Assert.All(counts, c => Assert.Equal(4, c)); // ceil(13 / 4)
            Assert.All(sizes, s => Assert.Equal([4, 4, 4, 1], s));
        }
    }

    [Fact]
    public void BatchesAreIdenticalAtOneTwoAndEightWorkers()
    {
        using var tree = new TempTree();
        var source = new WebDatasetSource(MakeShards(tree, 5, 9, 2, 7));
        var results = new List<(int[] Labels, float[] Data)>();
        foreach (int workers in new[] { 1, 2, 8 })
        {
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Shuffle = true, ShardShuffleBuffer = 6, Seed = 2, Workers = workers, Transform = new RandomWindow() });
            var labels = new List<int>();
            var data = new List<float>();
            foreach (ImageBatch batch in loader.ReadEpoch(3, Token))
            {
                using (batch)
                {
                    labels.AddRange(batch.Labels.ToArray());
                    data.AddRange(batch.Data.ToArray());
                }
            }

            results.Add(([.. labels], [.. data]));
        }

        Assert.All(results, r => Assert.Equal(results[0].Labels, r.Labels));
        Assert.All(results, r => Assert.True(results[0].Data.AsSpan().SequenceEqual(r.Data)));
    }

    [Fact]
    public void ARankWithTooFewSamplesStartsAnotherPassWithNewDraws()
    {
        using var tree = new TempTree();
        var source = new WebDatasetSource(MakeShards(tree, 3));
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 7, SamplesPerRank = 7, Workers = 2, Transform = new RandomWindow() });
        ImageBatch batch = Assert.Single(loader.ReadEpoch(0, Token));
        using (batch)
        {
            Assert.Equal([0, 1, 2, 0, 1, 2, 0], batch.Labels.ToArray());
            Assert.NotEqual(batch.Origins[0].Index, batch.Origins[3].Index);

            // The same image in another pass draws another crop.
            Assert.False(batch.Slot(0).SequenceEqual(batch.Slot(3)));
            Assert.Equal(batch.Origins[0].Name, batch.Origins[3].Name);
        }
    }

    [Fact]
    public void MissingShardsAreNamedWhenTheSourceIsCreated()
    {
        using var tree = new TempTree();
        MakeShards(tree, 2, 2);
        var ex = Assert.Throws<FileNotFoundException>(() => new WebDatasetSource(Path.Combine(tree.Root, "trian-{000000..000001}.tar")));
        Assert.Contains("trian-000000.tar", ex.Message);
        Assert.Contains("2 of 2", ex.Message);
    }

    [Fact]
    public void BracePatternsExpandLikeTheWebdatasetTools()
    {
        using var tree = new TempTree();
        string[] shards = MakeShards(tree, 1, 1, 1);
        var source = new WebDatasetSource(Path.Combine(tree.Root, "train-{000000..000002}.tar"));
        Assert.Equal(shards, source.Shards);
        Assert.Equal([shards[2], shards[0]], new WebDatasetSource(Path.Combine(tree.Root, "train-00000{2,0}.tar")).Shards);
        Assert.Throws<ArgumentException>(() => new WebDatasetSource(Path.Combine(tree.Root, "train-{000000..000002.tar")));
        Assert.Throws<ArgumentException>(() => new WebDatasetSource(Path.Combine(tree.Root, "train-{a..c}.tar")));
    }
}
