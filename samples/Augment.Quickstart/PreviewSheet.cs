using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Samples;

/// <summary>Renders, for each image, its centre crop followed by several training views, as one PNG.</summary>
internal static class PreviewSheet
{
    private const int Tile = 224;
    private const int Gap = 4;

    public static void Write(IImageSource source, IImageDecoder decoder, ITransform train, string path, int viewsPerImage)
    {
        int rows = Math.Min(source.Count, 8);
        int columns = viewsPerImage + 1;
        var original = new Compose(new Resize(Tile), new CenterCrop(Tile));
        Normalize denormalize = Normalize.ImageNet().Invert();
        var tiles = new List<ImageTensor>(rows * columns);
        byte[]? buffer = null;
        try
        {
            for (int row = 0; row < rows; row++)
            {
                ReadOnlyMemory<byte> bytes = source.Read(row, ref buffer);
                for (int column = 0; column < columns; column++)
                {
                    var random = RandomSource.ForSample(seed: 7, epoch: column, index: row);
                    ImageTensor view = decoder.Decode(bytes.Span, source.GetName(row));
                    view = column == 0 ? original.Apply(view, ref random) : denormalize.Apply(train.Apply(view, ref random), ref random);
                    tiles.Add(view);
                }
            }

            ImageGridPng.Write(tiles, path, columns, Gap, padValue: 1f);
        }
        finally
        {
            tiles.ForEach(tile => tile.Dispose());
        }
    }
}
