using Augment.Imaging;
using SkiaSharp;

namespace Augment.Skia;

/// <summary>
/// Decodes JPEG, PNG, WebP, BMP and GIF (first frame) images into CHW float RGB tensors through SkiaSharp.
/// </summary>
/// <remarks>
/// <para>
/// Pixels are decoded to 8-bit straight-alpha RGBA with no colour-space conversion (embedded ICC profiles are
/// ignored, as PIL does), so a PNG value <c>v</c> becomes exactly <c>v / 255</c>. Gray, palette, 16-bit (reduced to
/// 8 bits by Skia), CMYK and translucent images all end as 3-channel RGB; alpha is dropped or composited over
/// <see cref="SkiaDecoderOptions.AlphaBackground"/>. EXIF orientation is applied (Skia reports it but does not rotate).
/// </para>
/// <para>
/// Headers are checked before any pixel memory is allocated: an image declaring more than
/// <see cref="ImageDecoderOptions.MaxPixels"/> pixels throws. Empty, unrecognised, corrupt and truncated inputs throw
/// <see cref="InvalidDataException"/> naming the source (the path, the given name, or <c>&lt;bytes&gt;</c>).
/// Instances are immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="options">The options; <see langword="null"/> for <see cref="SkiaDecoderOptions.Default"/>.</param>
public sealed class SkiaImageDecoder(SkiaDecoderOptions? options = null) : ImageDecoder<SkiaDecoderOptions>(options ?? SkiaDecoderOptions.Default)
{
    /// <inheritdoc />
    /// <remarks>JPEG, PNG, WebP, BMP and GIF: <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c>, <c>.webp</c>, <c>.bmp</c>, <c>.gif</c>.</remarks>
    public override IReadOnlyList<string> FileExtensions { get; } = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    /// <inheritdoc />
    protected override unsafe ImageInfo IdentifyCore(ReadOnlySpan<byte> encoded, string source)
    {
        fixed (byte* address = encoded)
        {
            using SKData data = SKData.Create((IntPtr)address, encoded.Length);
            using SKCodec codec = Open(data, source);
            SKImageInfo info = codec.Info;
            return new ImageInfo(info.Width, info.Height, FormatName(codec.EncodedFormat), ExifOrientation.Oriented(info.Width, info.Height, Origin(codec)));
        }
    }

    /// <inheritdoc />
    /// <remarks>Pixels are <see cref="PixelLayout.Rgba32"/>; only JPEGs use DCT scaling.</remarks>
    protected override unsafe PixelBuffer DecodePixelsCore(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string source, PixelBuffer? destination)
    {
        fixed (byte* address = encoded)
        {
            using SKData data = SKData.Create((IntPtr)address, encoded.Length);
            using SKCodec codec = Open(data, source);
            SKImageInfo stored = codec.Info;
            ThrowIfTooLarge(stored.Width, stored.Height, FormatName(codec.EncodedFormat), source);
            int origin = Origin(codec);
            (int width, int height) = codec.EncodedFormat == SKEncodedImageFormat.Jpeg
                ? DctScaledSize(stored.Width, stored.Height, origin, minimumSize)
                : (stored.Width, stored.Height);
            PixelBuffer pixels = PixelBuffer.Rent(width, height, PixelLayout.Rgba32, destination);
            try
            {
                var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                fixed (byte* target = pixels.Pixels)
                {
                    SKCodecResult result = codec.GetPixels(info, (IntPtr)target, pixels.Stride, new SKCodecOptions(SKZeroInitialized.No));
                    ThrowIfFailed(result, codec, source);
                }
            }
            catch
            {
                Release(pixels, destination);
                throw;
            }

            return Finish(pixels, Options.AlphaBackground is SKColor c && stored.AlphaType != SKAlphaType.Opaque ? (c.Red, c.Green, c.Blue) : null, origin, destination);
        }
    }

    private static SKCodec Open(SKData data, string source) =>
        SKCodec.Create(data) ?? throw new InvalidDataException(
            $"'{source}' is not an image Skia can decode: {data.Size} bytes that are not JPEG, PNG, WebP, BMP or GIF, or whose header is truncated or corrupt.");

    private int Origin(SKCodec codec) => Orientation((int)codec.EncodedOrigin);

    private void ThrowIfFailed(SKCodecResult result, SKCodec codec, string source)
    {
        switch (result)
        {
            case SKCodecResult.Success:
                return;
            case SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput when Options.AcceptTruncated:
                return;
            case SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput:
                throw Truncated(source, $"Skia decoded only part of the {codec.Info.Width}x{codec.Info.Height} {FormatName(codec.EncodedFormat)} image ({result})");
            default:
                throw new InvalidDataException(
                    $"Decoding '{source}' ({codec.Info.Width}x{codec.Info.Height} {FormatName(codec.EncodedFormat)}) failed: {result}.");
        }
    }

    private static string FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "jpeg",
        SKEncodedImageFormat.Png => "png",
        SKEncodedImageFormat.Webp => "webp",
        SKEncodedImageFormat.Bmp => "bmp",
        SKEncodedImageFormat.Gif => "gif",
        _ => format.ToString().ToLowerInvariant(),
    };
}
