using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Tests.Kernels.Geometry;
using Augment.Tests.Randomness;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Transforms.Geometry;

public sealed class MultiCropTests
{
    [Theory]
    [InlineData(9, 12, 4, 5)]
    [InlineData(9, 12, 9, 12)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(8, 3, 3, 2)]
    public void FiveCropFollowsTorchvisionOrder(int h, int w, int ch, int cw)
    {
        using ImageTensor image = TestImages.Indexed(3, h, w);
        ImageTensor[] views = new FiveCrop(ch, cw).Apply(image);
        Assert.False(image.IsDisposed);
        float[][] expected = FiveOracle(image, ch, cw);
        Assert.Equal(5, views.Length);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], views[i].Data.ToArray());
            views[i].Dispose();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TenCropIsFiveCropOfTheImageThenOfItsMirror(bool vertical)
    {
        using ImageTensor image = TestImages.Indexed(2, 10, 13); // odd margins exercise the half-to-even centre
        var tenCrop = new TenCrop(5, 6, vertical);
        ImageTensor[] views = tenCrop.Apply(image);

        using ImageTensor mirrored = image.Clone();
        if (vertical)
        {
            FlipKernels.FlipVertical(mirrored);
        }
        else
        {
            FlipKernels.FlipHorizontal(mirrored);
        }

        float[][] expected = [.. FiveOracle(image, 5, 6), .. FiveOracle(mirrored, 5, 6)];
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i], views[i].Data.ToArray());
            views[i].Dispose();
        }
    }

    [Fact]
    public void OverloadsWritingIntoCallerBuffersAgree()
    {
        using ImageTensor image = TestImages.Random(3, 11, 9);
        var tenCrop = new TenCrop(4, 4);
        ImageTensor[] views = tenCrop.Apply(image);

        float[] block = new float[(10 * 3 * 16) + 1];
        block[^1] = float.NaN;
        tenCrop.Apply(image, block.AsSpan());
        ImageTensor[] targets = [.. Enumerable.Range(0, 10).Select(_ => ImageTensor.Create(3, 4, 4))];
        tenCrop.Apply(image, targets);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(views[i].Data.ToArray(), block.AsSpan(i * 48, 48).ToArray());
            Assert.Equal(views[i].Data.ToArray(), targets[i].Data.ToArray());
        }

        Assert.True(float.IsNaN(block[^1]));

        var fiveCrop = new FiveCrop(4, 4);
        float[] five = new float[5 * 48];
        fiveCrop.Apply(image, five.AsSpan());
        Assert.Equal(block[..(5 * 48)], five);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LargeBlocksWrittenWithStreamingStoresEqualTheViewTensors(bool vertical)
    {
        // Ten 3x160x163 views are 3 MB, past StreamingRows.MinimumBytes; odd widths and an offset into the block
        // leave rows unaligned, so the scalar heads and tails run too.
        using ImageTensor image = TestImages.Random(3, 181, 190);
        var tenCrop = new TenCrop(160, 163, vertical);
        int viewLength = 3 * 160 * 163;
        Assert.True(10L * viewLength * sizeof(float) >= StreamingRows.MinimumBytes);
        ImageTensor[] views = tenCrop.Apply(image);
        float[] block = new float[(10 * viewLength) + 2];
        block[0] = block[^1] = float.NaN;
        tenCrop.Apply(image, block.AsSpan(1, 10 * viewLength));
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(views[i].Data.ToArray(), block.AsSpan(1 + (i * viewLength), viewLength).ToArray());
            views[i].Dispose();
        }

        Assert.True(float.IsNaN(block[0]) && float.IsNaN(block[^1]));
    }

    [Fact]
    public void MultiCropsValidate()
    {
        using ImageTensor image = TestImages.Indexed(3, 6, 8);
        var e = Assert.Throws<ArgumentException>(() => new FiveCrop(7, 2).Apply(image));
        Assert.Contains("7x2", e.Message);
        Assert.Contains("6x8", e.Message);
        Assert.Throws<ArgumentException>(() => new TenCrop(2, 9).Apply(image));
        Assert.Throws<ArgumentException>(() => new FiveCrop(2, 2).Apply(image, new ImageTensor[4]));
        Assert.Throws<ArgumentException>(() => new FiveCrop(2, 2).Apply(image, new float[(5 * 12) - 1].AsSpan()));
        ImageTensor[] wrongShape = [.. Enumerable.Range(0, 5).Select(_ => ImageTensor.Create(3, 2, 3))];
        Assert.Throws<ArgumentException>(() => new FiveCrop(2, 2).Apply(image, wrongShape));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiveCrop(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TenCrop(2, -2));
    }

    [Fact]
    public void DistinctCropsDrawDistinctValidCorners()
    {
        var crops = new DistinctCrops(new ImageSize(12, 15), 8, 9, strideY: 2, strideX: 3); // 3 x 3 corners
        Assert.Equal(9, crops.Corners.Length);
        Assert.Contains(new CropCorner(4, 6), crops.Corners.ToArray());
        Span<CropCorner> drawn = stackalloc CropCorner[9];
        for (int i = 0; i < 100; i++)
        {
            RandomSource random = RandomSource.ForSample(5, 0, i);
            crops.Draw(ref random, drawn);
            Assert.Equal(9, drawn.ToArray().Distinct().Count());
            Assert.All(drawn.ToArray(), c => Assert.True(c.Top % 2 == 0 && c.Top <= 4 && c.Left % 3 == 0 && c.Left <= 6));
        }
    }

    [Fact]
    public void DistinctCropsPickEveryCornerEquallyOften()
    {
        var crops = new DistinctCrops(new ImageSize(6, 7), 3, 3); // 4 x 5 = 20 corners
        var counts = new Dictionary<CropCorner, int>();
        Span<CropCorner> drawn = stackalloc CropCorner[3];
        const int n = 6000;
        for (int i = 0; i < n; i++)
        {
            RandomSource random = RandomSource.ForSample(8, 1, i);
            crops.Draw(ref random, drawn);
            foreach (CropCorner corner in drawn)
            {
                counts[corner] = counts.GetValueOrDefault(corner) + 1;
            }
        }

        Assert.Equal(20, counts.Count);
        RandomSourceTests.AssertChiSquare([.. counts.Values], n * 3 / 20.0);
    }

    [Fact]
    public void DistinctCropsApplyCutsTheDrawnWindows()
    {
        using ImageTensor image = TestImages.Indexed(3, 10, 10);
        var crops = new DistinctCrops(image.Size, 4, 5);
        RandomSource random = RandomSource.FromSeed(4);
        RandomSource replay = random;
        ImageTensor[] views = crops.Apply(image, 6, ref random);
        var corners = new CropCorner[6];
        crops.Draw(ref replay, corners);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(GeometryOracle.Crop(image, corners[i].Top, corners[i].Left, 4, 5), views[i].Data.ToArray());
            views[i].Dispose();
        }
    }

    [Fact]
    public void DistinctCropsValidate()
    {
        Assert.Throws<ArgumentException>(() => new DistinctCrops(new ImageSize(4, 4), 5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistinctCrops(new ImageSize(4, 4), 2, 2, strideY: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistinctCrops(new ImageSize(0, 4), 1, 1));
        var crops = new DistinctCrops(new ImageSize(4, 4), 4, 4);
        Assert.Equal(1, crops.Corners.Length);
        RandomSource random = RandomSource.FromSeed(1);
        Assert.Throws<ArgumentException>(() => crops.Draw(ref random, new CropCorner[2]));
        using ImageTensor other = ImageTensor.Create(3, 4, 5);
        Assert.Throws<ArgumentException>(() => crops.Apply(other, 1, ref random));
    }

    private static float[][] FiveOracle(ImageTensor image, int ch, int cw)
    {
        (int top, int left) = CenterCrop.Corner(image.Size, ch, cw);
        return
        [
            GeometryOracle.Crop(image, 0, 0, ch, cw),
            GeometryOracle.Crop(image, 0, image.Width - cw, ch, cw),
            GeometryOracle.Crop(image, image.Height - ch, 0, ch, cw),
            GeometryOracle.Crop(image, image.Height - ch, image.Width - cw, ch, cw),
            GeometryOracle.Crop(image, top, left, ch, cw),
        ];
    }
}
