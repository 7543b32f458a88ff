using Augment.Batching;
using Augment.Transforms;

namespace Augment.Imaging;

/// <summary>
/// Tiles equally sized images into one image, row by row (torchvision's <c>make_grid</c>): <c>columns</c> images per
/// row, each cell <c>padding</c> pixels from its neighbours and the border, the gaps filled with <c>padValue</c>. One
/// channel images are tiled as gray RGB; for previews and sample sheets (see <c>Augment.Skia.ImageGridPng</c> to write
/// a PNG).
/// </summary>
public static class ImageGrid
{
    /// <summary>Tiles <paramref name="images"/> into a new image.</summary>
    /// <param name="images">The images, at least one, all of the same size and with 1 or 3 channels; left as they are.</param>
    /// <param name="columns">The images per row (torchvision's <c>nrow</c>), positive.</param>
    /// <param name="padding">The gap between cells and around the grid in pixels, non-negative.</param>
    /// <param name="padValue">The value of the gaps.</param>
    /// <param name="normalization">
    /// The normalization the images carry, or <see langword="null"/>: when given, each tile is denormalized with
    /// <see cref="Normalize.Invert"/> (the gaps keep <paramref name="padValue"/>).
    /// </param>
    /// <returns>A 3-channel image of <c>rows · (H + padding) + padding</c> by <c>columns' · (W + padding) + padding</c>, columns' = min(columns, count); the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The list is empty, or the images differ in size or have other than 1 or 3 channels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or <paramref name="padding"/> is out of range, or <paramref name="padValue"/> is NaN.</exception>
    public static ImageTensor Tile(IReadOnlyList<ImageTensor> images, int columns = 8, int padding = 2, float padValue = 0f, Normalize? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("An image grid needs at least one image.", nameof(images));
        }

        ImageTensor first = images[0] ?? throw new ArgumentNullException(nameof(images), "Image #0 is null.");
        for (int i = 0; i < images.Count; i++)
        {
            ImageTensor image = images[i] ?? throw new ArgumentNullException(nameof(images), $"Image #{i} is null.");
            if (image.Size != first.Size || image.Channels != first.Channels)
            {
                throw new ArgumentException($"Grid images must share one shape: image #{i} is {image.ShapeString}, image #0 {first.ShapeString}.", nameof(images));
            }
        }

        Normalize? inverse = Inverse(normalization, first.Channels);
        ImageTensor grid = CreateGrid(images.Count, first.Channels, first.Size, columns, padding, padValue);
        for (int i = 0; i < images.Count; i++)
        {
            PasteCell(images[i].Data, first.Channels, first.Size, grid, i, columns, padding, inverse);
        }

        return grid;
    }

    /// <summary>Tiles the images of <paramref name="batch"/> into a new image.</summary>
    /// <param name="batch">The batch, with 1 or 3 channels and at least one sample; left as it is.</param>
    /// <param name="columns">The images per row, positive.</param>
    /// <param name="padding">The gap between cells and around the grid in pixels, non-negative.</param>
    /// <param name="padValue">The value of the gaps.</param>
    /// <param name="normalization">The normalization the batch carries, undone on each tile; or <see langword="null"/>.</param>
    /// <returns>A 3-channel image; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The batch is empty or has other than 1 or 3 channels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or <paramref name="padding"/> is out of range, or <paramref name="padValue"/> is NaN.</exception>
    public static ImageTensor Tile(ImageBatch batch, int columns = 8, int padding = 2, float padValue = 0f, Normalize? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("An image grid needs at least one image.", nameof(batch));
        }

        Normalize? inverse = Inverse(normalization, batch.Channels);
        ImageTensor grid = CreateGrid(batch.Count, batch.Channels, batch.Size, columns, padding, padValue);
        for (int i = 0; i < batch.Count; i++)
        {
            PasteCell(batch.Slot(i), batch.Channels, batch.Size, grid, i, columns, padding, inverse);
        }

        return grid;
    }

    /// <summary>The inverse of <paramref name="normalization"/>, after checking that it fits images of <paramref name="channels"/> channels.</summary>
    private static Normalize? Inverse(Normalize? normalization, int channels)
    {
        if (normalization is not null && (channels != 3 || normalization.Mean.Count != 3))
        {
            throw new ArgumentException(
                $"Denormalizing a grid needs 3-channel images and a 3-channel normalization; got {channels}-channel images and {normalization.Mean.Count} means.",
                nameof(normalization));
        }

        return normalization?.Invert();
    }

    private static ImageTensor CreateGrid(int count, int channels, ImageSize size, int columns, int padding, float padValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (float.IsNaN(padValue))
        {
            throw new ArgumentOutOfRangeException(nameof(padValue), padValue, "The pad value must not be NaN.");
        }

        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"Grid images need 1 or 3 channels, got {channels}.", "images");
        }

        int across = Math.Min(columns, count);
        int rows = (count + columns - 1) / columns;
        var grid = ImageTensor.Create(3, (rows * (size.Height + padding)) + padding, (across * (size.Width + padding)) + padding);
        grid.Data.Fill(padValue);
        return grid;
    }

    private static void PasteCell(ReadOnlySpan<float> chw, int channels, ImageSize size, ImageTensor grid, int index, int columns, int padding, Normalize? inverse)
    {
        int top = padding + (index / columns * (size.Height + padding));
        int left = padding + (index % columns * (size.Width + padding));
        int planeLength = size.Height * size.Width;
        using var cell = ImageTensor.Create(3, size);
        for (int c = 0; c < 3; c++)
        {
            chw.Slice((channels == 1 ? 0 : c) * planeLength, planeLength).CopyTo(cell.Plane(c));
        }

        inverse?.ApplyInPlace(cell);

        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < size.Height; y++)
            {
                cell.Row(c, y).CopyTo(grid.Row(c, top + y).Slice(left, size.Width));
            }
        }
    }
}
