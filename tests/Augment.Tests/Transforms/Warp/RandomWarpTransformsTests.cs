using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Warp;

namespace Augment.Tests.Transforms.Warp;

public sealed class RandomWarpTransformsTests
{
    [Fact]
    public void RotationAnglesAreUniformOnTheRange()
    {
        var transform = new RandomRotation((-10, 30));
        var random = RandomSource.FromSeed(1);
        const int N = 20000;
        double sum = 0, below = 0;
        for (int i = 0; i < N; i++)
        {
            double angle = transform.Draw(3, new ImageSize(8, 8), ref random).Angle;
            Assert.InRange(angle, -10, 30);
            sum += angle;
            below += angle < 0 ? 1 : 0;
        }

        Assert.InRange(sum / N, 9.6, 10.4);
        Assert.InRange(below / N, 0.24, 0.26);
    }

    [Fact]
    public void AffineDrawsFollowTorchvisionsRanges()
    {
        var transform = new RandomAffine(20, translate: (0.1, 0.2), scale: (0.8, 1.2), shear: [-5, 5, 10, 15]);
        var random = RandomSource.FromSeed(2);
        var size = new ImageSize(50, 100);
        int zeroTx = 0;
        for (int i = 0; i < 5000; i++)
        {
            RandomAffineParams p = transform.Draw(3, size, ref random);
            Assert.InRange(p.Angle, -20, 20);
            Assert.InRange(p.TranslateX, -10, 10); // 0.1 * width
            Assert.InRange(p.TranslateY, -10, 10); // 0.2 * height
            Assert.InRange(p.Scale, 0.8, 1.2);
            Assert.InRange(p.ShearX, -5, 5);
            Assert.InRange(p.ShearY, 10, 15);
            zeroTx += p.TranslateX == 0 ? 1 : 0;
        }

        // Rounding a uniform on [-10, 10] puts about 1/20 of the mass on 0.
        Assert.InRange(zeroTx, 180, 320);
    }

    [Fact]
    public void AffineWithoutRangesDrawsTheIdentityExceptForTheAngle()
    {
        var transform = new RandomAffine(0);
        var random = RandomSource.FromSeed(3);
        Assert.Equal(new RandomAffineParams(0, 0, 0, 1, 0, 0), transform.Draw(3, new ImageSize(9, 9), ref random));
    }

    [Fact]
    public void SingleShearValueIsASymmetricXRange()
    {
        var transform = new RandomAffine(0, shear: [12]);
        Assert.Equal((-12.0, 12.0), transform.ShearX);
        Assert.Null(transform.ShearY);
    }

    [Fact]
    public void ApplyReplaysRecordedParametersAndIsDeterministic()
    {
        ITransform[] transforms =
        [
            new RandomRotation(45, Interpolation.Bilinear, fill: [0.5f]),
            new RandomRotation(30, expand: true),
            new RandomAffine(15, (0.1, 0.1), (0.9, 1.1), [10], Interpolation.Bilinear),
        ];
        foreach (ITransform transform in transforms)
        {
            var log = new ParameterLog();
            var random = RandomSource.ForSample(7, 0, 42);
            var copy = random;
            using ImageTensor a = transform.Apply(WarpTestImages.Random(3, 16, 24, 5), ref random, log);
            using ImageTensor b = transform.Apply(WarpTestImages.Random(3, 16, 24, 5), ref copy);
            Assert.Equal(a.Data.ToArray(), b.Data.ToArray());

            object parameters = Assert.Single(log.Entries).Parameters;
            using ImageTensor replayed = parameters switch
            {
                RandomRotationParams p => ((RandomRotation)transform).Apply(WarpTestImages.Random(3, 16, 24, 5), p),
                RandomAffineParams p => ((RandomAffine)transform).Apply(WarpTestImages.Random(3, 16, 24, 5), p),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(a.Data.ToArray(), replayed.Data.ToArray());
        }
    }

    [Fact]
    public void ConstructorsRejectBadArguments()
    {
        Assert.Equal("degrees", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(-1)).ParamName);
        Assert.Equal("degrees", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation((5, -5))).ParamName);
        Assert.Equal("degrees", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(double.NaN)).ParamName);
        Assert.Equal("fill", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(5, fill: [float.NaN])).ParamName);
        Assert.Equal("center", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(5, center: (double.NaN, 0))).ParamName);
        Assert.Equal("translate", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(0, translate: (1.5, 0))).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(0, scale: (0, 1))).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(0, scale: (2, 1))).ParamName);
        Assert.Equal("shear", Assert.Throws<ArgumentException>(() => new RandomAffine(0, shear: [1, 2, 3])).ParamName);
        Assert.Equal("shear", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(0, shear: [5, -5])).ParamName);
        Assert.Equal("interpolation", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAffine(0, interpolation: (Interpolation)9)).ParamName);
    }
}
