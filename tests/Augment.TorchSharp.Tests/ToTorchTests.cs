using Augment.Batching;
using Augment.Mixing;
using Augment.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp.Tests;

public sealed class ToTorchTests
{
    [Fact]
    public void Float32Images_AreAViewOfTheBatch()
    {
        using TorchBatch step = TestBatches.Collate(new Collator(), count: 3, height: 5, width: 7, seed: 1).ToTorch();
        Assert.Equal([3L, 3, 5, 7], step.Images.shape);
        Assert.Equal(ScalarType.Float32, step.Images.dtype);
        Assert.Equal(step.Batch.Data.ToArray(), step.Images.data<float>().ToArray());

        // Zero copy: a write to the batch shows through the tensor.
        step.Batch.Data[17] = 42f;
        Assert.Equal(42f, step.Images.flatten()[17].item<float>());
    }

    [Fact]
    public void Float16Images_AreAViewOfTheConvertedCopy()
    {
        ImageBatch batch = TestBatches.Collate(new Collator(), count: 2, height: 4, width: 6, seed: 2);
        Half[] expected = batch.ConvertToHalf().ToArray();
        using TorchBatch step = batch.ToTorch(half: true);
        Assert.Equal(ScalarType.Float16, step.Images.dtype);
        Assert.Equal([2L, 3, 4, 6], step.Images.shape);
        Assert.Equal(expected, step.Images.data<Half>().ToArray());
        float[] rounded = [.. batch.Data.ToArray().Select(value => (float)(Half)value)];
        Assert.Equal(rounded, step.Images.to_type(ScalarType.Float32).data<float>().ToArray());
    }

    [Fact]
    public void Float16_WithoutConversion_Throws()
    {
        var collator = new Collator();
        ImageBatch batch = TestBatches.Collate(collator, count: 1, height: 2, width: 2, seed: 3);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => batch.ToTorch(half: true, disposeBatch: false));
        Assert.Contains("ConvertToHalf", error.Message, StringComparison.Ordinal);

        // The failed handover left no hold on the memory.
        batch.Dispose();
        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public void HardTargets_AreInt64ClassIndices_WithoutSoftTargets()
    {
        var collator = new Collator();
        ImageBatch batch = collator.Rent(3, 3, new Imaging.ImageSize(2, 2));
        for (int i = 0; i < 3; i++)
        {
            batch.Labels[i] = 7 - i;
        }

        using TorchBatch step = batch.ToTorch();
        Assert.Null(step.Targets);
        Assert.Equal(ScalarType.Int64, step.Labels.dtype);
        Assert.Equal([7L, 6, 5], step.Labels.data<long>().ToArray());
    }

    [Fact]
    public void SoftTargets_AreTheSmoothedOneHotRows()
    {
        const double Smoothing = 0.1;
        using TorchBatch step = TestBatches.Collate(new Collator(classCount: 4, labelSmoothing: Smoothing), count: 5, height: 3, width: 3, seed: 4).ToTorch();
        Assert.NotNull(step.Targets);
        Assert.Equal([5L, 4], step.Targets.shape);
        float[] targets = step.Targets.data<float>().ToArray();
        long[] labels = step.Labels.data<long>().ToArray();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i % 4, labels[i]);
            for (int k = 0; k < 4; k++)
            {
                // Label smoothing as in torch.nn.CrossEntropyLoss: (1 - eps) * one_hot + eps / K.
                double expected = ((k == labels[i] ? 1 : 0) * (1 - Smoothing)) + (Smoothing / 4);
                Assert.Equal(expected, targets[(i * 4) + k], 1e-6);
            }
        }
    }

    [Fact]
    public void DisposingTheTorchBatchFirst_ThenTheTensors_IsSafe()
    {
        var collator = new Collator(classCount: 4);
        TorchBatch step = TestBatches.Collate(collator, count: 2, height: 3, width: 3, seed: 5).ToTorch();
        Tensor images = step.Images, targets = step.Targets!;
        step.Dispose();
        Assert.True(step.Batch.IsDisposed);
        Assert.Equal(0, collator.Pool.Outstanding);
        images.Dispose();
        targets.Dispose();
        step.Dispose();
    }

    [Fact]
    public void DisposingTheTensorsFirst_ThenTheTorchBatch_IsSafe()
    {
        var collator = new Collator(classCount: 4);
        TorchBatch step;
        using (torch.NewDisposeScope())
        {
            step = TestBatches.Collate(collator, count: 2, height: 3, width: 3, seed: 6).ToTorch();
        }

        Assert.True(collator.Pool.Outstanding > 0);
        Assert.False(step.Batch.IsDisposed);
        step.Dispose();
        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public void DisposingTheBatchFirst_KeepsItsMemoryUnderTheTensors()
    {
        var collator = new Collator(classCount: 4);
        ImageBatch batch = TestBatches.Collate(collator, count: 2, height: 3, width: 3, seed: 7);
        float[] images = batch.Data.ToArray(), targets = batch.Targets.ToArray();
        int held = collator.Pool.Outstanding;
        using (TorchBatch step = batch.ToTorch(disposeBatch: false))
        {
            batch.Dispose();
            Assert.True(batch.IsDisposed);
            Assert.Throws<ObjectDisposedException>(() => batch.Data.Length);
            Assert.Equal(held, collator.Pool.Outstanding);

            // The pool cannot hand the memory to the next batch while the tensors use it.
            using ImageBatch next = TestBatches.Collate(collator, count: 2, height: 3, width: 3, seed: 8);
            Assert.Equal(images, step.Images.data<float>().ToArray());
            Assert.Equal(targets, step.Targets!.data<float>().ToArray());
        }

        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public void ADisposedBatch_CannotBeHandedOver()
    {
        var collator = new Collator();
        ImageBatch batch = TestBatches.Collate(collator, count: 1, height: 2, width: 2, seed: 9);
        batch.Dispose();
        Assert.Throws<ObjectDisposedException>(() => batch.ToTorch());
        Assert.Equal(0, collator.Pool.Outstanding);
    }

    [Fact]
    public void MixingAfterTheHandover_Throws_WithoutReleasingTheMemory()
    {
        var collator = new Collator(classCount: 4);
        using TorchBatch step = TestBatches.Collate(collator, count: 4, height: 8, width: 8, seed: 10).ToTorch();
        int held = collator.Pool.Outstanding;
        float[] before = step.Images.data<float>().ToArray();
        var random = RandomSource.FromSeed(11);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new Ricap().Apply(step.Batch, ref random));
        Assert.Contains("mix the batch before", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, step.Images.data<float>().ToArray());
        Assert.Equal(held, collator.Pool.Outstanding);
    }
}
