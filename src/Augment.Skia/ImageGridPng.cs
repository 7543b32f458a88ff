using Augment.Batching;
using Augment.Imaging;
using Augment.Transforms;

namespace Augment.Skia;

/// <summary>
/// Writes a batch or a list of images as one PNG grid (<see cref="ImageGrid"/> then <see cref="SkiaImageEncoder"/>):
/// the preview users otherwise write themselves. Values are clamped to [0, 1] when encoded.
/// </summary>
public static class ImageGridPng
{
    /// <summary>Tiles <paramref name="batch"/> and writes the grid to <paramref name="path"/> as PNG.</summary>
    /// <param name="batch">The batch, with 1 or 3 channels; left as it is.</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="columns">The images per row, positive.</param>
    /// <param name="padding">The gap between cells and around the grid in pixels.</param>
    /// <param name="padValue">The value of the gaps (0 black, 1 white).</param>
    /// <param name="normalization">The normalization the batch carries, undone on each tile (e.g. <see cref="Normalize.ImageNet"/>); or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The batch is empty or has other than 1 or 3 channels.</exception>
    public static void Write(ImageBatch batch, string path, int columns = 8, int padding = 2, float padValue = 0f, Normalize? normalization = null)
    {
        using ImageTensor grid = ImageGrid.Tile(batch, columns, padding, padValue, normalization);
        new SkiaImageEncoder(EncodedImageFormat.Png).EncodeFile(grid, path);
    }

    /// <summary>Tiles <paramref name="images"/> and writes the grid to <paramref name="path"/> as PNG.</summary>
    /// <param name="images">Equally sized images with 1 or 3 channels; left as they are.</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="columns">The images per row, positive.</param>
    /// <param name="padding">The gap between cells and around the grid in pixels.</param>
    /// <param name="padValue">The value of the gaps (0 black, 1 white).</param>
    /// <param name="normalization">The normalization the images carry, undone on each tile; or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The list is empty, or the images differ in size or channel count.</exception>
    public static void Write(IReadOnlyList<ImageTensor> images, string path, int columns = 8, int padding = 2, float padValue = 0f, Normalize? normalization = null)
    {
        using ImageTensor grid = ImageGrid.Tile(images, columns, padding, padValue, normalization);
        new SkiaImageEncoder(EncodedImageFormat.Png).EncodeFile(grid, path);
    }
}
