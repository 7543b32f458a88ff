using Augment.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp.Tests;

public sealed class CopyToTests
{
    [Fact]
    public void CopyToCpu_CopiesEveryTensor_AndOutlivesTheBatch()
    {
        var collator = new Collator(classCount: 4, labelSmoothing: 0.2);
        TorchBatch step = TestBatches.Collate(collator, count: 3, height: 4, width: 5, seed: 20).ToTorch();
        float[] images = step.Images.data<float>().ToArray(), targets = step.Targets!.data<float>().ToArray();
        long[] labels = step.Labels.data<long>().ToArray();

        using DeviceBatch copy = step.CopyTo(CPU);
        Assert.Equal(DeviceType.CPU, copy.Device.type);
        Assert.Equal(DeviceType.CPU, copy.Images.device_type);

        // Own storage: changing the batch does not reach the copy, and the copy survives the batch.
        step.Batch.Data[0] = -7f;
        step.Dispose();
        Assert.Equal(0, collator.Pool.Outstanding);
        Assert.Equal([3L, 3, 4, 5], copy.Images.shape);
        Assert.Equal(images, copy.Images.data<float>().ToArray());
        Assert.Equal(labels, copy.Labels.data<long>().ToArray());
        Assert.Equal(targets, copy.Targets!.data<float>().ToArray());
    }

    [Fact]
    public void CopyTo_KeepsFloat16_AndHasNoTargetsWhereTheSourceHasNone()
    {
        ImageBatch batch = TestBatches.Collate(new Collator(), count: 2, height: 3, width: 3, seed: 21);
        batch.ConvertToHalf();
        using TorchBatch step = batch.ToTorch(half: true);
        using DeviceBatch copy = step.CopyTo(CPU);
        Assert.Equal(ScalarType.Float16, copy.Images.dtype);
        Assert.Null(copy.Targets);
        Assert.Equal(step.Images.data<Half>().ToArray(), copy.Images.data<Half>().ToArray());
    }

    [Fact]
    public void CopyTo_AfterDispose_Throws()
    {
        TorchBatch step = TestBatches.Collate(new Collator(), count: 1, height: 2, width: 2, seed: 22).ToTorch();
        step.Dispose();
        Assert.Throws<ObjectDisposedException>(() => step.CopyTo(CPU));
    }
}
