using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Policies;
using Augment.Transforms.Tone;
using Augment.Transforms.Warp;

namespace Augment.Tests.Transforms.Tone;

public sealed class ToneTransformsTests
{
    [Fact]
    public void TransformsRunTheirKernels()
    {
        (ITransform Transform, Func<ImageTensor, ImageTensor> Kernel)[] cases =
        [
            (new Posterize(3), i => { ToneKernels.Posterize(i, 3); return i; }),
            (new Solarize(0.4f), i => { ToneKernels.Solarize(i, 0.4f); return i; }),
            (new Equalize(), i => { ToneKernels.Equalize(i); return i; }),
            (new AutoContrast(), i => { ToneKernels.AutoContrast(i); return i; }),
            (new Invert(), i => { ToneKernels.Invert(i); return i; }),
            (new AdjustSharpness(1.7f), i => { using (i) { return ToneKernels.Sharpness(i, 1.7f); } }),
        ];
        foreach (var (transform, kernel) in cases)
        {
            var random = RandomSource.FromSeed(1);
            using ImageTensor actual = transform.Apply(WarpTestImages.Random(3, 12, 17, 4), ref random);
            using ImageTensor expected = kernel(WarpTestImages.Random(3, 12, 17, 4));
            Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        }
    }

    [Fact]
    public void WrappedInRandomApplyTheyRunWithTheGivenProbability()
    {
        var transform = new RandomApply(new Invert(), 0.3);
        int applied = 0;
        for (long i = 0; i < 2000; i++)
        {
            var random = RandomSource.ForSample(5, 0, i);
            using ImageTensor image = ImageTensor.Create(1, 1, 1);
            image.Data[0] = 0.25f;
            using ImageTensor result = transform.Apply(image, ref random);
            applied += result.Data[0] == 0.75f ? 1 : 0;
        }

        Assert.InRange(applied, 520, 680);
    }

    [Fact]
    public void ConstructorsRejectBadArguments()
    {
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => new Posterize(9)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new Solarize(float.NaN)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new Solarize(-0.1f)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new AdjustSharpness(-1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new AdjustSharpness(float.PositiveInfinity)).ParamName);
    }

    [Fact]
    public void TransformsDescribeThemselves()
    {
        Assert.Equal("Posterize(bits=3)", new Posterize(3).ToString());
        Assert.Equal("Equalize()", new Equalize().ToString());
        Assert.StartsWith("RandomRotation(degrees=[-10, 10]", new RandomRotation(10).ToString(), StringComparison.Ordinal);
        Assert.Equal("AutoAugment(policy=Svhn, interpolation=Nearest)", new AutoAugment(AutoAugmentPolicy.Svhn).ToString());
        Assert.StartsWith("RandAugment(numOps=2, magnitude=9,", new RandAugment().ToString(), StringComparison.Ordinal);
    }
}
