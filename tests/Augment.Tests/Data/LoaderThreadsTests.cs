using System.Collections.Concurrent;
using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;

namespace Augment.Tests.Data;

/// <summary>The loader's threads live as long as the loader: reused by every epoch, ended by Dispose.</summary>
public sealed class LoaderThreadsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DataLoader MakeLoader(InMemorySource source, int workers, ITransform? transform = null, Collator? collator = null) =>
        new(source, new SkiaImageDecoder(), new DataLoaderOptions
        {
            BatchSize = 3, Workers = workers, Shuffle = true, Seed = 11, Transform = transform ?? new RandomWindow(), Collator = collator,
        });

    [Fact]
    public void WorkerThreadsAreReusedAcrossEpochsAndEndOnDispose()
    {
        var recorder = new ThreadRecorder();
        var loader = MakeLoader(DataFixtures.Source(12), workers: 2, recorder);
        recorder.All.Clear(); // the loader tried the pipeline on synthetic images on this thread when it was created
        var perEpoch = new List<int[]>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            recorder.Seen.Clear();
            DataFixtures.ReadPixels(loader.ReadEpoch(epoch, Token));
            perEpoch.Add([.. recorder.Seen.Keys.Order()]);
        }

        // Fresh threads per epoch would be at least 3 (ids may be recycled, Thread objects are not); the loader's
        // two workers are at most 2.
        Thread[] threads = [.. recorder.All.Keys];
        Assert.InRange(threads.Length, 1, 2);
        Assert.Equal(threads.Length, perEpoch.SelectMany(ids => ids).Distinct().Count());
        Assert.All(threads, t => Assert.StartsWith("Augment loader worker", t.Name));
        Assert.All(threads, t => Assert.True(t.IsBackground));

        loader.Dispose();
        loader.Dispose(); // idempotent
        Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromSeconds(1)), $"{t.Name} still runs after Dispose"));
        Assert.Throws<ObjectDisposedException>(() => loader.ReadEpoch(0, Token));
        Assert.Throws<ObjectDisposedException>(() => loader.ReadEpochAsync(0, Token));
        Assert.Throws<ObjectDisposedException>(() => loader.GetEnumerator().MoveNext());
    }

    [Fact]
    public async Task WithoutWorkersTheConsumerLoadsEachBatchOnItsOwnThread()
    {
        var recorder = new ThreadRecorder();
        var collator = new Collator();
        InMemorySource source = DataFixtures.Source(10);
        using DataLoader loader = MakeLoader(source, workers: 0, recorder, collator);
        recorder.All.Clear();
        float[] blocking = DataFixtures.ReadPixels(loader.ReadEpoch(2, Token));
        Assert.Equal([Thread.CurrentThread], recorder.All.Keys);

        // Asynchronously the samples are loaded by whichever thread runs the consumer's continuation; the batches are the same.
        var asynchronous = new List<float>();
        await foreach (ImageBatch batch in loader.ReadEpochAsync(2, Token))
        {
            using (batch)
            {
                asynchronous.AddRange(batch.Data.ToArray());
            }
        }

        Assert.Equal(blocking, asynchronous);
        using DataLoader threaded = MakeLoader(source, workers: 2, new RandomWindow());
        Assert.Equal(DataFixtures.ReadPixels(threaded.ReadEpoch(2, Token)), blocking);

        // A consumer that stops early leaves no batch behind.
        using (IEnumerator<ImageBatch> e = loader.ReadEpoch(3, Token).GetEnumerator())
        {
            Assert.True(e.MoveNext());
            e.Current.Dispose();
        }

        await loader.LastRunStopped;
        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public async Task ManyShortEpochsReturnEveryBufferAndMatchAFreshLoader()
    {
        var collator = new Collator();
        InMemorySource source = DataFixtures.Source(4);
        using DataLoader loader = MakeLoader(source, workers: 2, collator: collator);
        for (int epoch = 0; epoch < 24; epoch++)
        {
            if (epoch % 5 == 4)
            {
                // Leaving early: the next epoch still runs, on the same threads once they are back.
                foreach (ImageBatch batch in loader.ReadEpoch(epoch, Token))
                {
                    batch.Dispose();
                    break;
                }

                await loader.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(10), Token);
                Assert.Equal(0, collator.Pool.Outstanding);
                continue;
            }

            float[] data = DataFixtures.ReadPixels(loader.ReadEpoch(epoch, Token));
            Assert.Equal(4 * 3 * 12 * 12, data.Length);
            Assert.Equal(0, collator.Pool.Outstanding); // a finished epoch has returned everything when its enumeration ends
            if (epoch % 8 == 0)
            {
                using DataLoader fresh = MakeLoader(source, workers: 1);
                Assert.Equal(DataFixtures.ReadPixels(fresh.ReadEpoch(epoch, Token)), data);
            }
        }

        Assert.Equal(2, loader.LastEpoch!.Batches);
    }

    [Fact]
    public async Task AnEpochAfterACancelledOneRunsInFull()
    {
        var collator = new Collator();
        InMemorySource source = DataFixtures.Source(40);
        using DataLoader loader = MakeLoader(source, workers: 3, collator: collator);
        using var cancellation = new CancellationTokenSource();
        int received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ImageBatch batch in loader.ReadEpochAsync(0, cancellation.Token))
            {
                batch.Dispose();
                if (++received == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(3, received);
        await loader.LastRunStopped.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(0, collator.Pool.Outstanding);

        float[] again = DataFixtures.ReadPixels(loader.ReadEpoch(0, Token));
        Assert.Equal(0, collator.Pool.Outstanding);
        using DataLoader fresh = MakeLoader(source, workers: 1);
        Assert.Equal(DataFixtures.ReadPixels(fresh.ReadEpoch(0, Token)), again);
        Assert.Equal(14, loader.LastEpoch!.Batches);
    }

    [Fact]
    public void InterleavedEnumerationsEachGetThreads()
    {
        InMemorySource source = DataFixtures.Source(9);
        using DataLoader loader = MakeLoader(source, workers: 1);
        float[] first = DataFixtures.ReadPixels(loader.ReadEpoch(0, Token));
        float[] second = DataFixtures.ReadPixels(loader.ReadEpoch(1, Token));

        var a = new List<float>();
        var b = new List<float>();
        using (IEnumerator<ImageBatch> ea = loader.ReadEpoch(0, Token).GetEnumerator())
        using (IEnumerator<ImageBatch> eb = loader.ReadEpoch(1, Token).GetEnumerator())
        {
            bool more = true;
            while (more)
            {
                more = false;
                foreach ((IEnumerator<ImageBatch> e, List<float> into) in new[] { (ea, a), (eb, b) })
                {
                    if (e.MoveNext())
                    {
                        using ImageBatch batch = e.Current;
                        into.AddRange(batch.Data.ToArray());
                        more = true;
                    }
                }
            }
        }

        Assert.Equal(first, a);
        Assert.Equal(second, b);
        Assert.Equal(first, DataFixtures.ReadPixels(loader.ReadEpoch(0, Token)));
    }

    /// <summary>Crops like <see cref="RandomWindow"/>, noting the threads it runs on.</summary>
    private sealed class ThreadRecorder : ITransform
    {
        private readonly RandomWindow _window = new();

        public ConcurrentDictionary<int, Thread> Seen { get; } = new();

        public ConcurrentDictionary<Thread, bool> All { get; } = new();

        public ImageTensor Apply(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null)
        {
            Seen[Environment.CurrentManagedThreadId] = Thread.CurrentThread;
            All[Thread.CurrentThread] = true;
            return _window.Apply(image, ref random, recorder);
        }
    }
}
