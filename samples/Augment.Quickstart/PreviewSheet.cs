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
        using var sheet = ImageTensor.Create(3, (rows * (Tile + Gap)) + Gap, (columns * (Tile + Gap)) + Gap, clear: true);
        sheet.Data.Fill(1f);
        var original = new Compose(new Resize(Tile), new CenterCrop(Tile));
        byte[]? buffer = null;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlyMemory<byte> bytes = source.Read(row, ref buffer);
            for (int column = 0; column < columns; column++)
            {
                var random = RandomSource.ForSample(seed: 7, epoch: column, index: row);
                ImageTensor view = decoder.Decode(bytes.Span, source.GetName(row));
                view = column == 0 ? original.Apply(view, ref random) : Denormalize(train.Apply(view, ref random));
                using (view)
                {
                    Paste(view, sheet, Gap + (row * (Tile + Gap)), Gap + (column * (Tile + Gap)));
                }
            }
        }

        new SkiaImageEncoder().EncodeFile(sheet, path);
    }

    private static ImageTensor Denormalize(ImageTensor image)
    {
        ReadOnlySpan<float> mean = Normalize.ImageNetMean, std = Normalize.ImageNetStd;
        for (int c = 0; c < 3; c++)
        {
            Span<float> plane = image.Plane(c);
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = (plane[i] * std[c]) + mean[c];
            }
        }

        return image;
    }

    private static void Paste(ImageTensor view, ImageTensor sheet, int top, int left)
    {
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < view.Height; y++)
            {
                view.Row(c, y).CopyTo(sheet.Row(c, top + y).Slice(left, view.Width));
            }
        }
    }
}
