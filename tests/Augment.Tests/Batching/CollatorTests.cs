using Augment.Batching;
using Augment.Imaging;

namespace Augment.Tests.Batching;

public sealed class CollatorTests
{
    [Fact]
    public void Collate_LaysOutNchwElementByElement()
    {
        ImageTensor[] images = [.. Enumerable.Range(0, 4).Select(i => BatchTestData.Image(3, 5, 7, i))];
        try
        {
            using ImageBatch batch = new Collator(classCount: 10).Collate(images, [3, 1, 4, 1]);
            Assert.Equal((4, 3, 5, 7), (batch.Count, batch.Channels, batch.Height, batch.Width));
            Assert.Equal([3, 1, 4, 1], batch.Labels.ToArray());
            Span<float> data = batch.Data;
            for (int n = 0; n < 4; n++)
            {
                for (int c = 0; c < 3; c++)
                {
                    for (int y = 0; y < 5; y++)
                    {
                        for (int x = 0; x < 7; x++)
                        {
                            float expected = images[n].Row(c, y)[x];
                            Assert.Equal(expected, data[(((n * 3) + c) * 5 * 7) + (y * 7) + x]);
                            Assert.Equal(expected, batch.AsTensorSpan()[n, c, y, x]);
                        }
                    }
                }
            }
        }
        finally
        {
            Array.ForEach(images, i => i.Dispose());
        }
    }

    [Fact]
    public void TensorViews_HaveNchwAndNkShapes()
    {
        using ImageBatch batch = BatchTestData.Batch(6, 3, 4, 5, classes: 7);
        Assert.Equal([6, 3, 4, 5], batch.AsTensorSpan().Lengths.ToArray());
        Assert.Equal([60, 20, 5, 1], batch.AsTensorSpan().Strides.ToArray());
        Assert.Equal([6, 7], batch.TargetsAsTensorSpan().Lengths.ToArray());
        Assert.Equal(batch.Targets[(2 * 7) + 3], batch.TargetsAsTensorSpan()[2, 3]);
    }

    [Fact]
    public void Normalization_IsFusedIntoTheCopy()
    {
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        using ImageTensor a = BatchTestData.Image(3, 9, 11, 1), b = BatchTestData.Image(3, 9, 11, 2);
        using ImageBatch batch = new Collator(mean: mean, std: std).Collate([a, b]);
        ImageTensor[] sources = [a, b];
        for (int n = 0; n < 2; n++)
        {
            for (int c = 0; c < 3; c++)
            {
                Span<float> plane = batch.Plane(n, c);
                Span<float> source = sources[n].Plane(c);
                for (int i = 0; i < plane.Length; i++)
                {
                    Assert.Equal((source[i] - mean[c]) / std[c], plane[i], 1e-5f);
                }
            }
        }
    }

    [Fact]
    public void SoftTargets_AreSmoothedOneHotRowsThatSumToOne()
    {
        using ImageBatch batch = BatchTestData.Batch(5, 1, 2, 2, classes: 4, smoothing: 0.1);
        for (int n = 0; n < 5; n++)
        {
            ReadOnlySpan<float> row = batch.Targets.Slice(n * 4, 4);
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(k == n % 4 ? 0.925f : 0.025f, row[k], 1e-7f);
            }

            Assert.Equal(1f, row.ToArray().Sum(), 1e-6f);
        }
    }

    [Fact]
    public void SlotBySlot_FromSeveralThreads_EqualsCollate()
    {
        const int count = 16;
        float[] mean = [0.5f, 0.4f], std = [0.2f, 0.3f];
        ImageTensor[] images = [.. Enumerable.Range(0, count).Select(i => BatchTestData.Image(2, 8, 6, i))];
        int[] labels = [.. Enumerable.Range(0, count).Select(i => (i * 7) % 10)];
        try
        {
            var collator = new Collator(10, 0.1, mean, std);
            using ImageBatch expected = collator.Collate(images, labels);
            using ImageBatch batch = collator.Rent(count, 2, new ImageSize(8, 6));
            Parallel.For(0, count, i =>
            {
                if (i % 2 == 0)
                {
                    collator.Write(batch, i, images[i], labels[i]);
                }
                else
                {
                    images[i].Data.CopyTo(batch.Slot(i)); // a producer writing raw values straight into the slot
                    batch.Labels[i] = labels[i];
                    collator.Normalize(batch, i);
                }
            });
            collator.Complete(batch);
            Assert.Equal(expected.Data.ToArray(), batch.Data.ToArray());
            Assert.Equal(expected.Labels.ToArray(), batch.Labels.ToArray());
            Assert.Equal(expected.Targets.ToArray(), batch.Targets.ToArray());
        }
        finally
        {
            Array.ForEach(images, i => i.Dispose());
        }
    }

    [Fact]
    public void ConvertToHalf_ConvertsEveryElement()
    {
        using ImageBatch batch = BatchTestData.Batch(3, 3, 4, 4, classes: 0);
        Span<Half> halves = batch.ConvertToHalf();
        Assert.Equal(batch.Length, halves.Length);
        for (int i = 0; i < halves.Length; i++)
        {
            Assert.Equal((Half)batch.Data[i], halves[i]);
        }

        Assert.Equal([3, 3, 4, 4], batch.HalfAsTensorSpan().Lengths.ToArray());
    }

    [Fact]
    public void ManyBatches_LeakNoBuffersAndStopAllocating()
    {
        var pool = new BatchPool();
        var collator = new Collator(10, 0.1, pool: pool);
        using ImageTensor image = BatchTestData.Image(3, 8, 8, 0);
        ImageTensor[] images = [image, image, image, image];
        int[] labels = [1, 2, 3, 4];
        int created = 0;
        for (int round = 0; round < 200; round++)
        {
            using ImageBatch batch = collator.Collate(round % 10 == 9 ? images.AsSpan(0, 3) : images, round % 10 == 9 ? labels.AsSpan(0, 3) : labels);
            batch.ConvertToHalf();
            Assert.Equal(5, pool.Outstanding); // images, labels, origins, targets, halves
            if (round == 1)
            {
                created = pool.Created;
            }
        }

        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(created, pool.Created);
    }

    [Fact]
    public void CollateIntoAReusedBatch_OverwritesItCompletely()
    {
        var pool = new BatchPool();
        var collator = new Collator(6, 0.2, pool: pool);
        ImageTensor[] first = [.. Enumerable.Range(0, 3).Select(i => BatchTestData.Image(2, 4, 5, i))];
        ImageTensor[] second = [.. Enumerable.Range(10, 3).Select(i => BatchTestData.Image(2, 4, 5, i))];
        try
        {
            using ImageBatch reused = collator.Collate(first, [0, 1, 2]);
            using ImageBatch fresh = collator.Collate(second, [5, 4, 3]);
            int created = pool.Created;
            Assert.Same(reused, collator.Collate(second, [5, 4, 3], reused));
            Assert.Equal(fresh.Data.ToArray(), reused.Data.ToArray());
            Assert.Equal(fresh.Labels.ToArray(), reused.Labels.ToArray());
            Assert.Equal(fresh.Targets.ToArray(), reused.Targets.ToArray());
            Assert.Equal(created, pool.Created);

            Assert.Throws<ArgumentException>(() => collator.Collate(second.AsSpan(0, 2), [1, 2], reused));
            using ImageTensor other = ImageTensor.Create(2, 4, 6);
            Assert.Contains("Sample 1 has shape 2x4x6", Assert.Throws<ArgumentException>(() => collator.Collate([second[0], other, second[2]], [1, 2, 3], reused)).Message);
            Assert.Throws<ArgumentException>(() => new Collator(3).Collate(second, [0, 1, 2], reused));
        }
        finally
        {
            Array.ForEach(first, i => i.Dispose());
            Array.ForEach(second, i => i.Dispose());
        }
    }

    [Fact]
    public void DisposedBatch_Throws()
    {
        ImageBatch batch = BatchTestData.Batch(2, 1, 2, 2);
        batch.Dispose();
        batch.Dispose();
        Assert.True(batch.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => batch.Data.Length);
        Assert.Throws<ObjectDisposedException>(() => batch.Labels.Length);
    }

    [Fact]
    public void EmptyBatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Collator().Collate([]));
        Assert.Contains("at least one sample", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Collator().Rent(0, 3, new ImageSize(2, 2)));
    }

    [Fact]
    public void MismatchedSize_NamesTheSampleAndItsShape()
    {
        using ImageTensor a = ImageTensor.Create(3, 4, 4), b = ImageTensor.Create(3, 4, 4), c = ImageTensor.Create(3, 5, 4);
        var error = Assert.Throws<ArgumentException>(() => new Collator().Collate([a, b, c]));
        Assert.Contains("Sample 2", error.Message);
        Assert.Contains("3x5x4", error.Message);
        Assert.Contains("3x4x4", error.Message);
    }

    [Fact]
    public void MismatchedChannels_NamesTheSampleAndItsShape()
    {
        using ImageTensor a = ImageTensor.Create(3, 4, 4), b = ImageTensor.Create(1, 4, 4);
        var error = Assert.Throws<ArgumentException>(() => new Collator().Collate([a, b]));
        Assert.Contains("Sample 1 has shape 1x4x4", error.Message);

        var collator = new Collator();
        using ImageBatch batch = collator.Rent(2, 3, new ImageSize(4, 4));
        error = Assert.Throws<ArgumentException>(() => collator.Write(batch, 1, b));
        Assert.Contains("Sample 1 has shape 1x4x4", error.Message);
    }

    [Fact]
    public void LabelProblems_NameTheSample()
    {
        using ImageTensor a = ImageTensor.Create(1, 2, 2);
        var collator = new Collator(classCount: 3);
        Assert.Contains("Sample 1 has label 3", Assert.Throws<ArgumentOutOfRangeException>(() => collator.Collate([a, a], [0, 3])).Message);
        Assert.Throws<ArgumentException>(() => collator.Collate([a, a], [0]));
        Assert.Throws<ArgumentException>(() => collator.Collate([a, a]));

        using ImageBatch batch = collator.Rent(2, 1, new ImageSize(2, 2));
        collator.Write(batch, 0, a, 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => collator.Complete(batch));
        Assert.Contains("Sample 1 has label -1", error.Message);
    }

    [Fact]
    public void FailedCollate_ReturnsItsBuffers()
    {
        var pool = new BatchPool();
        using ImageTensor a = ImageTensor.Create(1, 2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Collator(3, pool: pool).Collate([a, a], [0, 7]));
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => new Collator(mean: [0f], std: [0f])).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => new Collator(mean: [float.NaN], std: [1f])).ParamName);
        Assert.Throws<ArgumentException>(() => new Collator(mean: [0f, 0f], std: [1f]));
        Assert.Throws<ArgumentException>(() => new Collator(mean: [0f]));
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new Collator(3, 1.5)).ParamName);
        Assert.Throws<ArgumentException>(() => new Collator(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Collator(-1));
        Assert.Throws<ArgumentException>(() => new Collator(mean: [0f], std: [1f]).Rent(1, 3, new ImageSize(2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPool(0));
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void Normalization_CoversEveryVectorTail()
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor image = BatchTestData.Image(3, 1, width, width);
            using ImageBatch batch = new Collator(mean: [0.1f, 0.2f, 0.3f], std: [0.5f, 0.25f, 2f]).Collate([image]);
            for (int c = 0; c < 3; c++)
            {
                float scale = c switch { 0 => 2f, 1 => 4f, _ => 0.5f };
                float offset = c switch { 0 => -0.2f, 1 => -0.8f, _ => -0.15f };
                for (int x = 0; x < width; x++)
                {
                    Assert.Equal(MathF.FusedMultiplyAdd(image.Plane(c)[x], scale, offset), batch.Plane(0, c)[x], 1e-6f);
                }
            }
        }
    }
}
