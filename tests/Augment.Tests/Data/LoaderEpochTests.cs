using Augment.Batching;
using Augment.Data;
using Augment.Skia;

namespace Augment.Tests.Data;

/// <summary>The loader's epoch contract: every plain pass is a new epoch, LINQ works, batch counts never overflow.</summary>
public sealed class LoaderEpochTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DataLoader MakeLoader(int count, int batchSize = 4, bool shuffle = true) =>
        new(DataFixtures.Source(count), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = batchSize, Shuffle = shuffle, Seed = 7, Workers = 2, Transform = new RandomWindow() });

    [Fact]
    public void EachPlainEnumerationIsTheNextEpoch()
    {
        using DataLoader loader = MakeLoader(10);
        float[] first = DataFixtures.ReadPixels(loader);
        Assert.Equal(1, loader.Epoch);
        Assert.Equal(0, loader.LastEpoch!.Epoch);
        float[] second = DataFixtures.ReadPixels(loader);
        Assert.Equal(2, loader.Epoch);
        Assert.Equal(1, loader.LastEpoch!.Epoch);

        Assert.False(first.AsSpan().SequenceEqual(second), "two plain passes gave the same batches: an epoch was replayed");
        Assert.Equal(DataFixtures.ReadPixels(loader.ReadEpoch(0, Token)), first);
        Assert.Equal(DataFixtures.ReadPixels(loader.ReadEpoch(1, Token)), second);
        Assert.Equal(2, loader.Epoch); // explicit reads leave the counter alone
    }

    [Fact]
    public void SettingTheEpochResumesThere()
    {
        using DataLoader loader = MakeLoader(10);
        loader.Epoch = 5;
        float[] resumed = DataFixtures.ReadPixels(loader);
        Assert.Equal(6, loader.Epoch);
        Assert.Equal(DataFixtures.ReadPixels(loader.ReadEpoch(5, Token)), resumed);

        using var fromOptions = new DataLoader(DataFixtures.Source(10), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Shuffle = true, Seed = 7, Workers = 2, Epoch = 5, Transform = new RandomWindow() });
        Assert.Equal(resumed, DataFixtures.ReadPixels(fromOptions));
    }

    [Fact]
    public void LinqWorksOnTheLoader()
    {
        using DataLoader loader = MakeLoader(10);
        using (ImageBatch first = loader.First())
        {
            Assert.Equal(4, first.Count);
        }

        int[] counts = [.. loader.Select(batch =>
        {
            using (batch)
            {
                return batch.Count;
            }
        })];
        Assert.Equal([4, 4, 2], counts);
        Assert.Equal(2, loader.Epoch);
    }

    [Fact]
    public void HugeBatchSizeGivesOneBatch()
    {
        using DataLoader loader = new(DataFixtures.Source(7), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = int.MaxValue, Workers = 2, Transform = new RandomWindow() });
        Assert.Equal(1, loader.BatchCount);
        int[] counts = [.. loader.ReadEpoch(0, Token).Select(batch =>
        {
            using (batch)
            {
                return batch.Count;
            }
        })];
        Assert.Equal([7], counts);

        using DataLoader dropping = new(DataFixtures.Source(7), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = int.MaxValue, DropLast = true, Workers = 2, Transform = new RandomWindow() });
        Assert.Equal(0, dropping.BatchCount);
        Assert.Empty(dropping.ReadEpoch(0, Token));
    }

    [Fact]
    public void EveryBatchNamesItsSamples()
    {
        InMemorySource source = DataFixtures.Source(10);
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 4, Shuffle = true, Seed = 3, Workers = 2, Transform = new RandomWindow() });
        var seen = new List<long>();
        foreach (ImageBatch batch in loader.ReadEpoch(0, Token))
        {
            using (batch)
            {
                for (int i = 0; i < batch.Count; i++)
                {
                    SampleOrigin origin = batch.Origins[i];
                    Assert.Equal(source.GetName((int)origin.Index), origin.Name);
                    Assert.Equal(source.GetLabel((int)origin.Index), batch.Labels[i]);
                    seen.Add(origin.Index);
                }
            }
        }

        Assert.Equal(EpochOrder.ForRank(10, true, 3, 0, 0, 1).Select(i => (long)i), seen);
    }
}
