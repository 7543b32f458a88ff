using Augment.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.ImageSharp;

/// <summary>
/// Decodes JPEG, PNG, WebP, BMP, GIF (first frame), TIFF (first page), TGA and PBM images into CHW float RGB tensors
/// through SixLabors.ImageSharp 2.1: fully managed, so it runs wherever .NET runs, with no native library.
/// </summary>
/// <remarks>
/// <para>
/// Pixels are decoded to 8-bit straight-alpha RGBA with no colour-space conversion (as PIL does). Gray, palette
/// (with or without tRNS), 16-bit, CMYK and translucent images all end as 3-channel RGB; alpha is dropped or
/// composited over <see cref="ImageSharpDecoderOptions.AlphaBackground"/>; the EXIF orientation is applied. PNG,
/// GIF, BMP, WebP lossless and baseline 4:4:4 or gray JPEGs match PIL exactly; JPEGs with subsampled chroma
/// (4:2:0, 4:2:2, progressive) are up-sampled without libjpeg's "fancy" smoothing, so they differ from PIL (and
/// from the Skia and TurboJpeg decoders) by a few levels at colour edges, and 16-bit samples are rounded to 8 bits
/// where PIL truncates them (at most one level apart).
/// </para>
/// <para>
/// There is no DCT scaling: <see cref="ImageDecoder{TOptions}.DecodePixels"/> ignores its minimum size and always
/// decodes at full size, which makes it slower than the libjpeg-based decoders for training at a small crop size.
/// </para>
/// <para>
/// Headers are read before any pixel memory is allocated: an image declaring more than
/// <see cref="ImageDecoderOptions.MaxPixels"/> pixels throws. ImageSharp fills in the missing part of a truncated
/// file without an error, so the decoder checks the container itself (JPEG up to EOI, PNG up to IEND, GIF up to the
/// end of the first image, WebP against its RIFF length, uncompressed BMP rows) and refuses incomplete files unless
/// <see cref="ImageDecoderOptions.AcceptTruncated"/> is set. Empty, unrecognised, corrupt and truncated inputs throw
/// <see cref="InvalidDataException"/> naming the source. Instances are immutable and thread-safe; each image is
/// decoded on the calling thread.
/// </para>
/// </remarks>
/// <param name="options">The options; <see langword="null"/> for <see cref="ImageSharpDecoderOptions.Default"/>.</param>
public sealed class ImageSharpDecoder(ImageSharpDecoderOptions? options = null) : ImageDecoder<ImageSharpDecoderOptions>(options ?? ImageSharpDecoderOptions.Default)
{
    /// <summary>The decoder's ImageSharp configuration: ImageSharp's formats, the first frame only of GIF and TIFF, one thread per image.</summary>
    private static readonly Configuration s_configuration = CreateConfiguration();

    /// <inheritdoc />
    /// <remarks>
    /// <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c>, <c>.webp</c>, <c>.bmp</c>, <c>.gif</c>, <c>.tif</c>, <c>.tiff</c>,
    /// <c>.tga</c>, <c>.pbm</c>, <c>.pgm</c> and <c>.ppm</c>.
    /// </remarks>
    public override IReadOnlyList<string> FileExtensions { get; } = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".tga", ".pbm", ".pgm", ".ppm"];

    /// <inheritdoc />
    protected override ImageInfo IdentifyCore(ReadOnlySpan<byte> encoded, string source)
    {
        (IImageInfo info, IImageFormat format) = ReadHeader(encoded, source);
        int orientation = Orientation(info.Metadata);
        return new ImageInfo(info.Width, info.Height, FormatName(format), ExifOrientation.Oriented(info.Width, info.Height, orientation));
    }

    /// <inheritdoc />
    /// <remarks>Pixels are <see cref="PixelLayout.Rgba32"/>, always at full size (ImageSharp has no DCT scaling).</remarks>
    protected override PixelBuffer DecodePixelsCore(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string source, PixelBuffer? destination)
    {
        (IImageInfo info, IImageFormat format) = ReadHeader(encoded, source);
        string name = FormatName(format);
        ThrowIfTooLarge(info.Width, info.Height, name, source);
        if (!Options.AcceptTruncated && !TruncationCheck.IsComplete(encoded, format))
        {
            throw Truncated(source, $"its data ends before the structure of the {info.Width}x{info.Height} {name} image does (ImageSharp would fill in the rest)");
        }

        int orientation = Orientation(info.Metadata);
        PixelBuffer pixels;
        try
        {
            using Image<Rgba32> image = Image.Load<Rgba32>(s_configuration, encoded);
            pixels = image.CopyPixels(PixelLayout.Rgba32, destination);
        }
        catch (Exception error) when (IsDecodingFailure(error))
        {
            throw new InvalidDataException($"'{source}' ({info.Width}x{info.Height} {name}) could not be decoded by ImageSharp: {error.Message}", error);
        }

        return Finish(pixels, Options.AlphaBackground?.ToPixel<Rgb24>() is Rgb24 c ? (c.R, c.G, c.B) : null, orientation, destination);
    }

    private static unsafe (IImageInfo Info, IImageFormat Format) ReadHeader(ReadOnlySpan<byte> encoded, string source)
    {
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            fixed (byte* address = encoded)
            {
                using var stream = new UnmanagedMemoryStream(address, encoded.Length);
                info = Image.Identify(s_configuration, stream, out format);
            }
        }
        catch (Exception error) when (IsDecodingFailure(error))
        {
            throw new InvalidDataException($"'{source}' is not an image ImageSharp can decode: {error.Message}", error);
        }

        return info is not null && format is not null
            ? (info, format)
            : throw new InvalidDataException(
                $"'{source}' is not an image ImageSharp can decode: {encoded.Length} bytes that are not JPEG, PNG, WebP, BMP, GIF, TIFF, TGA or PBM, or whose header is corrupt.");
    }

    /// <summary>What ImageSharp throws on malformed data (any exception but running out of memory): turned into <see cref="InvalidDataException"/>.</summary>
    private static bool IsDecodingFailure(Exception error) => error is not (InvalidDataException or OutOfMemoryException);

    private int Orientation(ImageMetadata metadata) =>
        Orientation(metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value is ushort tag ? tag : ExifOrientation.Upright);

    private static string FormatName(IImageFormat format) => format.Name.ToLowerInvariant();

    private static Configuration CreateConfiguration()
    {
        Configuration configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
