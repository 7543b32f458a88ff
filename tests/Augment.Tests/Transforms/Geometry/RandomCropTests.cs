using Augment.Imaging;
using Augment.Randomness;
using Augment.Tests.Kernels.Geometry;
using Augment.Tests.Randomness;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

public sealed class RandomCropTests
{
    [Fact]
    public void CornersAreUniformOverValidPositions()
    {
        var crop = new RandomCrop(7, 8);
        var size = new ImageSize(10, 12); // 4 x 5 positions
        var counts = new int[20];
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            RandomSource random = RandomSource.ForSample(99, 0, i);
            RandomCropParams p = crop.Draw(3, size, ref random);
            Assert.InRange(p.Top, 0, 3);
            Assert.InRange(p.Left, 0, 4);
            counts[(p.Top * 5) + p.Left]++;
        }

        RandomSourceTests.AssertChiSquare(counts, n / 20.0);
    }

    [Fact]
    public void CropEqualToTheImageAlwaysDrawsTheOrigin()
    {
        var crop = new RandomCrop(6, 9);
        RandomSource random = RandomSource.FromSeed(1);
        Assert.Equal(new RandomCropParams(0, 0), crop.Draw(1, new ImageSize(6, 9), ref random));
        ImageTensor image = TestImages.Indexed(1, 6, 9);
        float[] expected = image.Data.ToArray();
        using ImageTensor result = crop.Apply(image, ref random);
        Assert.True(image.IsDisposed);
        Assert.Equal(expected, result.Data.ToArray());
    }

    [Fact]
    public void CropLargerThanTheImageWithoutPaddingThrowsNamingSizes()
    {
        var crop = new RandomCrop(8, 5);
        RandomSource random = RandomSource.FromSeed(1);
        var e = Assert.Throws<ArgumentException>(() => crop.Draw(3, new ImageSize(7, 20), ref random));
        Assert.Contains("8x5", e.Message);
        Assert.Contains("7x20", e.Message);
    }

    [Fact]
    public void ApplyRejectsWindowsOutsideThePaddedImage()
    {
        var crop = new RandomCrop(4, 4, Padding.Uniform(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => crop.Apply(TestImages.Indexed(1, 5, 5), new RandomCropParams(4, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => crop.Apply(TestImages.Indexed(1, 5, 5), new RandomCropParams(0, -1)));
    }

    [Fact]
    public void ConstructorValidates()
    {
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(0, 3)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(3, -3)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(3, 3, new Padding(0, -1, 0, 0))).ParamName);
        Assert.Equal("fill", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(3, 3, fill: float.NaN)).ParamName);
        Assert.Equal("paddingMode", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(3, 3, paddingMode: (PaddingMode)9)).ParamName);
    }

    public static TheoryData<int, int, int, int, int, int, int, int, bool, PaddingMode> PaddedCases()
    {
        var data = new TheoryData<int, int, int, int, int, int, int, int, bool, PaddingMode>();
        foreach (PaddingMode mode in Enum.GetValues<PaddingMode>())
        {
            data.Add(9, 11, 8, 10, 2, 1, 3, 0, false, mode); // padding only
            data.Add(6, 7, 10, 12, 0, 0, 0, 0, true, mode); // pad_if_needed only
            data.Add(6, 7, 10, 9, 1, 2, 1, 0, true, mode); // both: pad_if_needed reflects the padded image
            data.Add(5, 30, 9, 8, 1, 1, 1, 1, true, mode); // only the height needs padding
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PaddedCases))]
    public void PaddedCropsMatchTorchvisionsSequentialPadding(
        int h, int w, int ch, int cw, int left, int top, int right, int bottom, bool padIfNeeded, PaddingMode mode)
    {
        var padding = new Padding(left, top, right, bottom);
        var crop = new RandomCrop(ch, cw, padding, padIfNeeded, fill: 0.25f, paddingMode: mode);
        using ImageTensor source = TestImages.Indexed(2, h, w);

        // torchvision: pad(padding), then pad width by (cw - W) on both sides, then height by (ch - H) on both sides.
        ImageTensor padded = GeometryOracle.Pad(source, padding, mode, 0.25f);
        if (padIfNeeded && padded.Width < cw)
        {
            using ImageTensor previous = padded;
            padded = GeometryOracle.Pad(previous, Padding.Symmetric(cw - previous.Width, 0), mode, 0.25f);
        }

        if (padIfNeeded && padded.Height < ch)
        {
            using ImageTensor previous = padded;
            padded = GeometryOracle.Pad(previous, Padding.Symmetric(0, ch - previous.Height), mode, 0.25f);
        }

        using (padded)
        {
            Assert.Equal(padded.Size, crop.PaddedSize(source.Size));
            for (int top0 = 0; top0 <= padded.Height - ch; top0++)
            {
                for (int left0 = 0; left0 <= padded.Width - cw; left0++)
                {
                    using ImageTensor actual = crop.Apply(source.Clone(), new RandomCropParams(top0, left0));
                    Assert.Equal(GeometryOracle.Crop(padded, top0, left0, ch, cw), actual.Data.ToArray());
                }
            }
        }
    }

    [Fact]
    public void OnePixelImagePaddedToACrop()
    {
        using var image = ImageTensor.Create(3, 1, 1);
        image.Data.Fill(0.5f);
        var crop = new RandomCrop(3, 3, Padding.Uniform(1), paddingMode: PaddingMode.Reflect);
        using ImageTensor result = crop.Apply(image.Clone(), new RandomCropParams(0, 0));
        Assert.All(result.Data.ToArray(), v => Assert.Equal(0.5f, v));
    }
}
