using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Tests.Data;
using Augment.Tests.Kernels.Geometry;
using Augment.Tests.Randomness;
using Augment.Transforms.Geometry;
using Augment.Views;

namespace Augment.Tests.Views;

/// <summary>ViewGroup.DistinctCrops: k distinct crops per sample through the loader, checked against windows found by search and a dense Fisher–Yates oracle.</summary>
public sealed class DistinctCropViewsTests
{
    private const ulong Seed = MultiViewLoaderTests.Seed;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ViewLayout.SampleMajor, 1, 1)]
    [InlineData(ViewLayout.ViewMajor, 1, 1)]
    [InlineData(ViewLayout.SampleMajor, 3, 2)]
    public void EveryViewIsADistinctValidWindowOfTheImage(ViewLayout layout, int strideY, int strideX)
    {
        // Independent of the draw: each view must equal exactly one window of the decoded image on the stride grid.
        InMemorySource source = MultiViewLoaderTests.Source(7);
        using DataLoader loader = MultiViewLoaderTests.Loader(source, [ViewGroup.DistinctCrops("crops", 4, 9, 11, strideY: strideY, strideX: strideX)], layout);
        var decoder = new SkiaImageDecoder();
        int seen = 0;
        foreach (ViewBatch batch in loader.ReadViews(0, Token))
        {
            using (batch)
            {
                ImageBatch crops = batch["crops"];
                Assert.Equal((batch.SampleCount * 4, 9, 11), (crops.Count, crops.Height, crops.Width));
                for (int n = 0; n < batch.SampleCount; n++)
                {
                    int index = (int)crops.Origins[batch.Row(0, n, 0)].Index;
                    using ImageTensor image = decoder.Decode(source.Samples[index].Bytes.Span);
                    var corners = new HashSet<CropCorner>();
                    for (int v = 0; v < 4; v++)
                    {
                        int row = batch.Row(0, n, v);
                        CropCorner corner = FindWindow(image, crops.Slot(row).ToArray(), 9, 11);
                        Assert.True(corner.Top % strideY == 0 && corner.Left % strideX == 0, $"sample {n} view {v} at {corner} is off the stride grid");
                        Assert.True(corners.Add(corner), $"sample {n}: view {v} repeats the window at {corner}");
                        Assert.Equal(new SampleOrigin(index, source.GetName(index)), crops.Origins[row]);
                        Assert.Equal(source.GetLabel(index), crops.Labels[row]);
                    }

                    seen++;
                }
            }
        }

        Assert.Equal(7, seen);
    }

    /// <summary>
    /// Unfused, the crops are exact; fused, the resize runs from the decoded bytes inside the loader's resampler (with
    /// the normalization folded in), which equals the float resize within float rounding.
    /// </summary>
    [Theory]
    [InlineData(ViewLayout.SampleMajor, false, false)]
    [InlineData(ViewLayout.ViewMajor, true, false)]
    [InlineData(ViewLayout.SampleMajor, false, true)]
    [InlineData(ViewLayout.ViewMajor, true, true)]
    public void ViewsAreTheCropsOfTheResizedImageAtTheReplayedCorners(ViewLayout layout, bool normalize, bool fuse)
    {
        InMemorySource source = MultiViewLoaderTests.Source(6);
        Collator collator = normalize ? new Collator(mean: [0.4f, 0.5f, 0.6f], std: [0.2f, 0.25f, 0.3f]) : new Collator();
        var group = (DistinctCropViews)ViewGroup.DistinctCrops("crops", 5, 12, 10, before: new Resize(16), strideY: 2);
        using DataLoader loader = MultiViewLoaderTests.Loader(source, [group], layout, fuse: fuse, collator: collator);
        Assert.Equal(fuse, loader.IsFused);
        var decoder = new SkiaImageDecoder();
        foreach (ViewBatch batch in loader.ReadViews(3, Token))
        {
            using (batch)
            {
                ImageBatch crops = batch["crops"];
                for (int n = 0; n < batch.SampleCount; n++)
                {
                    int index = (int)crops.Origins[batch.Row(0, n, 0)].Index;
                    RandomSource stream = RandomSource.ForSample(Seed, 3, index).Fork(0);
                    RandomSource before = stream.Fork(1), draw = stream.Fork(0);
                    using ImageTensor resized = new Resize(16).Apply(decoder.Decode(source.Samples[index].Bytes.Span), ref before);
                    var corners = new CropCorner[5];
                    group.Draw(resized.Size, ref draw, corners);
                    for (int v = 0; v < 5; v++)
                    {
                        using ImageTensor crop = ImageTensor.Create(3, 12, 10);
                        GeometryOracle.Crop(resized, corners[v].Top, corners[v].Left, 12, 10).CopyTo(crop.Data);
                        using ImageBatch single = collator.Collate([crop]);
                        float[] expected = single.Slot(0).ToArray(), actual = crops.Slot(batch.Row(0, n, v)).ToArray();
                        float worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
                        Assert.True(worst <= (fuse ? 1e-5f : 0f), $"sample {n} view {v}: {worst}");
                    }

                    Assert.False(crops.Slot(batch.Row(0, n, 0)).SequenceEqual(crops.Slot(batch.Row(0, n, 1))), "two views of a sample are the same");
                }
            }
        }
    }

    [Fact]
    public void TheLoaderPicksEveryCornerEquallyOften()
    {
        // 12x12 images, 10x10 crops: 3 x 3 corners, 2 per sample over 450 samples, 100 expected per corner.
        const int samples = 450;
        var source = new InMemorySource(Enumerable.Range(0, samples).Select(i => InMemorySample.FromBytes(DataFixtures.Image(i, width: 12, height: 12), 0, $"img{i}")));
        using DataLoader loader = new(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 50, Seed = Seed, Workers = 2, Views = [ViewGroup.DistinctCrops("crops", 2, 10, 10)] });
        var decoder = new SkiaImageDecoder();
        var counts = new Dictionary<CropCorner, int>();
        foreach (ImageBatch batch in loader.ReadEpoch(0, Token))
        {
            using (batch)
            {
                for (int row = 0; row < batch.Count; row++)
                {
                    using ImageTensor image = decoder.Decode(source.Samples[(int)batch.Origins[row].Index].Bytes.Span);
                    CropCorner corner = FindWindow(image, batch.Slot(row).ToArray(), 10, 10);
                    counts[corner] = counts.GetValueOrDefault(corner) + 1;
                }
            }
        }

        Assert.Equal(9, counts.Count);
        RandomSourceTests.AssertChiSquare([.. counts.Values], samples * 2 / 9.0);
    }

    [Fact]
    public void EveryOrderedDrawIsEquallyLikely()
    {
        // 5 corners (a 5x1 grid on a 5-row image), 2 views: 20 ordered pairs, each k-subset in each order equally likely.
        var group = (DistinctCropViews)ViewGroup.DistinctCrops("crops", 2, 1, 3);
        var counts = new int[25];
        Span<CropCorner> corners = stackalloc CropCorner[2];
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            RandomSource random = RandomSource.ForSample(Seed, 0, i);
            group.Draw(new ImageSize(5, 3), ref random, corners);
            Assert.NotEqual(corners[0], corners[1]);
            counts[(corners[0].Top * 5) + corners[1].Top]++;
        }

        RandomSourceTests.AssertChiSquare([.. counts.Where((_, i) => i / 5 != i % 5)], n / 20.0);
    }

    [Theory]
    [InlineData(7, 6, 3)]
    [InlineData(40, 40, 40)]
    [InlineData(300, 1, 70)]
    [InlineData(9000, 2, 100)]
    public void TheSparseDrawIsTheDenseFisherYatesShuffle(int height, int width, int count)
    {
        // The oracle: the textbook partial Fisher–Yates over the whole index array, with the same random numbers.
        var grid = CornerGrid.Of(new ImageSize(height, width), new ImageSize(1, 1), 1, 1);
        var drawn = new CropCorner[count];
        for (int s = 0; s < 20; s++)
        {
            RandomSource random = RandomSource.ForSample(Seed, 1, s), replay = random;
            grid.Draw(ref random, drawn);
            int[] indices = [.. Enumerable.Range(0, height * width)];
            for (int t = 0; t < count; t++)
            {
                int j = t + replay.NextInt32(indices.Length - t);
                (indices[t], indices[j]) = (indices[j], indices[t]);
                Assert.Equal(new CropCorner(indices[t] / width, indices[t] % width), drawn[t]);
            }
        }
    }

    [Fact]
    public void ViewsAreIdenticalAtOneTwoAndEightWorkers()
    {
        InMemorySource source = MultiViewLoaderTests.Source(9);
        ViewGroup group = ViewGroup.DistinctCrops("crops", 3, 10, 10, before: new Resize(14), strideX: 2);
        var runs = new List<float[]>();
        foreach (int workers in new[] { 1, 2, 8 })
        {
            using DataLoader loader = MultiViewLoaderTests.Loader(source, [group], workers: workers);
            runs.Add(DataFixtures.ReadPixels(loader.ReadEpoch(1, Token)));
        }

        Assert.All(runs, run => Assert.True(runs[0].AsSpan().SequenceEqual(run)));
    }

    [Fact]
    public void TooFewCornersNameTheSizeTheCropTheStridesAndTheFix()
    {
        // The 20x24 image holds 1 x 5 corners of a 20x20 crop on strides 1 x 1, fewer than 6.
        InMemorySource source = MultiViewLoaderTests.Source(1);
        using DataLoader loader = MultiViewLoaderTests.Loader(source, [ViewGroup.DistinctCrops("crops", 6, 20, 20)]);
        var error = Assert.Throws<SampleTransformException>(() => DataFixtures.ReadPixels(loader.ReadEpoch(0, Token)));
        var cause = Assert.IsType<ArgumentException>(error.InnerException);
        foreach (string part in new[] { "'crops'", "6 distinct 20x20 crops", "strides 1x1", "20x24 image", "only 5 valid corners", "Resize" })
        {
            Assert.Contains(part, cause.Message, StringComparison.Ordinal);
        }

        var group = (DistinctCropViews)ViewGroup.DistinctCrops("crops", 5, 4, 4, strideY: 3, strideX: 5);
        RandomSource random = RandomSource.FromSeed(1);
        var tooSmall = Assert.Throws<ArgumentException>(() => group.Draw(new ImageSize(7, 9), ref random, new CropCorner[5])); // 2 x 2 corners
        Assert.Contains("strides 3x5", tooSmall.Message, StringComparison.Ordinal);
        Assert.Contains("only 4 valid corners", tooSmall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentsAreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewGroup.DistinctCrops("crops", 0, 4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewGroup.DistinctCrops("crops", 2, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewGroup.DistinctCrops("crops", 2, 4, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewGroup.DistinctCrops("crops", 2, 4, 4, strideY: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewGroup.DistinctCrops("crops", 2, 4, 4, strideX: -2));
        Assert.Throws<ArgumentException>(() => ViewGroup.DistinctCrops(" ", 2, 4, 4));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(70)]
    public void WritingViewsAllocatesNothingAfterWarmUp(int count)
    {
        ViewGroup group = ViewGroup.DistinctCrops("crops", count, 4, 4);
        var target = new BufferTarget(count * 3 * 16);
        ImageTensor[] images = [ImageTensor.Create(3, 20, 24, clear: true), ImageTensor.Create(3, 31, 17, clear: true)];
        RandomSource random = RandomSource.FromSeed(3);
        group.Write(images[0], random, target);
        group.Write(images[1], random, target);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            group.Write(images[i % 2], RandomSource.ForSample(Seed, 0, i), target);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(102, target.Completed);
        foreach (ImageTensor image in images)
        {
            image.Dispose();
        }
    }

    /// <summary>The corner of the one window of <paramref name="image"/> whose pixels are <paramref name="view"/>.</summary>
    private static CropCorner FindWindow(ImageTensor image, float[] view, int height, int width)
    {
        var matches = new List<CropCorner>();
        for (int top = 0; top + height <= image.Height; top++)
        {
            for (int left = 0; left + width <= image.Width; left++)
            {
                if (GeometryOracle.Crop(image, top, left, height, width).AsSpan().SequenceEqual(view))
                {
                    matches.Add(new CropCorner(top, left));
                }
            }
        }

        return Assert.Single(matches);
    }

    /// <summary>An <see cref="IViewTarget"/> over one preallocated buffer of V rows.</summary>
    private sealed class BufferTarget(int length) : IViewTarget
    {
        private readonly float[] _rows = new float[length];

        public int Completed { get; private set; }

        public void Write(int view, ImageTensor image) => throw new NotSupportedException();

        public void NormalizeSource(ImageTensor image) => throw new NotSupportedException();

        public Span<float> Rows(int channels, ImageSize size) => throw new NotSupportedException();

        public Span<float> Row(int view, int channels, ImageSize size) => _rows.AsSpan(view * channels * size.Area, channels * size.Area);

        public void Complete() => Completed++;
    }
}
