using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms;

public sealed class DeterminismTests
{
    private static readonly ITransform Pipeline = new Compose(
        new RandomCrop(24, 24, Padding.Uniform(2), paddingMode: PaddingMode.Reflect),
        new RandomHorizontalFlip(),
        new RandomApply(new VerticalFlip(), 0.2),
        Normalize.ImageNet());

    [Fact]
    public void SameSeedEpochAndIndexGiveIdenticalBytes()
    {
        byte[] first = Run(1234, 2, 17);
        Assert.Equal(first, Run(1234, 2, 17));
        Assert.NotEqual(first, Run(1234, 3, 17));
        Assert.NotEqual(first, Run(1234, 2, 18));
    }

    [Fact]
    public void ParallelApplicationEqualsSequential()
    {
        const int samples = 1000;
        var sequential = new byte[samples][];
        for (int i = 0; i < samples; i++)
        {
            sequential[i] = Run(7, 0, i);
        }

        var parallel = new byte[samples][];
        Parallel.For(0, samples, i => parallel[i] = Run(7, 0, i));
        for (int i = 0; i < samples; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    private static byte[] Run(ulong seed, int epoch, int index)
    {
        RandomSource random = RandomSource.ForSample(seed, epoch, index);
        using ImageTensor result = Pipeline.Apply(TestImages.Random(3, 28, 30, (ulong)index), ref random);
        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.Data).ToArray();
    }
}
