using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Imaging;

namespace Augment.Kernels;

/// <summary>
/// Conversions between interleaved 8-bit pixels and CHW float images in [0, 1]: the first step of every pipeline
/// (torchvision's <c>to_tensor</c>) and the last step before encoding.
/// </summary>
/// <remarks>
/// One loop per direction, written once for all layouts: an <see cref="IPixelReader"/> or <see cref="IPixelWriter"/>
/// struct packs or unpacks 4, 8 or 16 pixels into 32-bit words, the loop shifts the channel bytes out and converts
/// them. Each row ends with one overlapping vector, so only rows narrower than 4 pixels take the scalar path.
/// </remarks>
public static class PixelConversion
{
    private const float InverseMax = 1f / 255f;

    /// <summary>
    /// Converts interleaved 8-bit pixels to a new 3-channel CHW float image: effectively computes
    /// <c>plane[c][y, x] = pixels[y * stride + x * bpp + offset(c)] / 255f</c>, bit for bit (torchvision's
    /// <c>to_tensor</c>). Gray input is replicated to three channels; alpha is ignored.
    /// </summary>
    /// <param name="pixels">The pixels, <paramref name="stride"/> bytes per row.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <param name="stride">Bytes per row; 0 means tightly packed.</param>
    /// <returns>A new 3xHxW tensor; the caller owns it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the layout is unknown.</exception>
    /// <exception cref="ArgumentException">The stride is shorter than a row, or <paramref name="pixels"/> is too short.</exception>
    public static ImageTensor ToTensor(ReadOnlySpan<byte> pixels, int width, int height, PixelLayout layout, int stride = 0)
    {
        stride = ValidatePixels(pixels.Length, width, height, layout, stride, nameof(pixels));
        var image = ImageTensor.Create(3, height, width);
        Unpack(pixels, width, height, layout, stride, image);
        return image;
    }

    /// <summary>
    /// Converts interleaved 8-bit pixels into an existing 3xHxW tensor, as
    /// <see cref="ToTensor(ReadOnlySpan{byte}, int, int, PixelLayout, int)"/> does, without allocating.
    /// </summary>
    /// <param name="pixels">The pixels, <paramref name="stride"/> bytes per row.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <param name="stride">Bytes per row; 0 means tightly packed.</param>
    /// <param name="destination">A 3-channel tensor of the pixels' size, overwritten.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the layout is unknown.</exception>
    /// <exception cref="ArgumentException">The pixels are too short, or the destination's shape differs.</exception>
    public static void ToTensor(ReadOnlySpan<byte> pixels, int width, int height, PixelLayout layout, int stride, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        stride = ValidatePixels(pixels.Length, width, height, layout, stride, nameof(pixels));
        if (destination.Channels != 3 || destination.Height != height || destination.Width != width)
        {
            throw new ArgumentException($"Expected a destination of shape 3x{height}x{width}, got {destination.ShapeString}.", nameof(destination));
        }

        Unpack(pixels, width, height, layout, stride, destination);
    }

    /// <summary>
    /// Composites straight-alpha RGBA pixels over a solid background in place and makes them opaque: effectively
    /// computes <c>c = round((c * a + background * (255 - a)) / 255)</c> and <c>a = 255</c> for every pixel whose
    /// alpha <c>a</c> is not 255 (the 8-bit arithmetic of PIL's <c>alpha_composite</c> followed by <c>convert("RGB")</c>).
    /// </summary>
    /// <param name="rgbaPixels">The <see cref="PixelLayout.Rgba32"/> pixels (not premultiplied), modified in place.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="stride">Bytes per row; 0 means tightly packed.</param>
    /// <param name="red">The background's red.</param>
    /// <param name="green">The background's green.</param>
    /// <param name="blue">The background's blue.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    /// <exception cref="ArgumentException">The pixels are too short.</exception>
    public static void CompositeOver(Span<byte> rgbaPixels, int width, int height, int stride, byte red, byte green, byte blue)
    {
        stride = ValidatePixels(rgbaPixels.Length, width, height, PixelLayout.Rgba32, stride, nameof(rgbaPixels));
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = rgbaPixels.Slice(y * stride, width * 4);
            for (int i = 0; i < row.Length; i += 4)
            {
                int a = row[i + 3];
                if (a != 255)
                {
                    // (x + 127) / 255 is round(x / 255): x / 255 is never halfway, 255 being odd.
                    int rest = 255 - a;
                    row[i] = (byte)(((row[i] * a) + (red * rest) + 127) / 255);
                    row[i + 1] = (byte)(((row[i + 1] * a) + (green * rest) + 127) / 255);
                    row[i + 2] = (byte)(((row[i + 2] * a) + (blue * rest) + 127) / 255);
                    row[i + 3] = 255;
                }
            }
        }
    }

    /// <summary>
    /// Converts a 3-channel (or 1-channel gray) CHW float image to interleaved 8-bit pixels for encoding: effectively
    /// computes <c>round(clamp(v, 0, 1) * 255)</c> with ties to even; NaN becomes 0; alpha, if the layout has it, is 255.
    /// </summary>
    /// <param name="image">The image; 1-channel images are replicated to red, green and blue.</param>
    /// <param name="destination">The pixels, <paramref name="stride"/> bytes per row; padding bytes are left as they are.</param>
    /// <param name="layout"><see cref="PixelLayout.Rgb24"/>, <see cref="PixelLayout.Rgba32"/> or <see cref="PixelLayout.Bgra32"/>.</param>
    /// <param name="stride">Bytes per row; 0 means tightly packed.</param>
    /// <exception cref="ArgumentException">The image has 2 or more than 3 channels, the layout is gray, or the destination is too short.</exception>
    public static void ToPixels(ImageTensor image, Span<byte> destination, PixelLayout layout, int stride = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels is not (1 or 3))
        {
            throw new ArgumentException($"Only 1- and 3-channel images convert to pixels, got {image.ShapeString}.", nameof(image));
        }

        stride = ValidatePixels(destination.Length, image.Width, image.Height, layout, stride, nameof(destination));
        Span<float> data = image.Data;
        int plane = image.PlaneLength, green = image.Channels == 3 ? plane : 0;
        switch (layout)
        {
            case PixelLayout.Rgb24:
                Pack<Rgb24Writer>(data, green, green * 2, image.Width, image.Height, destination, stride);
                break;
            case PixelLayout.Rgba32:
                Pack<Rgba32Writer>(data, green, green * 2, image.Width, image.Height, destination, stride);
                break;
            case PixelLayout.Bgra32:
                Pack<Bgra32Writer>(data, green, green * 2, image.Width, image.Height, destination, stride);
                break;
            default:
                throw new ArgumentException($"Cannot convert an image to {layout} pixels; use Rgb24, Rgba32 or Bgra32.", nameof(layout));
        }
    }

    /// <summary>Validates a pixel buffer's size and returns the effective stride.</summary>
    private static int ValidatePixels(int length, int width, int height, PixelLayout layout, int stride, string paramName)
    {
        int bpp = layout.BytesPerPixel();
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Cannot convert an empty {width}x{height} (width x height) image.");
        }

        long rowBytes = (long)width * bpp;
        if (stride == 0)
        {
            stride = checked((int)rowBytes);
        }

        if (stride < rowBytes || length < ((long)(height - 1) * stride) + rowBytes)
        {
            throw new ArgumentException($"{length} bytes with stride {stride} do not hold a {width}x{height} (width x height) {layout} image.", paramName);
        }

        return stride;
    }

    private static void Unpack(ReadOnlySpan<byte> pixels, int width, int height, PixelLayout layout, int stride, ImageTensor destination)
    {
        Span<float> data = destination.Data;
        switch (layout)
        {
            case PixelLayout.Gray8:
                Unpack<Gray8Reader>(pixels, width, height, stride, data);
                break;
            case PixelLayout.Rgb24:
                Unpack<Rgb24Reader>(pixels, width, height, stride, data);
                break;
            case PixelLayout.Rgba32:
                Unpack<Rgba32Reader>(pixels, width, height, stride, data);
                break;
            default:
                Unpack<Bgra32Reader>(pixels, width, height, stride, data);
                break;
        }
    }

    private static void Unpack<TReader>(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<float> planes)
        where TReader : struct, IPixelReader
    {
        ref byte source = ref MemoryMarshal.GetReference(pixels);
        ref float red = ref MemoryMarshal.GetReference(planes);
        int plane = width * height;
        for (int y = 0; y < height; y++)
        {
            UnpackRow<TReader>(
                ref Unsafe.Add(ref source, (nint)y * stride),
                (nuint)width,
                ref Unsafe.Add(ref red, y * width),
                ref Unsafe.Add(ref red, plane + (y * width)),
                ref Unsafe.Add(ref red, (2 * plane) + (y * width)));
        }
    }

    private static void UnpackRow<TReader>(ref byte row, nuint width, ref float r, ref float g, ref float b)
        where TReader : struct, IPixelReader
    {
        nuint bpp = (nuint)TReader.BytesPerPixel;
        if (Vector512.IsHardwareAccelerated && width >= 16)
        {
            nuint last = width - 16;
            for (nuint x = 0; x < last; x += 16)
            {
                Unpack512<TReader>(TReader.Load512(ref Unsafe.Add(ref row, x * bpp)), ref r, ref g, ref b, x);
            }

            Unpack512<TReader>(TReader.Load512(ref Unsafe.Add(ref row, last * bpp)), ref r, ref g, ref b, last);
        }
        else if (Vector256.IsHardwareAccelerated && width >= 8)
        {
            nuint last = width - 8;
            for (nuint x = 0; x < last; x += 8)
            {
                Unpack256<TReader>(TReader.Load256(ref Unsafe.Add(ref row, x * bpp)), ref r, ref g, ref b, x);
            }

            Unpack256<TReader>(TReader.Load256(ref Unsafe.Add(ref row, last * bpp)), ref r, ref g, ref b, last);
        }
        else if (Vector128.IsHardwareAccelerated && width >= 4)
        {
            nuint last = width - 4;
            for (nuint x = 0; x < last; x += 4)
            {
                Unpack128<TReader>(TReader.Load128(ref Unsafe.Add(ref row, x * bpp)), ref r, ref g, ref b, x);
            }

            Unpack128<TReader>(TReader.Load128(ref Unsafe.Add(ref row, last * bpp)), ref r, ref g, ref b, last);
        }
        else
        {
            for (nuint x = 0; x < width; x++)
            {
                uint word = TReader.Load(ref Unsafe.Add(ref row, x * bpp));
                Unsafe.Add(ref r, x) = (byte)(word >> TReader.RedShift) / 255f;
                Unsafe.Add(ref g, x) = (byte)(word >> TReader.GreenShift) / 255f;
                Unsafe.Add(ref b, x) = (byte)(word >> TReader.BlueShift) / 255f;
            }
        }
    }

    // v / 255f, correctly rounded: the product by the reciprocal is off by one ulp for half the bytes; one
    // Newton-style correction with the exact FMA residual gives the quotient bit for bit (checked for all 256 bytes).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ToUnit(Vector512<uint> word, int shift)
    {
        Vector512<float> v = Vector512.ConvertToSingle(((word >> shift) & Vector512.Create(0xFFu)).AsInt32());
        Vector512<float> q = v * InverseMax;
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-q, Vector512.Create(255f), v), Vector512.Create(InverseMax), q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ToUnit(Vector256<uint> word, int shift)
    {
        Vector256<float> v = Vector256.ConvertToSingle(((word >> shift) & Vector256.Create(0xFFu)).AsInt32());
        Vector256<float> q = v * InverseMax;
        return Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(-q, Vector256.Create(255f), v), Vector256.Create(InverseMax), q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ToUnit(Vector128<uint> word, int shift)
    {
        Vector128<float> v = Vector128.ConvertToSingle(((word >> shift) & Vector128.Create(0xFFu)).AsInt32());
        Vector128<float> q = v * InverseMax;
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, Vector128.Create(255f), v), Vector128.Create(InverseMax), q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack512<TReader>(Vector512<uint> word, ref float r, ref float g, ref float b, nuint x)
        where TReader : struct, IPixelReader
    {
        ToUnit(word, TReader.RedShift).StoreUnsafe(ref r, x);
        ToUnit(word, TReader.GreenShift).StoreUnsafe(ref g, x);
        ToUnit(word, TReader.BlueShift).StoreUnsafe(ref b, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack256<TReader>(Vector256<uint> word, ref float r, ref float g, ref float b, nuint x)
        where TReader : struct, IPixelReader
    {
        ToUnit(word, TReader.RedShift).StoreUnsafe(ref r, x);
        ToUnit(word, TReader.GreenShift).StoreUnsafe(ref g, x);
        ToUnit(word, TReader.BlueShift).StoreUnsafe(ref b, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack128<TReader>(Vector128<uint> word, ref float r, ref float g, ref float b, nuint x)
        where TReader : struct, IPixelReader
    {
        ToUnit(word, TReader.RedShift).StoreUnsafe(ref r, x);
        ToUnit(word, TReader.GreenShift).StoreUnsafe(ref g, x);
        ToUnit(word, TReader.BlueShift).StoreUnsafe(ref b, x);
    }

    private static void Pack<TWriter>(Span<float> data, int greenOffset, int blueOffset, int width, int height, Span<byte> pixels, int stride)
        where TWriter : struct, IPixelWriter
    {
        ref float red = ref MemoryMarshal.GetReference(data);
        ref byte destination = ref MemoryMarshal.GetReference(pixels);
        for (int y = 0; y < height; y++)
        {
            PackRow<TWriter>(
                ref Unsafe.Add(ref red, y * width),
                ref Unsafe.Add(ref red, greenOffset + (y * width)),
                ref Unsafe.Add(ref red, blueOffset + (y * width)),
                (nuint)width,
                ref Unsafe.Add(ref destination, (nint)y * stride));
        }
    }

    private static void PackRow<TWriter>(ref float r, ref float g, ref float b, nuint width, ref byte row)
        where TWriter : struct, IPixelWriter
    {
        nuint bpp = (nuint)TWriter.BytesPerPixel;
        if (Vector512.IsHardwareAccelerated && width >= 16)
        {
            nuint last = width - 16;
            for (nuint x = 0; x < last; x += 16)
            {
                TWriter.Store512(Pack512<TWriter>(ref r, ref g, ref b, x), ref Unsafe.Add(ref row, x * bpp));
            }

            TWriter.Store512(Pack512<TWriter>(ref r, ref g, ref b, last), ref Unsafe.Add(ref row, last * bpp));
        }
        else if (Vector256.IsHardwareAccelerated && width >= 8)
        {
            nuint last = width - 8;
            for (nuint x = 0; x < last; x += 8)
            {
                TWriter.Store256(Pack256<TWriter>(ref r, ref g, ref b, x), ref Unsafe.Add(ref row, x * bpp));
            }

            TWriter.Store256(Pack256<TWriter>(ref r, ref g, ref b, last), ref Unsafe.Add(ref row, last * bpp));
        }
        else if (Vector128.IsHardwareAccelerated && width >= 4)
        {
            nuint last = width - 4;
            for (nuint x = 0; x < last; x += 4)
            {
                TWriter.Store128(Pack128<TWriter>(ref r, ref g, ref b, x), ref Unsafe.Add(ref row, x * bpp));
            }

            TWriter.Store128(Pack128<TWriter>(ref r, ref g, ref b, last), ref Unsafe.Add(ref row, last * bpp));
        }
        else
        {
            for (nuint x = 0; x < width; x++)
            {
                uint word = (ToByte(Unsafe.Add(ref r, x)) << TWriter.RedShift)
                    | (ToByte(Unsafe.Add(ref g, x)) << TWriter.GreenShift)
                    | (ToByte(Unsafe.Add(ref b, x)) << TWriter.BlueShift)
                    | TWriter.Opaque;
                TWriter.Store(word, ref Unsafe.Add(ref row, x * bpp));
            }
        }
    }

    /// <summary>The scalar definition the vector paths match: <c>round(clamp(v, 0, 1) * 255)</c>, ties to even, NaN to 0.</summary>
    private static uint ToByte(float v) => float.IsNaN(v) ? 0u : (uint)MathF.Round(Math.Clamp(v, 0f, 1f) * 255f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> ToByte(Vector512<float> v)
    {
        v = Vector512.Min(Vector512.Max(v & Vector512.Equals(v, v), Vector512<float>.Zero), Vector512<float>.One);
        return Vector512.ConvertToInt32(Vector512.Round(v * 255f)).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> ToByte(Vector256<float> v)
    {
        v = Vector256.Min(Vector256.Max(v & Vector256.Equals(v, v), Vector256<float>.Zero), Vector256<float>.One);
        return Vector256.ConvertToInt32(Vector256.Round(v * 255f)).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> ToByte(Vector128<float> v)
    {
        v = Vector128.Min(Vector128.Max(v & Vector128.Equals(v, v), Vector128<float>.Zero), Vector128<float>.One);
        return Vector128.ConvertToInt32(Vector128.Round(v * 255f)).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Pack512<TWriter>(ref float r, ref float g, ref float b, nuint x)
        where TWriter : struct, IPixelWriter =>
        (ToByte(Vector512.LoadUnsafe(ref r, x)) << TWriter.RedShift)
        | (ToByte(Vector512.LoadUnsafe(ref g, x)) << TWriter.GreenShift)
        | (ToByte(Vector512.LoadUnsafe(ref b, x)) << TWriter.BlueShift)
        | Vector512.Create(TWriter.Opaque);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Pack256<TWriter>(ref float r, ref float g, ref float b, nuint x)
        where TWriter : struct, IPixelWriter =>
        (ToByte(Vector256.LoadUnsafe(ref r, x)) << TWriter.RedShift)
        | (ToByte(Vector256.LoadUnsafe(ref g, x)) << TWriter.GreenShift)
        | (ToByte(Vector256.LoadUnsafe(ref b, x)) << TWriter.BlueShift)
        | Vector256.Create(TWriter.Opaque);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Pack128<TWriter>(ref float r, ref float g, ref float b, nuint x)
        where TWriter : struct, IPixelWriter =>
        (ToByte(Vector128.LoadUnsafe(ref r, x)) << TWriter.RedShift)
        | (ToByte(Vector128.LoadUnsafe(ref g, x)) << TWriter.GreenShift)
        | (ToByte(Vector128.LoadUnsafe(ref b, x)) << TWriter.BlueShift)
        | Vector128.Create(TWriter.Opaque);
}
