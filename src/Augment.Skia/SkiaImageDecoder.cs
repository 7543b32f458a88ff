using System.Buffers;
using Augment.Imaging;
using Augment.Kernels;
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
/// <see cref="SkiaDecoderOptions.MaxPixels"/> pixels throws. Empty, unrecognised, corrupt and truncated inputs throw
/// <see cref="InvalidDataException"/> naming the source (the path, the given name, or <c>&lt;bytes&gt;</c>).
/// Instances are immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="options">The options; <see langword="null"/> for <see cref="SkiaDecoderOptions.Default"/>.</param>
public sealed class SkiaImageDecoder(SkiaDecoderOptions? options = null) : IImageDecoder
{
    private const string UnnamedSource = "<bytes>";

    /// <summary>The options this decoder applies.</summary>
    public SkiaDecoderOptions Options { get; } = options ?? SkiaDecoderOptions.Default;

    /// <inheritdoc />
    /// <remarks>JPEG, PNG, WebP, BMP and GIF: <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c>, <c>.webp</c>, <c>.bmp</c>, <c>.gif</c>.</remarks>
    public IReadOnlyList<string> FileExtensions { get; } = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    /// <inheritdoc />
    public unsafe ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        string source = sourceName ?? UnnamedSource;
        ThrowIfEmpty(encoded, source);
        fixed (byte* address = encoded)
        {
            using SKData data = SKData.Create((IntPtr)address, encoded.Length);
            using SKCodec codec = Open(data, source);
            SKImageInfo info = codec.Info;
            return new ImageInfo(info.Width, info.Height, FormatName(codec.EncodedFormat), ExifOrientation.Oriented(info.Width, info.Height, (int)Origin(codec)));
        }
    }

    /// <summary>Reads the dimensions and format of the image file at <paramref name="path"/> without decoding pixels.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image.</exception>
    public ImageInfo IdentifyFile(string path)
    {
        (byte[] rented, int length) = ReadFile(path);
        try
        {
            return Identify(rented.AsSpan(0, length), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        using PixelBuffer pixels = DecodePixels(encoded, null, sourceName);
        return pixels.ToTensor();
    }

    /// <summary>Decodes the image read from <paramref name="stream"/> (from its position to its end) into a new 3xHxW tensor.</summary>
    /// <param name="stream">The stream; it is read, not disposed.</param>
    /// <param name="sourceName">A name for the source, used in error messages.</param>
    /// <returns>The decoded image; the caller owns it.</returns>
    /// <exception cref="InvalidDataException">The data is empty, corrupt, truncated or exceeds the pixel limit.</exception>
    public ImageTensor Decode(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (byte[] rented, int length) = ReadStream(stream);
        try
        {
            return Decode(rented.AsSpan(0, length), sourceName);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes the image file at <paramref name="path"/> into a new 3xHxW tensor.</summary>
    /// <param name="path">The file's path, named in error messages.</param>
    /// <returns>The decoded image; the caller owns it.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, corrupt, truncated or exceeds the pixel limit.</exception>
    public ImageTensor DecodeFile(string path)
    {
        (byte[] rented, int length) = ReadFile(path);
        try
        {
            return Decode(rented.AsSpan(0, length), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Decodes the image into pooled <see cref="PixelLayout.Rgba32"/> pixels, oriented upright and with alpha handled
    /// as <see cref="Options"/> says (composited pixels are made opaque; dropped alpha is left as stored).
    /// </summary>
    /// <remarks>
    /// For JPEG, when <paramref name="minimumSize"/> is given, libjpeg-turbo's DCT scaling decodes at 1/8, 1/4 or
    /// 1/2 of the stored size: the smallest of those whose both sides (once oriented) stay at least
    /// <paramref name="minimumSize"/>, or the full size when none does. This is several times faster than a full
    /// decode, but it is not an antialiased resize: each 8×8 block is reduced by dropping its high frequencies
    /// (close to a box filter), so the result differs slightly from decoding at full size and then resizing with
    /// PIL's antialiasing. Callers that need exact torchvision parity pass <see langword="null"/>; other formats
    /// always decode at full size.
    /// </remarks>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="minimumSize">The smallest acceptable oriented size, or <see langword="null"/> for the full size.</param>
    /// <param name="sourceName">A name for the source (usually a path), used in error messages.</param>
    /// <returns>The pixels; the caller owns them and must dispose them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumSize"/> is not positive.</exception>
    /// <exception cref="InvalidDataException">The bytes are empty, corrupt, truncated or exceed the pixel limit.</exception>
    public unsafe PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null)
    {
        minimumSize?.ThrowIfEmpty(nameof(minimumSize));
        string source = sourceName ?? UnnamedSource;
        ThrowIfEmpty(encoded, source);
        fixed (byte* address = encoded)
        {
            using SKData data = SKData.Create((IntPtr)address, encoded.Length);
            using SKCodec codec = Open(data, source);
            SKImageInfo stored = codec.Info;
            if ((long)stored.Width * stored.Height > Options.MaxPixels)
            {
                throw new InvalidDataException(
                    $"'{source}' declares a {stored.Width}x{stored.Height} (width x height) {FormatName(codec.EncodedFormat)} image of " +
                    $"{(long)stored.Width * stored.Height} pixels, over the limit of {Options.MaxPixels} (SkiaDecoderOptions.MaxPixels); " +
                    "it may be a decompression bomb.");
            }

            SKEncodedOrigin origin = Origin(codec);
            SKSizeI size = DecodedSize(codec, origin, minimumSize);
            PixelBuffer pixels = PixelBuffer.Rent(size.Width, size.Height, PixelLayout.Rgba32);
            try
            {
                var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                fixed (byte* destination = pixels.Pixels)
                {
                    SKCodecResult result = codec.GetPixels(info, (IntPtr)destination, pixels.Stride, new SKCodecOptions(SKZeroInitialized.No));
                    ThrowIfFailed(result, codec, source);
                }

                if (Options.AlphaBackground is SKColor background && stored.AlphaType != SKAlphaType.Opaque)
                {
                    PixelConversion.CompositeOver(pixels.Pixels, pixels.Width, pixels.Height, pixels.Stride, background.Red, background.Green, background.Blue);
                }

                if (origin == SKEncodedOrigin.TopLeft)
                {
                    return pixels;
                }

                using (pixels)
                {
                    return ExifOrientation.Apply(pixels, (int)origin);
                }
            }
            catch
            {
                pixels.Dispose();
                throw;
            }
        }
    }

    private static void ThrowIfEmpty(ReadOnlySpan<byte> encoded, string source)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException($"'{source}' is empty: there is no image to decode.");
        }
    }

    private static SKCodec Open(SKData data, string source) =>
        SKCodec.Create(data) ?? throw new InvalidDataException(
            $"'{source}' is not an image Skia can decode: {data.Size} bytes that are not JPEG, PNG, WebP, BMP or GIF, or whose header is truncated or corrupt.");

    private SKEncodedOrigin Origin(SKCodec codec) =>
        Options.ApplyExifOrientation && codec.EncodedOrigin is >= SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom
            ? codec.EncodedOrigin
            : SKEncodedOrigin.TopLeft;

    /// <summary>The smallest JPEG DCT-scaled size (1/8, 1/4, 1/2) whose oriented sides cover the minimum; else the stored size.</summary>
    private static SKSizeI DecodedSize(SKCodec codec, SKEncodedOrigin origin, ImageSize? minimumSize)
    {
        if (minimumSize is ImageSize minimum && codec.EncodedFormat == SKEncodedImageFormat.Jpeg)
        {
            foreach (float scale in (ReadOnlySpan<float>)[0.125f, 0.25f, 0.5f])
            {
                SKSizeI scaled = codec.GetScaledDimensions(scale);
                ImageSize oriented = ExifOrientation.Oriented(scaled.Width, scaled.Height, (int)origin);
                if (oriented.Width >= minimum.Width && oriented.Height >= minimum.Height)
                {
                    return scaled;
                }
            }
        }

        return codec.Info.Size;
    }

    private void ThrowIfFailed(SKCodecResult result, SKCodec codec, string source)
    {
        switch (result)
        {
            case SKCodecResult.Success:
                return;
            case SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput when Options.AcceptTruncated:
                return;
            case SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput:
                throw new InvalidDataException(
                    $"'{source}' is {(result == SKCodecResult.IncompleteInput ? "truncated" : "corrupt")}: Skia decoded only part of the " +
                    $"{codec.Info.Width}x{codec.Info.Height} {FormatName(codec.EncodedFormat)} image ({result}). " +
                    "Set SkiaDecoderOptions.AcceptTruncated to accept it with the rest filled in.");
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

    /// <summary>Reads a whole file into a pooled array; the caller returns it.</summary>
    private static (byte[] Rented, int Length) ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new InvalidDataException($"'{path}' holds {length} bytes, more than an image file can have here.");
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent((int)length);
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, rented.AsSpan(read, (int)length - read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return (rented, read);
    }

    /// <summary>Reads a stream to its end into a pooled array; the caller returns it.</summary>
    private static (byte[] Rented, int Length) ReadStream(Stream stream)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position, 1, Array.MaxLength) : 64 * 1024);
        int length = 0;
        while (true)
        {
            if (length == rented.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                rented.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(rented);
                rented = larger;
            }

            int n = stream.Read(rented, length, rented.Length - length);
            if (n == 0)
            {
                return (rented, length);
            }

            length += n;
        }
    }
}
