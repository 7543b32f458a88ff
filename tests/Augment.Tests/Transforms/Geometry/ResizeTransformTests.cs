using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Tests.Kernels.Geometry;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

/// <summary>ResizeSize semantics (torchvision's), Resize and ResizedCrop.</summary>
public sealed class ResizeTransformTests
{
    [Theory]
    [InlineData(375, 500, 256, null, 256, 341)]
    [InlineData(500, 375, 256, null, 341, 256)]
    [InlineData(333, 500, 256, null, 256, 384)]
    [InlineData(500, 500, 224, null, 224, 224)]
    [InlineData(10, 1000, 20, null, 20, 2000)]
    [InlineData(10, 1000, 20, 300, 3, 300)]
    [InlineData(1000, 10, 20, 300, 300, 3)]
    [InlineData(375, 500, 256, 400, 256, 341)]
    [InlineData(1, 1, 7, null, 7, 7)]
    public void ShorterSideFollowsTorchvision(int height, int width, int size, int? maxSize, int expectedHeight, int expectedWidth)
    {
        Assert.Equal(new ImageSize(expectedHeight, expectedWidth), ResizeSize.FromShorterSide(size, maxSize).Resolve(new ImageSize(height, width)));
    }

    [Fact]
    public void ExplicitSizeIgnoresTheInput()
    {
        Assert.Equal(new ImageSize(35, 85), ResizeSize.Exact(35, 85).Resolve(new ImageSize(300, 451)));
        Assert.True(ResizeSize.Exact(3, 4).IsExplicit);
        Assert.False(ResizeSize.FromShorterSide(3).IsExplicit);
    }

    [Fact]
    public void InvalidSizesThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.FromShorterSide(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.FromShorterSide(-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.FromShorterSide(256, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.Exact(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.Exact(5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.FromShorterSide(1_000_000).Resolve(new ImageSize(1, 100_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeSize.FromShorterSide(5).Resolve(new ImageSize(0, 10)));
        Assert.Throws<ArgumentException>(() => new Resize(default(ResizeSize)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resize(256, (Interpolation)17));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResizedCrop(-1, 0, 5, 5, ResizeSize.Exact(3, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResizedCrop(0, 0, 0, 5, ResizeSize.Exact(3, 3)));
    }

    [Fact]
    public void ResizeTakesOwnershipAndKeepsAMatchingImage()
    {
        var random = RandomSource.FromSeed(1);
        ImageTensor input = ReferenceResampler.RandomImage(3, 40, 60, seed: 1);
        ImageTensor image = new Resize(40).Apply(input, ref random);
        Assert.True(input.IsDisposed);
        Assert.Equal(input.Size, image.Size);

        ImageTensor resized = new Resize(20).Apply(image, ref random);
        Assert.True(image.IsDisposed);
        Assert.Equal(new ImageSize(20, 30), resized.Size);
        resized.Dispose();
    }

    [Fact]
    public void ResizedCropEqualsTheWindowKernel()
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 50, 60, seed: 4);
        var random = RandomSource.FromSeed(1);
        using ImageTensor viaTransform = new ResizedCrop(5, 7, 30, 40, ResizeSize.FromShorterSide(15), Interpolation.Bicubic).Apply(source.Clone(), ref random);
        Assert.Equal(new ImageSize(15, 20), viaTransform.Size);
        using ImageTensor viaKernel = ResizeKernels.Resize(source, 5, 7, 30, 40, new ImageSize(15, 20), Interpolation.Bicubic, true);
        Assert.True(viaTransform.Data.SequenceEqual(viaKernel.Data));
    }

    [Fact]
    public void ResizedCropOutsideTheImageThrows()
    {
        var random = RandomSource.FromSeed(1);
        using ImageTensor image = ImageTensor.Create(3, 10, 10);
        var crop = new ResizedCrop(5, 5, 6, 6, ResizeSize.Exact(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => crop.Apply(image, ref random));
    }
}
