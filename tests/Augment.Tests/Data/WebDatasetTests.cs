using System.Text;
using Augment.Batching;
using Augment.Data;
using Augment.Skia;

namespace Augment.Tests.Data;

public sealed class WebDatasetTests
{
    private static string[] MakeShards(TempTree tree, int shards, int perShard)
    {
        var paths = new string[shards];
        for (int s = 0; s < shards; s++)
        {
            paths[s] = Path.Combine(tree.Root, $"shard-{s:D2}.tar");
            DataFixtures.WriteShard(paths[s], Enumerable.Range(0, perShard).Select(i => ($"s{s}/k{i:D3}", (byte[]?)DataFixtures.Image((s * 100) + i), (string?)((s * 10) + i).ToString())));
        }

        return paths;
    }

    [Fact]
    public void MembersAreGroupedByKey()
    {
        using var tree = new TempTree();
        string[] shards = MakeShards(tree, 1, 3);
        var source = new WebDatasetSource(shards);
        var samples = source.ReadShard(0).ToList();
        try
        {
            Assert.Equal(["s0/k000", "s0/k001", "s0/k002"], samples.Select(s => s.Key));
            Assert.Equal([0, 1, 2], samples.Select(s => s.Label!.Value));
            Assert.Equal([0L, 1L, 2L], samples.Select(s => s.Ordinal));
            Assert.All(samples, s => Assert.Null(s.Error));
            Assert.Equal(DataFixtures.Image(1), samples[1].Image.ToArray());
        }
        finally
        {
            samples.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void LoaderStreamsShardsInOrderAndSplitsThemAcrossRanks()
    {
        using var tree = new TempTree();
        var source = new WebDatasetSource(MakeShards(tree, 3, 5));
        var all = new List<int>();
        using var streaming = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = 2, Transform = new RandomWindow() });
        foreach (ImageBatch batch in streaming)
        {
            using (batch)
            {
                all.AddRange(batch.Labels.ToArray());
            }
        }

        Assert.Equal(new[] { 0, 10, 20 }.SelectMany(b => Enumerable.Range(b, 5)), all);

        var perRank = new List<int>();
        for (int rank = 0; rank < 3; rank++)
        {
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = 2, Rank = rank, WorldSize = 3, SamplesPerRank = 5, Shuffle = true, Seed = 3, Transform = new RandomWindow() });
            var labels = new List<int>();
            foreach (ImageBatch batch in loader)
            {
                using (batch)
                {
                    labels.AddRange(batch.Labels.ToArray());
                }
            }

            Assert.Equal(5, labels.Count);
            Assert.Single(labels.Select(l => l / 10).Distinct());
            perRank.AddRange(labels);
        }

        Assert.Equal(all.Order(), perRank.Order());
        Assert.Throws<ArgumentException>(() => new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { Rank = 0, WorldSize = 4, SamplesPerRank = 5 }));
    }

    [Fact]
    public void WorkerCountDoesNotChangeShardBatches()
    {
        using var tree = new TempTree();
        var source = new WebDatasetSource(MakeShards(tree, 2, 5));
        float[]? reference = null;
        foreach (int workers in new[] { 1, 4, 0 })
        {
            var data = new List<float>();
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Workers = workers, Seed = 8, Shuffle = true, Transform = new RandomWindow() });
            foreach (ImageBatch batch in loader)
            {
                using (batch)
                {
                    data.AddRange(batch.Data.ToArray());
                }
            }

            reference ??= [.. data];
            Assert.Equal(reference, data);
        }
    }

    [Fact]
    public void ParallelShardReadersKeepTheOrderAndTheSkipReport()
    {
        using var tree = new TempTree();
        var shards = MakeShards(tree, 5, 3).ToList();
        string huge = Path.Combine(tree.Root, "huge.tar");
        using (var stream = File.Create(huge))
        {
            stream.Write(Header("k.png", 8L << 30));
        }

        shards.Insert(2, huge);
        var source = new WebDatasetSource(shards);
        (int[] Labels, string[] Skipped)? reference = null;
        foreach (int workers in new[] { 1, 2, 4, 0 })
        {
            using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = workers, Shuffle = true, Seed = 5, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow() });
            var labels = new List<int>();
            foreach (ImageBatch batch in loader)
            {
                using (batch)
                {
                    labels.AddRange(batch.Labels.ToArray());
                }
            }

            var result = (labels.ToArray(), loader.LastEpoch!.Skipped.Select(s => s.Name).ToArray());
            Assert.Equal(15, result.Item1.Length);
            Assert.Equal([huge], result.Item2);
            reference ??= result;
            Assert.Equal(reference.Value.Labels, result.Item1);
        }
    }

    [Fact]
    public void IncompleteSamplesAreBadFiles()
    {
        using var tree = new TempTree();
        string path = Path.Combine(tree.Root, "a.tar");
        DataFixtures.WriteShard(path, [("x", DataFixtures.Image(0), "1"), ("y", DataFixtures.Image(1), null), ("z", null, "2"), ("w", DataFixtures.Image(2), "abc")]);
        using var loader = new DataLoader(new WebDatasetSource([path]), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = 2, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow() });
        int[]? labels = null;
        foreach (ImageBatch batch in loader)
        {
            using (batch)
            {
                labels = batch.Labels.ToArray();
            }
        }

        Assert.Equal([1, 1, 1, 1], labels!);
        Assert.Equal([$"{path}:y", $"{path}:z", $"{path}:w"], loader.LastEpoch!.Skipped.Select(s => s.Name));
        Assert.Contains(".cls", loader.LastEpoch.Skipped[0].Reason);
    }

    [Theory]
    [InlineData("../evil.png")]
    [InlineData("/etc/evil.png")]
    [InlineData("a/../../evil.png")]
    [InlineData("ok/\u0001evil.png")]
    [InlineData("..")]
    public void PathTraversalNamesAreRejected(string name)
    {
        using var tree = new TempTree();
        string path = Path.Combine(tree.Root, "evil.tar");
        using (var stream = File.Create(path))
        {
            stream.Write(Header(name, 3));
            stream.Write(new byte[512]);
            stream.Write(new byte[1024]);
        }

        var source = new WebDatasetSource([path]);
        var ex = Assert.Throws<InvalidDataException>(() => source.ReadShard(0).ToList());
        Assert.Contains(path, ex.Message);
        Assert.Contains("evil", ex.Message);

        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { Workers = 1 });
        var loadError = Assert.Throws<SampleLoadException>(() => loader.ToList());
        Assert.Equal(path, loadError.SourceName);
    }

    [Fact]
    public void HugeDeclaredSizesAreRejectedBeforeReading()
    {
        using var tree = new TempTree();
        string good = Path.Combine(tree.Root, "good.tar");
        DataFixtures.WriteShard(good, [("a", DataFixtures.Image(0), "4")]);
        string huge = Path.Combine(tree.Root, "huge.tar");
        using (var stream = File.Create(huge))
        {
            stream.Write(Header("k.png", 8L << 30)); // 8 GiB declared, nothing behind it
            stream.Write(new byte[1024]);
        }

        var source = new WebDatasetSource([huge, good]);
        var ex = Assert.Throws<InvalidDataException>(() => source.ReadShard(0).ToList());
        Assert.Contains("limit", ex.Message);

        // Under the skip policy the bad shard is reported and the good one still read.
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { Workers = 1, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow() });
        var labels = new List<int>();
        foreach (ImageBatch batch in loader)
        {
            using (batch)
            {
                labels.AddRange(batch.Labels.ToArray());
            }
        }

        Assert.Equal([4], labels);
        Assert.Equal(huge, Assert.Single(loader.LastEpoch!.Skipped).Name);
    }

    [Fact]
    public void GarbageIsNotATar()
    {
        using var tree = new TempTree();
        string path = Path.Combine(tree.Root, "junk.tar");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 2048).Select(i => (byte)(i * 31 + 7))]);
        var ex = Assert.Throws<InvalidDataException>(() => new WebDatasetSource([path]).ReadShard(0).ToList());
        Assert.Contains(path, ex.Message);
    }

    /// <summary>A hand-made ustar header, so sizes and names no writer would produce can be declared.</summary>
    private static byte[] Header(string name, long size)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        header[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("        ").CopyTo(header, 148);
        int sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }
}
