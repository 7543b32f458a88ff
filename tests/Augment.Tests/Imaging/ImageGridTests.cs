using Augment.Batching;
using Augment.Imaging;
using Augment.Skia;
using Augment.Tests.Batching;
using Augment.Transforms;

namespace Augment.Tests.Imaging;

/// <summary>ImageGrid (torchvision's <c>make_grid</c> layout), its PNG writer, and <see cref="Normalize.Invert"/>.</summary>
public sealed class ImageGridTests
{
    [Fact]
    public void TilesFollowMakeGridsLayout()
    {
        // Five 2x3 images, 3 per row, padding 1: 2 rows of (2 + 1) + 1 = 7 pixels by 3 columns of (3 + 1) + 1 = 13.
        ImageTensor[] images = [.. Enumerable.Range(0, 5).Select(i => TestImages.Random(3, 2, 3, seed: (ulong)i + 1))];
        try
        {
            using ImageTensor grid = ImageGrid.Tile(images, columns: 3, padding: 1, padValue: -1f);
            Assert.Equal((3, 7, 13), (grid.Channels, grid.Height, grid.Width));
            var covered = new bool[7, 13];
            for (int i = 0; i < 5; i++)
            {
                int top = 1 + (i / 3 * 3), left = 1 + (i % 3 * 4);
                for (int c = 0; c < 3; c++)
                {
                    for (int y = 0; y < 2; y++)
                    {
                        for (int x = 0; x < 3; x++)
                        {
                            Assert.Equal(images[i].At(c, y, x), grid.At(c, top + y, left + x));
                            covered[top + y, left + x] = true;
                        }
                    }
                }
            }

            for (int y = 0; y < 7; y++)
            {
                for (int x = 0; x < 13; x++)
                {
                    if (!covered[y, x])
                    {
                        Assert.Equal(-1f, grid.At(0, y, x));
                        Assert.Equal(-1f, grid.At(2, y, x));
                    }
                }
            }
        }
        finally
        {
            Array.ForEach(images, image => image.Dispose());
        }
    }

    [Fact]
    public void FewerImagesThanColumnsNarrowTheGridAndGrayBecomesRgb()
    {
        using ImageTensor gray = TestImages.Random(1, 4, 4, seed: 3);
        using ImageTensor grid = ImageGrid.Tile([gray, gray], columns: 8, padding: 0);
        Assert.Equal((3, 4, 8), (grid.Channels, grid.Height, grid.Width));
        Assert.Equal(gray.At(0, 2, 1), grid.At(1, 2, 5));
    }

    [Fact]
    public void ABatchTilesAsItsImagesDoAndNormalizationIsUndone()
    {
        using ImageBatch batch = BatchTestData.Batch(3, 3, 5, 4);
        var images = new List<ImageTensor>();
        for (int i = 0; i < 3; i++)
        {
            var image = ImageTensor.Create(3, 5, 4);
            batch.Slot(i).CopyTo(image.Data);
            images.Add(image);
        }

        try
        {
            Normalize normalize = Normalize.ImageNet();
            using ImageTensor fromBatch = ImageGrid.Tile(batch, columns: 2, normalization: normalize);
            using ImageTensor fromList = ImageGrid.Tile(images, columns: 2, normalization: normalize);
            Assert.True(fromBatch.Data.SequenceEqual(fromList.Data));

            // Tile 0 at (2, 2): x · std + mean.
            Assert.Equal((images[0].At(1, 3, 2) * 0.224f) + 0.456f, fromBatch.At(1, 5, 4), 5);
            Assert.Equal(0f, fromBatch.At(1, 0, 0));
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public void NormalizeInvertUndoesNormalize()
    {
        Normalize normalize = Normalize.ImageNet();
        Normalize inverse = normalize.Invert();
        Assert.Equal(-0.485f / 0.229f, inverse.Mean[0], 6);
        Assert.Equal(1f / 0.225f, inverse.Std[2], 5);
        using ImageTensor image = TestImages.Random(3, 6, 7, seed: 9);
        using ImageTensor roundTrip = image.Clone();
        normalize.ApplyInPlace(roundTrip);
        inverse.ApplyInPlace(roundTrip);
        for (int i = 0; i < image.Length; i++)
        {
            Assert.Equal(image.Data[i], roundTrip.Data[i], 5);
        }
    }

    [Fact]
    public void PngGridDecodesToTheTiledImage()
    {
        using ImageTensor a = TestImages.Random(3, 6, 5, seed: 1), b = TestImages.Random(3, 6, 5, seed: 2);
        string path = Path.Combine(Path.GetTempPath(), $"augment-grid-{Guid.NewGuid():N}.png");
        try
        {
            ImageGridPng.Write([a, b], path, columns: 2, padding: 1, padValue: 1f);
            using ImageTensor decoded = new SkiaImageDecoder().Decode(File.ReadAllBytes(path));
            using ImageTensor grid = ImageGrid.Tile([a, b], columns: 2, padding: 1, padValue: 1f);
            Assert.Equal(grid.ShapeString, decoded.ShapeString);
            for (int i = 0; i < grid.Length; i++)
            {
                Assert.Equal(grid.Data[i], decoded.Data[i], 0.5f / 255f + 1e-6f);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        using ImageTensor small = ImageTensor.Create(3, 2, 2), large = ImageTensor.Create(3, 3, 3), four = ImageTensor.Create(4, 2, 2);
        Assert.Throws<ArgumentException>(() => ImageGrid.Tile(Array.Empty<ImageTensor>()));
        Assert.Throws<ArgumentException>(() => ImageGrid.Tile([small, large]));
        Assert.Throws<ArgumentException>(() => ImageGrid.Tile([four]));
        using ImageTensor gray = ImageTensor.Create(1, 2, 2);
        Assert.Equal("normalization", Assert.Throws<ArgumentException>(() => ImageGrid.Tile([gray], normalization: Normalize.ImageNet())).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.Tile([small], columns: 0)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.Tile([small], padding: -1)).ParamName);
    }
}
