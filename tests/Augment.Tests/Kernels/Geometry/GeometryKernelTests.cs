using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Tests.Kernels.Geometry;

[Trait("Category", "HardwarePaths")]
public sealed class GeometryKernelTests
{
    [Fact]
    public void MirrorCopyMatchesOracleAtAllLengths()
    {
        for (int length = 0; length <= 300; length++)
        {
            float[] source = Enumerable.Range(1, length).Select(i => (float)i).ToArray();
            float[] destination = Enumerable.Repeat(float.NaN, length + 1).ToArray();
            FlipKernels.MirrorCopy(source, destination);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(source[length - 1 - i], destination[i]);
            }

            Assert.True(float.IsNaN(destination[length]), $"length {length}: wrote past the end");
        }
    }

    [Fact]
    public void MirrorCopyRejectsOverlapAndShortDestinations()
    {
        float[] buffer = new float[40];
        Assert.Throws<ArgumentException>(() => FlipKernels.MirrorCopy(buffer.AsSpan(0, 20), buffer.AsSpan(10, 20)));
        Assert.Throws<ArgumentException>(() => FlipKernels.MirrorCopy(new float[5], new float[4]));
    }

    [Fact]
    public void FlipHorizontalInPlaceAtAllWidths()
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor image = TestImages.Indexed(2, 3, width);
            float[] expected = GeometryOracle.Crop(image, 0, 0, 3, width, FlipMode.Horizontal);
            FlipKernels.FlipHorizontal(image);
            Assert.Equal(expected, image.Data.ToArray());
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(7, 33)]
    [InlineData(4, 1500)] // a row wider than the stack scratch
    public void FlipVerticalInPlace(int height, int width)
    {
        using ImageTensor image = TestImages.Indexed(3, height, width);
        float[] expected = GeometryOracle.Crop(image, 0, 0, height, width, FlipMode.Vertical);
        FlipKernels.FlipVertical(image);
        Assert.Equal(expected, image.Data.ToArray());
    }

    [Fact]
    public void CropMatchesOracleForEveryWindowFlipAndWidth()
    {
        using ImageTensor source = TestImages.Indexed(2, 9, 41);
        RandomSource random = RandomSource.FromSeed(17);
        for (int w = 1; w <= 40; w++)
        {
            foreach (FlipMode flip in new[] { FlipMode.None, FlipMode.Horizontal, FlipMode.Vertical, FlipMode.Horizontal | FlipMode.Vertical })
            {
                // Inside, straddling each edge, and wholly outside.
                int h = random.NextInt32(1, 12);
                int top = random.NextInt32(-14, 12);
                int left = random.NextInt32(-45, 45);
                using var destination = ImageTensor.Create(2, h, w);
                destination.Data.Fill(float.NaN);
                CropKernels.Crop(source, top, left, destination, flip, fill: -1f);
                Assert.Equal(GeometryOracle.Crop(source, top, left, h, w, flip, -1f), destination.Data.ToArray());
            }
        }
    }

    [Fact]
    public void CropWritesIntoASliceOfABatchBuffer()
    {
        using ImageTensor source = TestImages.Indexed(3, 6, 7);
        float[] batch = Enumerable.Repeat(float.NaN, (2 * 3 * 4 * 5) + 1).ToArray();
        CropKernels.Crop(source.Data, 3, source.Size, 1, 2, batch.AsSpan(60), new ImageSize(4, 5), FlipMode.Horizontal);
        Assert.All(batch[..60], v => Assert.True(float.IsNaN(v)));
        Assert.Equal(GeometryOracle.Crop(source, 1, 2, 4, 5, FlipMode.Horizontal), batch[60..120]);
        Assert.True(float.IsNaN(batch[120]));
    }

    [Fact]
    public void CropValidatesItsArguments()
    {
        using ImageTensor source = TestImages.Indexed(3, 6, 7);
        using var gray = ImageTensor.Create(1, 2, 2);
        Assert.Throws<ArgumentException>(() => CropKernels.Crop(source, 0, 0, gray));
        Assert.Throws<ArgumentException>(() => CropKernels.Crop(source, 0, 0, source));
        Assert.Throws<ArgumentException>(() => CropKernels.Crop(source.Data, 3, source.Size, 0, 0, new float[11], new ImageSize(2, 2)));
        Assert.Throws<ArgumentException>(() => CropKernels.Crop(new float[10], 3, source.Size, 0, 0, new float[12], new ImageSize(2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CropKernels.Crop(source.Data, 3, source.Size, 0, 0, new float[12], new ImageSize(0, 2)));
    }

    [Fact]
    public void GatherMatchesOracle()
    {
        using ImageTensor source = TestImages.Indexed(2, 5, 37);
        RandomSource random = RandomSource.FromSeed(3);
        for (int w = 1; w <= 40; w++)
        {
            int[] rows = [.. Enumerable.Range(0, 6).Select(_ => random.NextInt32(-1, 4))];
            int[] columns = new int[w];
            int next = random.NextInt32(-1, 36);
            for (int x = 0; x < w; x++)
            {
                // Mostly ascending runs, with fills and jumps.
                columns[x] = random.NextBoolean(0.8) && next >= 0 && next < 36 ? next + 1 : random.NextInt32(-1, 36);
                next = columns[x];
            }

            using var destination = ImageTensor.Create(2, rows.Length, w);
            destination.Data.Fill(float.NaN);
            CropKernels.Gather(source, rows, columns, destination, 0.5f);
            for (int c = 0; c < 2; c++)
            {
                for (int y = 0; y < rows.Length; y++)
                {
                    for (int x = 0; x < w; x++)
                    {
                        float expected = rows[y] < 0 || columns[x] < 0 ? 0.5f : source.At(c, rows[y], columns[x]);
                        Assert.Equal(expected, destination.At(c, y, x));
                    }
                }
            }
        }
    }

    [Fact]
    public void GatherValidatesItsMaps()
    {
        using ImageTensor source = TestImages.Indexed(1, 3, 3);
        using var destination = ImageTensor.Create(1, 2, 2);
        Assert.Throws<ArgumentException>(() => CropKernels.Gather(source, [0, 1, 2], [0, 1], destination));
        Assert.Throws<ArgumentException>(() => CropKernels.Gather(source, [0, 3], [0, 1], destination));
        Assert.Throws<ArgumentException>(() => CropKernels.Gather(source, [0, 1], [-2, 1], destination));
    }

    [Theory]
    [InlineData(PaddingMode.Edge, new[] { 0, 0, 0, 0, 1, 2, 3, 3, 3 })]
    [InlineData(PaddingMode.Reflect, new[] { 3, 2, 1, 0, 1, 2, 3, 2, 1 })]
    [InlineData(PaddingMode.Symmetric, new[] { 2, 1, 0, 0, 1, 2, 3, 3, 2 })]
    [InlineData(PaddingMode.Constant, new[] { -1, -1, -1, 0, 1, 2, 3, -1, -1 })]
    public void MapIndexFollowsTorchPaddingModes(PaddingMode mode, int[] expected)
    {
        // A 4-pixel axis padded by 3 before and 2 after.
        int[] actual = [.. Enumerable.Range(-3, 9).Select(i => Padding.MapIndex(i, 4, mode))];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void MapIndexHandlesOnePixelAxesAndLongPeriods()
    {
        foreach (PaddingMode mode in new[] { PaddingMode.Edge, PaddingMode.Reflect, PaddingMode.Symmetric })
        {
            Assert.Equal(0, Padding.MapIndex(-5, 1, mode));
            Assert.Equal(0, Padding.MapIndex(9, 1, mode));
        }

        Assert.Equal(1, Padding.MapIndex(-7, 3, PaddingMode.Reflect)); // period 4: -7 -> 7 -> 3 -> 1
        Assert.Equal(0, Padding.MapIndex(6, 3, PaddingMode.Symmetric)); // period 6
    }
}
