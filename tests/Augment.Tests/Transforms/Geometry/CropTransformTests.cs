using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Tests.Kernels.Geometry;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

public sealed class CropTransformTests
{
    [Fact]
    public void CropCutsTheWindowAndDisposesTheInput()
    {
        ImageTensor image = TestImages.Indexed(3, 10, 12);
        float[] expected = GeometryOracle.Crop(image, 2, 3, 5, 7);
        using ImageTensor cropped = Apply(new Crop(2, 3, 5, 7), image);
        Assert.Equal(expected, cropped.Data.ToArray());
        Assert.True(image.IsDisposed);
    }

    [Fact]
    public void CropOutsideTheImageIsZeroPadded()
    {
        ImageTensor image = TestImages.Indexed(1, 4, 4);
        float[] expected = GeometryOracle.Crop(image, -2, 3, 5, 4);
        using ImageTensor cropped = Apply(new Crop(-2, 3, 5, 4), image);
        Assert.Equal(expected, cropped.Data.ToArray());
    }

    [Fact]
    public void CropEqualToTheImageMovesThePixelsWithoutCopying()
    {
        ImageTensor image = TestImages.Indexed(3, 5, 6);
        float[] expected = image.Data.ToArray();
        using ImageTensor result = Apply(new Crop(0, 0, 5, 6), image);
        Assert.NotSame(image, result);
        Assert.True(image.IsDisposed);
        Assert.Equal(expected, result.Data.ToArray());
    }

    [Fact]
    public void CropRejectsEmptyWindows()
    {
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new Crop(0, 0, 0, 3)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => new Crop(0, 0, 3, -1)).ParamName);
    }

    [Theory]
    [InlineData(5, 2, 2)] // (5 - 2) / 2 = 1.5 -> 2
    [InlineData(7, 2, 2)] // 2.5 -> 2 (half to even)
    [InlineData(9, 2, 4)] // 3.5 -> 4
    [InlineData(6, 3, 2)] // 1.5 -> 2
    [InlineData(6, 2, 2)]
    [InlineData(4, 4, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(3, 6, -1)] // pad 1 before, 2 after
    [InlineData(3, 5, -1)] // pad 1 before, 1 after
    [InlineData(1, 4, -1)] // pad 1 before, 2 after
    public void CenterCropCornerRoundsHalfToEvenAndPadsExtraBottomRight(int side, int crop, int expected)
    {
        Assert.Equal((expected, expected), CenterCrop.Corner(new ImageSize(side, side), crop, crop));
    }

    [Theory]
    [InlineData(11, 13, 4, 5)]
    [InlineData(11, 13, 11, 13)]
    [InlineData(4, 5, 7, 6)]
    [InlineData(4, 9, 7, 3)] // padded along one side only
    [InlineData(1, 1, 1, 1)]
    [InlineData(1, 1, 3, 2)]
    public void CenterCropMatchesTorchvisionDefinition(int h, int w, int ch, int cw)
    {
        ImageTensor image = TestImages.Indexed(3, h, w);
        (int top, int left) = CenterCrop.Corner(image.Size, ch, cw);
        float[] expected = GeometryOracle.Crop(image, top, left, ch, cw);
        using ImageTensor cropped = Apply(new CenterCrop(ch, cw), image);
        Assert.Equal(expected, cropped.Data.ToArray());
    }

    [Fact]
    public void HorizontalAndVerticalFlipsMirrorInPlace()
    {
        ImageTensor image = TestImages.Indexed(2, 5, 9);
        float[] h = GeometryOracle.Crop(image, 0, 0, 5, 9, FlipMode.Horizontal);
        float[] hv = GeometryOracle.Crop(image, 0, 0, 5, 9, FlipMode.Horizontal | FlipMode.Vertical);
        ImageTensor flipped = Apply(new HorizontalFlip(), image);
        Assert.True(image.IsDisposed);
        Assert.Equal(h, flipped.Data.ToArray());
        using ImageTensor both = Apply(new VerticalFlip(), flipped);
        Assert.Equal(hv, both.Data.ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 500)]
    [InlineData(500, 1)]
    [InlineData(2, 333)]
    public void ExtremeAspectRatiosFlipAndCrop(int h, int w)
    {
        ImageTensor image = TestImages.Indexed(3, h, w);
        float[] expected = GeometryOracle.Crop(image, 0, 0, h, w, FlipMode.Horizontal | FlipMode.Vertical);
        image = Apply(new HorizontalFlip(), image);
        image = Apply(new VerticalFlip(), image);
        Assert.Equal(expected, image.Data.ToArray());
        float[] center = GeometryOracle.Crop(image, CenterCrop.Corner(image.Size, 1, 1).Top, CenterCrop.Corner(image.Size, 1, 1).Left, 1, 1);
        using ImageTensor pixel = Apply(new CenterCrop(1, 1), image);
        Assert.Equal(center, pixel.Data.ToArray());
    }

    [Fact]
    public void RandomFlipsApplyTheirDrawAndValidateP()
    {
        var flip = new RandomHorizontalFlip(1.0);
        ImageTensor image = TestImages.Indexed(1, 2, 3);
        float[] expected = GeometryOracle.Crop(image, 0, 0, 2, 3, FlipMode.Horizontal);
        using ImageTensor result = Apply(flip, image);
        Assert.Equal(expected, result.Data.ToArray());

        using ImageTensor kept = new RandomVerticalFlip().Apply(TestImages.Indexed(1, 2, 3), new RandomVerticalFlipParams(false));
        Assert.Equal(TestImages.Indexed(1, 2, 3).Data.ToArray(), kept.Data.ToArray());

        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomVerticalFlip(double.NaN));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void RandomFlipFrequenciesMatchP(double p)
    {
        var horizontal = new RandomHorizontalFlip(p);
        var vertical = new RandomVerticalFlip(p);
        const int n = 20000;
        int h = 0, v = 0;
        for (int i = 0; i < n; i++)
        {
            RandomSource random = RandomSource.ForSample(31, 0, i);
            h += horizontal.Draw(3, new ImageSize(4, 4), ref random).Flipped ? 1 : 0;
            v += vertical.Draw(3, new ImageSize(4, 4), ref random).Flipped ? 1 : 0;
        }

        double tolerance = 5 * Math.Sqrt(p * (1 - p) / n);
        Assert.InRange(h / (double)n, p - tolerance, p + tolerance);
        Assert.InRange(v / (double)n, p - tolerance, p + tolerance);
    }

    private static ImageTensor Apply(ITransform transform, ImageTensor image)
    {
        RandomSource random = RandomSource.FromSeed(0);
        return transform.Apply(image, ref random);
    }
}
