using Augment.Imaging;

namespace Augment.TurboJpeg;

/// <summary>
/// Decodes JPEG through the system's libjpeg-turbo (the TurboJPEG C API, with its SIMD paths) and hands every other
/// format to a fallback decoder (typically <c>new SkiaImageDecoder()</c>).
/// </summary>
/// <remarks>
/// <para>
/// JPEGs decode with libjpeg-turbo's defaults (accurate integer IDCT, fancy upsampling), as Skia and PIL do, into
/// 8-bit <see cref="PixelLayout.Rgba32"/> with alpha 255; gray JPEGs become RGB. CMYK and YCCK JPEGs, which TurboJPEG
/// does not convert to RGB, go to the fallback decoder. The EXIF orientation tag, which libjpeg-turbo ignores, is read
/// from the APP1 segment and applied. Headers are checked before any pixel memory is allocated: a JPEG declaring
/// more than <see cref="TurboJpegDecoderOptions.MaxPixels"/> pixels throws. Empty, corrupt and truncated JPEGs throw
/// <see cref="InvalidDataException"/> naming the source (the given name, or <c>&lt;bytes&gt;</c>).
/// </para>
/// <para>
/// The library is loaded once, from <c>libturbojpeg.so.0</c> on Linux (Debian and Ubuntu: <c>apt-get install
/// libturbojpeg0</c>); check <see cref="IsAvailable"/> before constructing. Decompressor handles are pooled and
/// reused across calls and threads. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class TurboJpegDecoder : IImageDecoder
{
    private const string UnnamedSource = "<bytes>";
    private static readonly Lock s_poolLock = new();
    private static readonly nint[] s_pool = new nint[Math.Max(4, 2 * Environment.ProcessorCount)];
    private static int s_pooled;

    /// <summary>Creates a decoder that decodes JPEG itself and everything else with <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The decoder for non-JPEG input and for CMYK JPEGs (e.g. <c>new SkiaImageDecoder()</c>).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="TurboJpegDecoderOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> is <see langword="null"/>.</exception>
    /// <exception cref="DllNotFoundException">libjpeg-turbo's TurboJPEG library is not installed (see <see cref="IsAvailable"/>).</exception>
    public TurboJpegDecoder(IImageDecoder fallback, TurboJpegDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (!IsAvailable)
        {
            throw new DllNotFoundException(
                $"{TurboJpegNative.FileName} (libjpeg-turbo's TurboJPEG library) is not installed or could not be loaded; on Debian or Ubuntu " +
                "install it with 'apt-get install libturbojpeg0', or decode with the fallback decoder alone.");
        }

        Fallback = fallback;
        Options = options ?? TurboJpegDecoderOptions.Default;
        FileExtensions = [.. new[] { ".jpg", ".jpeg" }.Union(fallback.FileExtensions, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether libjpeg-turbo's TurboJPEG library (<c>libturbojpeg.so.0</c> on Linux) could be loaded.</summary>
    public static bool IsAvailable => TurboJpegNative.IsLoaded;

    /// <summary>The decoder for everything that is not a JPEG TurboJPEG can turn into RGB.</summary>
    public IImageDecoder Fallback { get; }

    /// <summary>The options this decoder applies to JPEGs.</summary>
    public TurboJpegDecoderOptions Options { get; }

    /// <inheritdoc />
    /// <remarks><c>.jpg</c> and <c>.jpeg</c>, and every extension of <see cref="Fallback"/>.</remarks>
    public IReadOnlyList<string> FileExtensions { get; }

    /// <summary>Whether <paramref name="encoded"/> starts like a JPEG file (SOI marker then another marker).</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <returns><see langword="true"/> when the bytes start with <c>FF D8 FF</c>.</returns>
    public static bool IsJpeg(ReadOnlySpan<byte> encoded) => encoded.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    /// <inheritdoc />
    public unsafe ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        string source = sourceName ?? UnnamedSource;
        ThrowIfEmpty(encoded, source);
        if (!IsJpeg(encoded))
        {
            return Fallback.Identify(encoded, sourceName);
        }

        nint handle = RentHandle();
        try
        {
            fixed (byte* address = encoded)
            {
                (int width, int height, _) = ReadHeader(handle, address, encoded.Length, source);
                return new ImageInfo(width, height, "jpeg", ExifOrientation.Oriented(width, height, Orientation(encoded)));
            }
        }
        catch
        {
            // tjDecompressHeader3 leaves a failed handle mid-header: never reuse one that saw an error.
            TurboJpegNative.Destroy(handle);
            handle = 0;
            throw;
        }
        finally
        {
            ReturnHandle(handle);
        }
    }

    /// <inheritdoc />
    public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
    {
        using PixelBuffer pixels = DecodePixels(encoded, null, sourceName);
        return pixels.ToTensor();
    }

    /// <summary>
    /// Decodes the image into pooled pixels, oriented upright: JPEGs as <see cref="PixelLayout.Rgba32"/> through
    /// TurboJPEG, other formats (and CMYK JPEGs) as the fallback decoder does.
    /// </summary>
    /// <remarks>
    /// For JPEG, when <paramref name="minimumSize"/> is given, libjpeg-turbo's DCT scaling decodes at 1/8, 1/4 or
    /// 1/2 of the stored size: the smallest of those whose both sides (once oriented) stay at least
    /// <paramref name="minimumSize"/>, or the full size when none does; the same choice as <c>SkiaImageDecoder</c>.
    /// It is several times faster than a full decode but not an antialiased resize; callers that need exact
    /// torchvision parity pass <see langword="null"/>.
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
        if (!IsJpeg(encoded))
        {
            return Fallback.DecodePixels(encoded, minimumSize, sourceName);
        }

        nint handle = RentHandle();
        try
        {
            fixed (byte* address = encoded)
            {
                (int width, int height, int colorSpace) = ReadHeader(handle, address, encoded.Length, source);
                if ((long)width * height > Options.MaxPixels)
                {
                    throw new InvalidDataException(
                        $"'{source}' declares a {width}x{height} (width x height) jpeg image of {(long)width * height} pixels, over the limit of " +
                        $"{Options.MaxPixels} (TurboJpegDecoderOptions.MaxPixels); it may be a decompression bomb.");
                }

                if (colorSpace is TurboJpegNative.ColorSpaceCmyk or TurboJpegNative.ColorSpaceYcck)
                {
                    return Fallback.DecodePixels(encoded, minimumSize, sourceName);
                }

                int orientation = Orientation(encoded);
                (int decodedWidth, int decodedHeight) = DecodedSize(width, height, orientation, minimumSize);
                PixelBuffer pixels = PixelBuffer.Rent(decodedWidth, decodedHeight, PixelLayout.Rgba32);
                try
                {
                    fixed (byte* destination = pixels.Pixels)
                    {
                        if (TurboJpegNative.Decompress2(handle, address, new((uint)encoded.Length), destination, decodedWidth, pixels.Stride, decodedHeight, TurboJpegNative.PixelFormatRgba, 0) != 0)
                        {
                            ThrowUnlessAccepted(handle, width, height, source);
                        }
                    }

                    if (orientation == ExifOrientation.Upright)
                    {
                        return pixels;
                    }

                    using (pixels)
                    {
                        return ExifOrientation.Apply(pixels, orientation);
                    }
                }
                catch
                {
                    pixels.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            // tjDecompressHeader3 leaves a failed handle mid-header: never reuse one that saw an error.
            TurboJpegNative.Destroy(handle);
            handle = 0;
            throw;
        }
        finally
        {
            ReturnHandle(handle);
        }
    }

    private int Orientation(ReadOnlySpan<byte> jpeg) => Options.ApplyExifOrientation ? ExifReader.Orientation(jpeg) : ExifOrientation.Upright;

    private static unsafe (int Width, int Height, int ColorSpace) ReadHeader(nint handle, byte* address, int length, string source)
    {
        if (TurboJpegNative.DecompressHeader3(handle, address, new((uint)length), out int width, out int height, out _, out int colorSpace) != 0)
        {
            throw new InvalidDataException($"'{source}' is not a JPEG TurboJPEG can read: {length} bytes whose header is truncated or corrupt ({TurboJpegNative.ErrorMessage(handle)}).");
        }

        return (width, height, colorSpace);
    }

    /// <summary>The smallest DCT-scaled size (1/8, 1/4, 1/2) whose oriented sides cover the minimum; else the stored size.</summary>
    private static (int Width, int Height) DecodedSize(int width, int height, int orientation, ImageSize? minimumSize)
    {
        if (minimumSize is ImageSize minimum)
        {
            foreach (int denominator in (ReadOnlySpan<int>)[8, 4, 2])
            {
                // 1/8, 1/4 and 1/2 are among every libjpeg-turbo's scaling factors; TJSCALED rounds up, as Skia's sizes do.
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

    private void ThrowUnlessAccepted(nint handle, int width, int height, string source)
    {
        string message = TurboJpegNative.ErrorMessage(handle);
        if (TurboJpegNative.GetErrorCode(handle) != TurboJpegNative.ErrorWarning)
        {
            throw new InvalidDataException($"Decoding '{source}' ({width}x{height} jpeg) failed: {message}.");
        }

        if (!Options.AcceptTruncated)
        {
            throw new InvalidDataException(
                $"'{source}' is truncated or corrupt: libjpeg-turbo decoded only part of the {width}x{height} jpeg image ({message}). " +
                "Set TurboJpegDecoderOptions.AcceptTruncated to accept it with the rest filled in.");
        }
    }

    private static void ThrowIfEmpty(ReadOnlySpan<byte> encoded, string source)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException($"'{source}' is empty: there is no image to decode.");
        }
    }

    private static nint RentHandle()
    {
        lock (s_poolLock)
        {
            if (s_pooled > 0)
            {
                return s_pool[--s_pooled];
            }
        }

        nint handle = TurboJpegNative.InitDecompress();
        return handle != 0 ? handle : throw new InvalidOperationException($"tjInitDecompress failed: {TurboJpegNative.ErrorMessage(0)}.");
    }

    private static void ReturnHandle(nint handle)
    {
        if (handle == 0)
        {
            return;
        }

        lock (s_poolLock)
        {
            if (s_pooled < s_pool.Length)
            {
                s_pool[s_pooled++] = handle;
                return;
            }
        }

        TurboJpegNative.Destroy(handle);
    }
}
