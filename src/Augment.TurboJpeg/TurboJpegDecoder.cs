using System.Buffers;
using Augment.Imaging;

namespace Augment.TurboJpeg;

/// <summary>
/// Decodes JPEG through the system's libjpeg-turbo (the TurboJPEG C API, with its SIMD paths) and hands every other
/// format to a fallback decoder (typically <c>new SkiaImageDecoder()</c>).
/// </summary>
/// <remarks>
/// <para>
/// JPEGs decode with libjpeg-turbo's defaults (accurate integer IDCT, fancy upsampling), as Skia and PIL do, into
/// 8-bit <see cref="PixelLayout.Rgba32"/> with alpha 255; gray JPEGs become RGB. With AVX-512BW, an upright 4:2:0
/// JPEG (the common kind) decoded at full size comes as <see cref="PixelLayout.Rgb24Planar"/> instead, with the same
/// values: libjpeg-turbo's raw Y, Cb and Cr planes, upsampled and converted here exactly as it would have, which is
/// faster and leaves the planes the resampler reads. Read <see cref="PixelBuffer.Layout"/> before the pixels. CMYK and YCCK JPEGs, which TurboJPEG
/// does not convert to RGB, go to the fallback decoder. The EXIF orientation tag, which libjpeg-turbo ignores, is read
/// from the APP1 segment and applied. Headers are checked before any pixel memory is allocated: a JPEG declaring
/// more than <see cref="ImageDecoderOptions.MaxPixels"/> pixels throws. Empty, corrupt and truncated JPEGs throw
/// <see cref="InvalidDataException"/> naming the source (the given name, or <c>&lt;bytes&gt;</c>).
/// </para>
/// <para>
/// The library is loaded once, from <c>libturbojpeg.so.0</c> on Linux (Debian and Ubuntu: <c>apt-get install
/// libturbojpeg0</c>); check <see cref="IsAvailable"/> before constructing. Decompressor handles are pooled and
/// reused across calls and threads. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class TurboJpegDecoder : ImageDecoder<TurboJpegDecoderOptions>
{
    private static readonly Lock s_poolLock = new();
    private static readonly nint[] s_pool = new nint[Math.Max(4, 2 * Environment.ProcessorCount)];
    private static int s_pooled;

    /// <summary>Creates a decoder that decodes JPEG itself and everything else with <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The decoder for non-JPEG input and for CMYK JPEGs (e.g. <c>new SkiaImageDecoder()</c>).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="TurboJpegDecoderOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> is <see langword="null"/>.</exception>
    /// <exception cref="DllNotFoundException">libjpeg-turbo's TurboJPEG library is not installed (see <see cref="IsAvailable"/>).</exception>
    public TurboJpegDecoder(IImageDecoder fallback, TurboJpegDecoderOptions? options = null)
        : base(options ?? TurboJpegDecoderOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (!IsAvailable)
        {
            throw new DllNotFoundException(
                $"{TurboJpegNative.FileName} (libjpeg-turbo's TurboJPEG library) is not installed or could not be loaded; on Debian or Ubuntu " +
                "install it with 'apt-get install libturbojpeg0', or decode with the fallback decoder alone.");
        }

        Fallback = fallback;
        FileExtensions = [.. new[] { ".jpg", ".jpeg" }.Union(fallback.FileExtensions, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether libjpeg-turbo's TurboJPEG library (<c>libturbojpeg.so.0</c> on Linux) could be loaded.</summary>
    public static bool IsAvailable => TurboJpegNative.IsLoaded;

    /// <summary>The decoder for everything that is not a JPEG TurboJPEG can turn into RGB.</summary>
    public IImageDecoder Fallback { get; }

    /// <inheritdoc />
    /// <remarks><c>.jpg</c> and <c>.jpeg</c>, and every extension of <see cref="Fallback"/>.</remarks>
    public override IReadOnlyList<string> FileExtensions { get; }

    /// <summary>Whether <paramref name="encoded"/> starts like a JPEG file (SOI marker then another marker).</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <returns><see langword="true"/> when the bytes start with <c>FF D8 FF</c>.</returns>
    public static bool IsJpeg(ReadOnlySpan<byte> encoded) => encoded.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    /// <inheritdoc />
    protected override unsafe ImageInfo IdentifyCore(ReadOnlySpan<byte> encoded, string source)
    {
        if (!IsJpeg(encoded))
        {
            return Fallback.Identify(encoded, source);
        }

        nint handle = RentHandle();
        try
        {
            fixed (byte* address = encoded)
            {
                (int width, int height, _, _) = ReadHeader(handle, address, encoded.Length, source);
                return new ImageInfo(width, height, "jpeg", ExifOrientation.Oriented(width, height, JpegOrientation(encoded)));
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
    /// <remarks>
    /// JPEGs decode as <see cref="PixelLayout.Rgba32"/> (full-size upright 4:2:0 ones as <see cref="PixelLayout.Rgb24Planar"/>
    /// where AVX-512BW runs) through TurboJPEG, at a DCT-scaled size when
    /// <paramref name="minimumSize"/> allows (the same choice as <c>SkiaImageDecoder</c>); other formats and CMYK
    /// JPEGs as the fallback decoder does.
    /// </remarks>
    protected override unsafe PixelBuffer DecodePixelsCore(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string source, PixelBuffer? destination)
    {
        if (!IsJpeg(encoded))
        {
            return DecodeWithFallback(encoded, minimumSize, source, destination);
        }

        nint handle = RentHandle();
        try
        {
            fixed (byte* address = encoded)
            {
                (int width, int height, int subsampling, int colorSpace) = ReadHeader(handle, address, encoded.Length, source);
                ThrowIfTooLarge(width, height, "jpeg", source);
                if (colorSpace is TurboJpegNative.ColorSpaceCmyk or TurboJpegNative.ColorSpaceYcck)
                {
                    return DecodeWithFallback(encoded, minimumSize, source, destination);
                }

                int orientation = JpegOrientation(encoded);
                (int decodedWidth, int decodedHeight) = DctScaledSize(width, height, orientation, minimumSize);

                // Full-size upright 4:2:0 YCbCr: raw planes from libjpeg-turbo, finished here into RGB planes (see Ycc420Planes).
                bool planar = Ycc420Planes.IsAccelerated && subsampling == TurboJpegNative.Subsampling420 && colorSpace == TurboJpegNative.ColorSpaceYCbCr
                    && orientation == ExifOrientation.Upright && (decodedWidth, decodedHeight) == (width, height) && width >= Ycc420Planes.MinimumWidth;
                PixelBuffer pixels = PixelBuffer.Rent(decodedWidth, decodedHeight, planar ? PixelLayout.Rgb24Planar : PixelLayout.Rgba32, destination);
                try
                {
                    if (planar)
                    {
                        DecodePlanar(handle, address, encoded.Length, pixels, source);
                    }
                    else
                    {
                        fixed (byte* target = pixels.Pixels)
                        {
                            if (TurboJpegNative.Decompress2(handle, address, new((uint)encoded.Length), target, decodedWidth, pixels.Stride, decodedHeight, TurboJpegNative.PixelFormatRgba, 0) != 0)
                            {
                                ThrowUnlessAccepted(handle, width, height, source);
                            }
                        }
                    }
                }
                catch
                {
                    Release(pixels, destination);
                    throw;
                }

                return Finish(pixels, null, orientation, destination);
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

    /// <summary>
    /// Decodes a full-size 4:2:0 JPEG into <paramref name="pixels"/> (<see cref="PixelLayout.Rgb24Planar"/>, the image's
    /// size): libjpeg-turbo's raw Y, Cb and Cr planes, upsampled and converted by <see cref="Ycc420Planes"/> exactly as
    /// libjpeg-turbo would have.
    /// </summary>
    private unsafe void DecodePlanar(nint handle, byte* address, int length, PixelBuffer pixels, string source)
    {
        int width = pixels.Width, height = pixels.Height;

        // TurboJPEG's 4:2:0 planes: luma padded to even sides, chroma half of that.
        int chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2, lumaStride = 2 * chromaWidth;
        int lumaLength = lumaStride * 2 * chromaHeight, chromaLength = chromaWidth * chromaHeight;
        byte[] raw = ArrayPool<byte>.Shared.Rent(lumaLength + (2 * chromaLength));
        try
        {
            fixed (byte* origin = raw)
            {
                byte** planes = stackalloc byte*[] { origin, origin + lumaLength, origin + lumaLength + chromaLength };
                int* strides = stackalloc int[] { lumaStride, chromaWidth, chromaWidth };
                if (TurboJpegNative.DecompressToYuvPlanes(handle, address, new((uint)length), planes, width, strides, height, 0) != 0)
                {
                    ThrowUnlessAccepted(handle, width, height, source);
                }
            }

            Ycc420Planes.Convert(
                raw.AsSpan(0, lumaLength), lumaStride, raw.AsSpan(lumaLength, chromaLength), raw.AsSpan(lumaLength + chromaLength, chromaLength), chromaWidth, width, height, pixels.Pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>Decodes what TurboJPEG does not through <see cref="Fallback"/>, into <paramref name="destination"/> when given.</summary>
    private PixelBuffer DecodeWithFallback(ReadOnlySpan<byte> encoded, ImageSize? minimumSize, string source, PixelBuffer? destination)
    {
        if (destination is null)
        {
            return Fallback.DecodePixels(encoded, minimumSize, source);
        }

        Fallback.DecodePixelsInto(encoded, destination, minimumSize, source);
        return destination;
    }

    private int JpegOrientation(ReadOnlySpan<byte> jpeg) => Orientation(ExifReader.Orientation(jpeg));

    /// <summary>Reads the JPEG's header; a header without a frame (TurboJPEG then reports 0x0) is refused too.</summary>
    private static unsafe (int Width, int Height, int Subsampling, int ColorSpace) ReadHeader(nint handle, byte* address, int length, string source)
    {
        if (TurboJpegNative.DecompressHeader3(handle, address, new((uint)length), out int width, out int height, out int subsampling, out int colorSpace) != 0)
        {
            throw new InvalidDataException($"'{source}' is not a JPEG TurboJPEG can read: {length} bytes whose header is truncated or corrupt ({TurboJpegNative.ErrorMessage(handle)}).");
        }

        ThrowIfZeroSize(width, height, "jpeg", source);
        return (width, height, subsampling, colorSpace);
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
            throw Truncated(source, $"libjpeg-turbo decoded only part of the {width}x{height} jpeg image ({message})");
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
