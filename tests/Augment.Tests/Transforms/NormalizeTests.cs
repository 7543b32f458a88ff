using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Tests.Transforms;

public sealed class NormalizeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    [InlineData(16, 17)]
    public void NormalizeMatchesTheDefinition(int h, int w)
    {
        ImageTensor input = TestImages.Random(3, h, w);
        using ImageTensor original = input.Clone();
        var normalize = Normalize.ImageNet();
        RandomSource random = RandomSource.FromSeed(0);
        using ImageTensor image = normalize.Apply(input, ref random);
        Assert.NotSame(input, image);
        Assert.True(input.IsDisposed); // Apply consumes its input, in place or not
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < h * w; i++)
            {
                float expected = (original.Plane(c)[i] - Normalize.ImageNetMean[c]) / Normalize.ImageNetStd[c];
                Assert.Equal(expected, image.Plane(c)[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void OutOfPlaceLeavesTheSource()
    {
        using ImageTensor source = TestImages.Random(2, 3, 4);
        float[] before = source.Data.ToArray();
        using var destination = ImageTensor.Create(2, 3, 4);
        var normalize = new Normalize([0.5f, 0.25f], [2f, 0.5f]);
        normalize.Apply(source, destination);
        Assert.Equal(before, source.Data.ToArray());
        Assert.Equal((before[13] - 0.25f) / 0.5f, destination.Data[13], 1e-6f);
        Assert.Equal([0.5f, 0.25f], normalize.Mean);
        Assert.Equal([2f, 0.5f], normalize.Std);
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void ApplyCroppedEqualsCropThenFlipThenNormalize()
    {
        using ImageTensor source = TestImages.Random(3, 12, 45);
        var normalize = Normalize.ImageNet();
        RandomSource random = RandomSource.FromSeed(2);
        for (int w = 1; w <= 40; w++)
        {
            foreach (FlipMode flip in new[] { FlipMode.None, FlipMode.Horizontal, FlipMode.Vertical })
            {
                int top = random.NextInt32(-3, 6), left = random.NextInt32(-3, 10), h = random.NextInt32(1, 9);
                using var expected = ImageTensor.Create(3, h, w);
                CropKernels.Crop(source, top, left, expected, flip);
                normalize.ApplyInPlace(expected);
                using var fused = ImageTensor.Create(3, h, w);
                fused.Data.Fill(float.NaN);
                normalize.ApplyCropped(source, top, left, fused, flip);
                Assert.Equal(expected.Data.ToArray(), fused.Data.ToArray());
            }
        }

        using var gray = ImageTensor.Create(1, 2, 2);
        Assert.Throws<ArgumentException>(() => normalize.ApplyCropped(source, 0, 0, gray));
        Assert.Throws<ArgumentException>(() => normalize.ApplyCropped(source, 0, 0, source));
    }

    [Fact]
    public void NormalizeValidates()
    {
        Assert.Throws<ArgumentException>(() => new Normalize([0.5f], [0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => new Normalize([], []));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize([0.5f, 0.5f], [0.5f, 0f]));
        Assert.Equal("std", e.ParamName);
        Assert.Contains("#1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize([0.5f], [-1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize([0.5f], [float.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize([float.PositiveInfinity], [1f]));
        using var gray = ImageTensor.Create(1, 2, 2);
        Assert.Throws<ArgumentException>(() => Normalize.ImageNet().ApplyInPlace(gray));
        using var other = ImageTensor.Create(3, 2, 3);
        using var rgb = ImageTensor.Create(3, 2, 2);
        Assert.Throws<ArgumentException>(() => Normalize.ImageNet().Apply(rgb, other));
    }
}
