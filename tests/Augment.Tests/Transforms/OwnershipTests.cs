using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms;

/// <summary>
/// Apply consumes its input, for every transform alike: reusing an input for a second view throws instead of
/// silently overwriting the first view (colour transforms used to return their input, modified in place).
/// </summary>
public sealed class OwnershipTests
{
    public static TheoryData<string> Transforms() => [.. Pipelines().Keys];

    private static Dictionary<string, ITransform> Pipelines() => new()
    {
        ["ColorJitter"] = new ColorJitter(0.4, 0.4, 0.4, 0.1),
        ["Normalize"] = Normalize.ImageNet(),
        ["HorizontalFlip"] = new HorizontalFlip(),
        ["RandomResizedCrop"] = new RandomResizedCrop(8),
        ["Compose of in-place steps"] = new Compose(new ColorJitter(0.4), new Grayscale(3)),
        ["empty Compose"] = new Compose(),
        ["RandomApply that does not fire"] = new RandomApply(new ColorJitter(0.4), 0.0),
    };

    [Theory]
    [MemberData(nameof(Transforms))]
    public void ReusingAnInputThrowsForEveryTransform(string name)
    {
        ITransform transform = Pipelines()[name];
        ImageTensor image = TestImages.Random(3, 12, 14);
        RandomSource first = RandomSource.ForSample(1, 0, 0), second = RandomSource.ForSample(1, 0, 1);
        using ImageTensor view = transform.Apply(image, ref first);
        Assert.NotSame(image, view);
        Assert.True(image.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => transform.Apply(image, ref second));
        Assert.False(view.IsDisposed);
    }

    [Fact]
    public void TwoViewsOfOneImageComeFromClones()
    {
        using ImageTensor image = TestImages.Random(3, 12, 14);
        var jitter = new ColorJitter(0.4, 0.4, 0.4);
        RandomSource a = RandomSource.ForSample(1, 0, 0), b = RandomSource.ForSample(1, 0, 1);
        using ImageTensor first = jitter.Apply(image.Clone(), ref a);
        float[] firstPixels = first.Data.ToArray();
        using ImageTensor second = jitter.Apply(image.Clone(), ref b);
        Assert.Equal(firstPixels, first.Data.ToArray());
        Assert.NotEqual(firstPixels, second.Data.ToArray());
        Assert.False(image.IsDisposed);
    }

    [Fact]
    public void ReplayingParametersConsumesTheInputToo()
    {
        var jitter = new ColorJitter(0.4);
        RandomSource random = RandomSource.FromSeed(2);
        ColorJitterParams drawn = jitter.Draw(3, new ImageSize(4, 4), ref random);
        ImageTensor image = TestImages.Random(3, 4, 4);
        using ImageTensor result = jitter.Apply(image, drawn);
        Assert.True(image.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => jitter.Apply(image, drawn));
    }

    [Fact]
    public void ACompositeOfInPlaceStepsHandsOffOnceNotPerStep()
    {
        // Inside a composite the intermediates are private, so in-place children skip the handoff: a Compose of three
        // in-place steps allocates per Apply what one in-place step alone does (one tensor object for the result).
        ITransform single = new ColorJitter(0.4);
        ITransform three = new Compose(new ColorJitter(0.4), Normalize.ImageNet(), new Grayscale(3));
        Assert.Equal(AllocatedPerApply(single), AllocatedPerApply(three));
    }

    private static long AllocatedPerApply(ITransform transform)
    {
        const int Calls = 64;
        ImageTensor image = TestImages.Random(3, 12, 14);
        for (int pass = 0; pass < 2; pass++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Calls; i++)
            {
                RandomSource random = RandomSource.ForSample(1, 0, i);
                image = transform.Apply(image, ref random);
            }

            if (pass == 1)
            {
                image.Dispose();
                return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
