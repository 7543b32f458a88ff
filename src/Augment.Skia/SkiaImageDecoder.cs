using Augment.Imaging;
using Augment.Kernels;
using SkiaSharp;

namespace Augment.Skia;

/// <summary>Decodes encoded images (JPEG, PNG, WebP, BMP, GIF) into CHW float RGB tensors through SkiaSharp.</summary>
public sealed class SkiaImageDecoder
{
    /// <summary>Decodes <paramref name="encoded"/> into a 3xHxW tensor with values in [0, 1].</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="sourceName">A name for the source (a path), used in error messages.</param>
    public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException($"'{sourceName ?? "<bytes>"}' is not an image Skia can decode.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"Decoding '{sourceName ?? "<bytes>"}' failed: {result}.");
        }

        return PixelConversion.ToTensor(bitmap.GetPixelSpan(), info.Width, info.Height, PixelLayout.Rgba32, bitmap.RowBytes);
    }
}
