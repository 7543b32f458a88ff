using System.Buffers;
using Augment.Data;
using Augment.Kernels;

namespace Augment.Imaging;

/// <summary>
/// The behaviour every codec shares, so a codec package implements only reading a header and decoding pixels:
/// <see cref="Decode(ReadOnlySpan{byte}, string?)"/> is <see cref="DecodePixels"/> then <see cref="PixelBuffer.ToTensor()"/>;
/// files and streams are read into pooled memory; empty input, zero and absurd sizes and the pixel limit are
/// refused with <see cref="InvalidDataException"/> naming the source before any pixel memory is allocated; the JPEG
/// DCT-scale choice, EXIF orientation and alpha compositing are done once here.
/// </summary>
/// <typeparam name="TOptions">The codec's options record.</typeparam>
public abstract class ImageDecoder<TOptions> : IImageDecoder
    where TOptions : ImageDecoderOptions
{
    /// <summary>The name used in error messages for bytes given without a source name.</summary>
    private const string UnnamedSource = "<bytes>";

    /// <summary>Initializes the decoder with its options.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    protected ImageDecoder(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The options this decoder applies.</summary>
    public TOptions Options { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> FileExtensions { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The bytes are empty, not a decodable image, or declare a zero size.</exception>
    public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        string source = sourceName ?? UnnamedSource;
        ThrowIfEmpty(encoded, source);
        ImageInfo info = IdentifyCore(encoded, source);
        ThrowIfZeroSize(info.Width, info.Height, info.Format, source);
        return info;
    }

    /// <inheritdoc />
    public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        using PixelBuffer pixels = DecodePixels(encoded, null, sourceName);
        return pixels.ToTensor();
    }

    /// <inheritdoc />
    /// <remarks>
    /// When <paramref name="minimumSize"/> is given and the codec supports it, JPEGs decode at 1/8, 1/4 or 1/2 of
    /// their stored size through DCT scaling (see <see cref="DctScaledSize"/>); this is several times faster than a
    /// full decode but not an antialiased resize (each 8×8 block loses its high frequencies, close to a box filter).
    /// Callers that need exact torchvision parity pass <see langword="null"/>; other formats decode at full size.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumSize"/> is not positive.</exception>
    public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null) =>
        DecodeChecked(encoded, minimumSize, sourceName, null);

    /// <inheritdoc />
    /// <remarks>
    /// The codec decodes straight into <paramref name="destination"/> where it can (<see cref="DecodePixelsCore"/>);
    /// otherwise, e.g. for an EXIF-rotated image, the finished pixels are copied into it.
    /// </remarks>
    /// <exception cref="ObjectDisposedException"><paramref name="destination"/> has been disposed.</exception>
    public void DecodePixelsInto(ReadOnlySpan<byte> encoded, PixelBuffer destination, ImageSize? minimumSize = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(destination.IsDisposed, destination);
        PixelBuffer decoded = DecodeChecked(encoded, minimumSize, sourceName, destination);
        if (!ReferenceEquals(decoded, destination))
        {
            using (decoded)
            {
                destination.CopyFrom(decoded);
            }
        }
    }

    /// <summary>Reads the dimensions and format of the image file at <paramref name="path"/> without decoding pixels.</summary>
    /// <param name="path">The file's path, named in error messages.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image.</exception>
    public ImageInfo IdentifyFile(string path) => WithFile(path, (bytes, name) => Identify(bytes, name));

    /// <summary>Decodes the image file at <paramref name="path"/> into a new 3xHxW tensor.</summary>
    /// <param name="path">The file's path, named in error messages.</param>
    /// <returns>The decoded image; the caller owns it.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, corrupt, truncated or exceeds the pixel limit.</exception>
    public ImageTensor DecodeFile(string path) => WithFile(path, (bytes, name) => Decode(bytes, name));

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

    /// <summary>The argument checks both pixel decodes share, then <see cref="DecodePixelsCore"/>.</summary>
    private PixelBuffer DecodeChecked(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string? sourceName, PixelBuffer? destination)
    {
        minimumSize?.ThrowIfEmpty(nameof(minimumSize));
        string source = sourceName ?? UnnamedSource;
        ThrowIfEmpty(encoded, source);
        return DecodePixelsCore(encoded, minimumSize, source, destination);
    }

    /// <summary>Reads the header of non-empty <paramref name="encoded"/>; sizes are checked by the caller.</summary>
    /// <param name="encoded">The file's bytes, not empty.</param>
    /// <param name="source">The source's name for error messages.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a decodable image.</exception>
    protected abstract ImageInfo IdentifyCore(ReadOnlySpan<byte> encoded, string source);

    /// <summary>
    /// Decodes non-empty <paramref name="encoded"/> into pooled pixels, oriented upright, with alpha handled as the
    /// options say. Implementations call <see cref="ThrowIfTooLarge"/> on the header's size before allocating.
    /// </summary>
    /// <param name="encoded">The file's bytes, not empty.</param>
    /// <param name="minimumSize">The smallest acceptable oriented size (already validated), or <see langword="null"/>.</param>
    /// <param name="source">The source's name for error messages.</param>
    /// <param name="destination">
    /// A buffer the caller keeps, to decode into where the codec can (obtain it through
    /// <see cref="PixelBuffer.Rent(int, int, PixelLayout, PixelBuffer?)"/>), or <see langword="null"/>. The codec never
    /// disposes it; when it returns another buffer, the base class copies that one into it.
    /// </param>
    /// <returns>The pixels: <paramref name="destination"/>, or a buffer the caller owns.</returns>
    /// <exception cref="InvalidDataException">The bytes are corrupt, truncated or exceed the pixel limit.</exception>
    protected abstract PixelBuffer DecodePixelsCore(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string source, PixelBuffer? destination);

    /// <summary>
    /// Refuses a header's size before any pixel memory is allocated: zero or negative sides, more pixels than
    /// <see cref="ImageDecoderOptions.MaxPixels"/>, or more 4-byte pixels than one buffer can hold.
    /// </summary>
    /// <param name="width">The stored width the header declares.</param>
    /// <param name="height">The stored height the header declares.</param>
    /// <param name="format">The format's name, e.g. <c>"jpeg"</c>.</param>
    /// <param name="source">The source's name for error messages.</param>
    /// <exception cref="InvalidDataException">The size is refused.</exception>
    protected void ThrowIfTooLarge(int width, int height, string format, string source)
    {
        ThrowIfZeroSize(width, height, format, source);
        long pixels = (long)width * height;
        if (pixels > Options.MaxPixels)
        {
            throw new InvalidDataException(
                $"'{source}' declares a {width}x{height} (width x height) {format} image of {pixels} pixels, over the limit of " +
                $"{Options.MaxPixels} ({Options.GetType().Name}.MaxPixels); it may be a decompression bomb.");
        }

        if (pixels * PixelLayout.Rgba32.BytesPerPixel() > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"'{source}' declares a {width}x{height} (width x height) {format} image of {pixels} pixels, more than one buffer of " +
                $"{Array.MaxLength} bytes can hold; it may be a decompression bomb.");
        }
    }

    /// <summary>The orientation to apply for a tag value read from the file: itself when valid and wanted, else upright.</summary>
    /// <param name="tag">The EXIF orientation tag value, or anything when absent.</param>
    /// <returns>1 to 8.</returns>
    protected int Orientation(int tag) => Options.ApplyExifOrientation && ExifOrientation.IsValid(tag) ? tag : ExifOrientation.Upright;

    /// <summary>
    /// The smallest JPEG DCT-scaled size (1/8, 1/4, 1/2 of each side, rounded up as libjpeg does) whose oriented sides
    /// cover <paramref name="minimumSize"/>; the stored size when none does or no minimum is given.
    /// </summary>
    /// <param name="width">The stored width.</param>
    /// <param name="height">The stored height.</param>
    /// <param name="orientation">The orientation that will be applied, 1 to 8.</param>
    /// <param name="minimumSize">The smallest acceptable oriented size, or <see langword="null"/>.</param>
    /// <returns>The stored (not oriented) width and height to decode at.</returns>
    protected static (int Width, int Height) DctScaledSize(int width, int height, int orientation, ImageSize? minimumSize)
    {
        if (minimumSize is ImageSize minimum)
        {
            foreach (int denominator in (ReadOnlySpan<int>)[8, 4, 2])
            {
                int w = (width + denominator - 1) / denominator, h = (height + denominator - 1) / denominator;
                ImageSize oriented = ExifOrientation.Oriented(w, h, orientation);
                if (oriented.Width >= minimum.Width && oriented.Height >= minimum.Height)
                {
                    return (w, h);
                }
            }
        }

        return (width, height);
    }

    /// <summary>
    /// Finishes freshly decoded <see cref="PixelLayout.Rgba32"/> pixels: composites them over
    /// <paramref name="background"/> (when given and the image has alpha) and orients them upright. Takes ownership
    /// of <paramref name="pixels"/>: returns it, or a new buffer after disposing it; disposes it on failure. A
    /// <paramref name="pixels"/> that is the caller's <paramref name="destination"/> is never disposed.
    /// </summary>
    /// <param name="pixels">The decoded pixels, stored orientation.</param>
    /// <param name="background">The colour translucent pixels are composited over, or <see langword="null"/> to leave them.</param>
    /// <param name="orientation">The orientation to apply, 1 to 8.</param>
    /// <param name="destination">The caller's buffer passed to <see cref="DecodePixelsCore"/>, or <see langword="null"/>.</param>
    /// <returns>The finished pixels.</returns>
    protected static PixelBuffer Finish(PixelBuffer pixels, (byte Red, byte Green, byte Blue)? background, int orientation, PixelBuffer? destination = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        try
        {
            if (background is (byte red, byte green, byte blue))
            {
                PixelConversion.CompositeOver(pixels.Pixels, pixels.Width, pixels.Height, pixels.Stride, red, green, blue);
            }

            if (orientation == ExifOrientation.Upright)
            {
                return pixels;
            }

            PixelBuffer oriented = ExifOrientation.Apply(pixels, orientation);
            Release(pixels, destination);
            return oriented;
        }
        catch
        {
            Release(pixels, destination);
            throw;
        }
    }

    /// <summary>Disposes <paramref name="pixels"/> unless it is the caller's <paramref name="destination"/>: a codec's clean-up on failure.</summary>
    /// <param name="pixels">Pixels the codec rented or was given.</param>
    /// <param name="destination">The caller's buffer passed to <see cref="DecodePixelsCore"/>, or <see langword="null"/>.</param>
    protected static void Release(PixelBuffer pixels, PixelBuffer? destination)
    {
        if (!ReferenceEquals(pixels, destination))
        {
            pixels?.Dispose();
        }
    }

    /// <summary>The error for data that ends early or is corrupt part-way, naming the option that accepts it.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="description">What happened, e.g. <c>"libjpeg-turbo decoded only part of the 64x48 jpeg image (...)"</c>.</param>
    /// <returns>The exception to throw.</returns>
    protected InvalidDataException Truncated(string source, string description) => new(
        $"'{source}' is truncated or corrupt: {description}. Set {Options.GetType().Name}.AcceptTruncated to accept it with the rest filled in.");

    /// <summary>Refuses a header declaring a zero or negative side (a corrupt header, or one without a frame).</summary>
    /// <param name="width">The stored width the header declares.</param>
    /// <param name="height">The stored height the header declares.</param>
    /// <param name="format">The format's name, e.g. <c>"jpeg"</c>.</param>
    /// <param name="source">The source's name for error messages.</param>
    /// <exception cref="InvalidDataException">A side is not positive.</exception>
    protected static void ThrowIfZeroSize(int width, int height, string format, string source)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException(
                $"'{source}' declares a {width}x{height} (width x height) {format} image: an image needs at least one pixel; the header is corrupt.");
        }
    }

    private static void ThrowIfEmpty(ReadOnlySpan<byte> encoded, string source)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException($"'{source}' is empty: there is no image to decode.");
        }
    }

    /// <summary>Reads the whole file at <paramref name="path"/> into pooled memory and runs <paramref name="action"/> on its bytes.</summary>
    private static T WithFile<T>(string path, BytesFunc<T> action)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[]? buffer = null;
        try
        {
            ReadOnlyMemory<byte> bytes;
            try
            {
                bytes = FileBytes.Read(path, ref buffer);
            }
            catch (InvalidDataException error)
            {
                throw new InvalidDataException($"'{path}' cannot be read as an image: {error.Message}", error);
            }

            return action(bytes.Span, path);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
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

    /// <summary>A function of encoded bytes and their source's name.</summary>
    private delegate T BytesFunc<T>(ReadOnlySpan<byte> bytes, string name);
}
