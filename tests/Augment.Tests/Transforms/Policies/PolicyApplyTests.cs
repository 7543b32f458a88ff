using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Kernels.Tone;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Policies;

namespace Augment.Tests.Transforms.Policies;

/// <summary>Applying drawn policies: each operation's meaning, determinism and replay.</summary>
public sealed class PolicyApplyTests
{
    private static ImageTensor Image(int channels = 3) => WarpTestImages.Random(channels, 24, 32, 21, quantized: true);

    private static ImageTensor Run(PolicyTransform transform, ImageTensor image, params PolicyStep[] steps) =>
        transform.Apply(image, new PolicyParams(-1, steps));

    [Fact]
    public void EachOperationIsTheKernelTorchvisionCalls()
    {
        var policy = new TrivialAugmentWide(fill: [0.5f]);
        (PolicyStep Step, Func<ImageTensor, ImageTensor> Expected)[] cases =
        [
            (new(AugmentOp.Identity, 0), i => i),
            (new(AugmentOp.Rotate, -20), i => Replace(i, WarpKernels.Rotate(i, -20, Interpolation.Nearest, [0.5f]))),
            (new(AugmentOp.TranslateX, 5.7f), i => Replace(i, WarpKernels.Affine(i, 0, 5, 0, 1, 0, 0, Interpolation.Nearest, [0.5f]))),
            (new(AugmentOp.TranslateY, -3.2f), i => Replace(i, WarpKernels.Affine(i, 0, 0, -3, 1, 0, 0, Interpolation.Nearest, [0.5f]))),
            (new(AugmentOp.ShearX, 0.3f), i => Replace(i, WarpKernels.Affine(i, 0, 0, 0, 1, Math.Atan(0.3f) * 180 / Math.PI, 0, Interpolation.Nearest, [0.5f], 0, 0))),
            (new(AugmentOp.ShearY, -0.3f), i => Replace(i, WarpKernels.Affine(i, 0, 0, 0, 1, 0, Math.Atan(-0.3f) * 180 / Math.PI, Interpolation.Nearest, [0.5f], 0, 0))),
            (new(AugmentOp.Brightness, 0.5f), i => { ColorKernels.AdjustBrightness(i, 1.5f); return i; }),
            (new(AugmentOp.Color, -0.5f), i => { ColorKernels.AdjustSaturation(i, 0.5f); return i; }),
            (new(AugmentOp.Contrast, 0.25f), i => { ColorKernels.AdjustContrast(i, 1.25f); return i; }),
            (new(AugmentOp.Sharpness, 0.8f), i => Replace(i, ToneKernels.Sharpness(i, 1.8f))),
            (new(AugmentOp.Posterize, 5), i => { ToneKernels.Posterize(i, 5); return i; }),
            (new(AugmentOp.Solarize, 128), i => { ToneKernels.Solarize(i, 128 / 255f); return i; }),
            (new(AugmentOp.AutoContrast, 0), i => { ToneKernels.AutoContrast(i); return i; }),
            (new(AugmentOp.Equalize, 0), i => { ToneKernels.Equalize(i); return i; }),
            (new(AugmentOp.Invert, 0), i => { ToneKernels.Invert(i); return i; }),
        ];
        Assert.Equal(Enum.GetValues<AugmentOp>().Length, cases.Length);
        foreach (var (step, expected) in cases)
        {
            using ImageTensor actual = Run(policy, Image(), step);
            using ImageTensor reference = expected(Image());
            Assert.Equal(reference.Data.ToArray(), actual.Data.ToArray());
        }
    }

    [Fact]
    public void ShearIsAboutTheTopLeftCorner()
    {
        // torchvision shears about (0, 0): a small x shear leaves the first row in place and moves the last one.
        var policy = new AutoAugment();
        using ImageTensor image = Image(1);
        float[] before = image.Data.ToArray();
        using ImageTensor sheared = Run(policy, image.Clone(), new PolicyStep(AugmentOp.ShearX, 0.1f));
        Assert.Equal(before.AsSpan(0, 32).ToArray(), sheared.Data[..32].ToArray());
        Assert.NotEqual(before.AsSpan(23 * 32, 32).ToArray(), sheared.Data.Slice(23 * 32, 32).ToArray());
    }

    [Fact]
    public void StepsRunInOrder()
    {
        var policy = new RandAugment();
        using ImageTensor a = Run(policy, Image(), new(AugmentOp.Invert, 0), new(AugmentOp.Posterize, 2));
        using ImageTensor b = Run(policy, Image(), new(AugmentOp.Posterize, 2), new(AugmentOp.Invert, 0));
        Assert.NotEqual(a.Data.ToArray(), b.Data.ToArray());
    }

    [Fact]
    public void PoliciesAreDeterministicAndReplayable()
    {
        PolicyTransform[] policies =
        [
            new AutoAugment(AutoAugmentPolicy.ImageNet),
            new AutoAugment(AutoAugmentPolicy.Cifar10, Interpolation.Bilinear),
            new AutoAugment(AutoAugmentPolicy.Svhn, fill: [0.2f, 0.4f, 0.6f]),
            RandAugment.FromConfig("rand-m9-n3-mstd0.5-inc1"),
            new TrivialAugmentWide(),
        ];
        foreach (PolicyTransform policy in policies)
        {
            for (long sample = 0; sample < 40; sample++)
            {
                var log = new ParameterLog();
                var random = RandomSource.ForSample(3, 1, sample);
                var copy = random;
                using ImageTensor first = policy.Apply(Image(), ref random, log);
                using ImageTensor second = policy.Apply(Image(), ref copy);
                Assert.Equal(first.Data.ToArray(), second.Data.ToArray());

                PolicyParams drawn = log.Get<PolicyParams>();
                using ImageTensor replayed = policy.Apply(Image(), drawn);
                Assert.Equal(first.Data.ToArray(), replayed.Data.ToArray());
                Assert.All(first.Data.ToArray(), v => Assert.InRange(v, 0f, 1f));
            }
        }
    }

    [Fact]
    public void GrayscaleImagesRunEveryOperation()
    {
        var policy = new TrivialAugmentWide();
        foreach (AugmentOp op in Enum.GetValues<AugmentOp>())
        {
            using ImageTensor result = Run(policy, Image(1), new PolicyStep(op, 0.3f));
            Assert.Equal(new ImageSize(24, 32), result.Size);
            Assert.Equal(1, result.Channels);
        }
    }

    [Fact]
    public void ParamsCompareByValueAndPrintTheirSteps()
    {
        var a = new PolicyParams(3, [new(AugmentOp.Rotate, 10), new(AugmentOp.Equalize, 0)]);
        var b = new PolicyParams(3, [new(AugmentOp.Rotate, 10), new(AugmentOp.Equalize, 0)]);
        var c = new PolicyParams(3, [new(AugmentOp.Rotate, 10), new(AugmentOp.Invert, 0)]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal("PolicyParams { SubPolicy = 3, Steps = [Rotate 10, Equalize 0] }", a.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2]);
        Assert.Throws<ArgumentException>(() => new PolicyParams(-1, new PolicyStep[PolicyParams.MaxSteps + 1]));
    }

    private static ImageTensor Replace(ImageTensor old, ImageTensor result)
    {
        old.Dispose();
        return result;
    }
}
