using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels;

/// <summary>
/// Conversions between 8-bit pixels (interleaved, or planar on the way in) and CHW float images in [0, 1]: the first step of every pipeline
/// (torchvision's <c>to_tensor</c>) and the last step before encoding.
/// </summary>
/// <remarks>
/// One loop per direction, written once for all layouts and lane widths: an <see cref="IPixelReader"/> or
/// <see cref="IPixelWriter"/> struct packs or unpacks a lane's worth of pixels into 32-bit words, the loop shifts the
/// channel bytes out and converts them.
/// </remarks>
public static class PixelConversion
{
    private const float InverseMax = 1f / 255f;

    /// <summary>
    /// Converts 8-bit pixels to a new 3-channel CHW float image: effectively computes
    /// <c>plane[c][y, x] = pixels[y * stride + x * bpp + offset(c)] / 255f</c> (for <see cref="PixelLayout.Rgb24Planar"/>,
    /// <c>pixels[(c * height + y) * stride + x] / 255f</c>), bit for bit (torchvision's
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
    /// Converts 8-bit pixels into an existing 3xHxW tensor, as
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
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Cannot convert an empty {width}x{height} (width x height) image.");
        }

        long rowBytes = (long)width * layout.BytesPerRowPixel();
        if (stride == 0)
        {
            stride = checked((int)rowBytes);
        }

        if (stride < rowBytes || length < ((long)((layout.Planes() * height) - 1) * stride) + rowBytes)
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
            case PixelLayout.Rgb24Planar:
                UnpackPlanes(pixels, width, height, stride, data);
                break;
            default:
                Unpack<Bgra32Reader>(pixels, width, height, stride, data);
                break;
        }
    }

    private static void Unpack<TReader>(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<float> planes)
        where TReader : struct, IPixelReader
    {
        int plane = width * height;

        // Tightly packed pixels are one run of width * height, as the planes are.
        int rows = stride == width * TReader.BytesPerPixel ? 1 : height;
        width = plane / rows;
        for (int y = 0; y < rows; y++)
        {
            int row = y * width;
            LaneLoop.Run(
                new UnpackBody<TReader>
                {
                    Pixels = pixels.Slice(y * stride, width * TReader.BytesPerPixel),
                    Red = planes.Slice(row, width),
                    Green = planes.Slice(plane + row, width),
                    Blue = planes.Slice((2 * plane) + row, width),
                },
                (nuint)width);
        }
    }

    private static void UnpackPlanes(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<float> planes)
    {
        // A tightly packed plane is one run, as its float plane is.
        int plane = width * height;
        int rows = stride == width ? 1 : height, run = plane / rows;
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < rows; y++)
            {
                LaneLoop.Run(
                    new PlaneBody { Samples = pixels.Slice(((c * height) + y) * stride, run), Plane = planes.Slice((c * plane) + (y * run), run) },
                    (nuint)run);
            }
        }
    }

    private static void Pack<TWriter>(Span<float> data, int greenOffset, int blueOffset, int width, int height, Span<byte> pixels, int stride)
        where TWriter : struct, IPixelWriter
    {
        // Tightly packed pixels are one run of width * height, as the planes are.
        int rows = stride == width * TWriter.BytesPerPixel ? 1 : height;
        width = width * height / rows;
        for (int y = 0; y < rows; y++)
        {
            int row = y * width;
            LaneLoop.Run(
                new PackBody<TWriter>
                {
                    Red = data.Slice(row, width),
                    Green = data.Slice(greenOffset + row, width),
                    Blue = data.Slice(blueOffset + row, width),
                    Pixels = pixels.Slice(y * stride, width * TWriter.BytesPerPixel),
                },
                (nuint)width);
        }
    }

    /// <summary>
    /// <c>v / 255f</c>, correctly rounded, for the byte of each word at <paramref name="shift"/>: the product by the
    /// reciprocal is off by one ulp for half the bytes; one Newton-style correction with the exact FMA residual gives
    /// the quotient bit for bit (checked for all 256 bytes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLane ToUnit<TLane>(TLane words, int shift)
        where TLane : struct, ILane<TLane>
    {
        TLane v = TLane.ConvertToSingle(TLane.ShiftRightLogical(words, shift) & TLane.CreateBits(0xFFu));
        TLane q = v * TLane.Create(InverseMax);
        return TLane.FusedMultiplyAdd(TLane.FusedMultiplyAdd(-q, TLane.Create(255f), v), TLane.Create(InverseMax), q);
    }

    /// <summary><c>round(clamp(v, 0, 1) * 255)</c>, ties to even, NaN to 0, as 32-bit integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLane ToByte<TLane>(TLane v)
        where TLane : struct, ILane<TLane>
    {
        v = TLane.ClampUnit(v & TLane.CompareEqual(v, v));
        return TLane.ConvertToInt32(TLane.Round(v * TLane.Create(255f)));
    }

    /// <summary>Turns the packed words of a row of pixels into the three float planes.</summary>
    private ref struct UnpackBody<TReader> : ILaneBody
        where TReader : struct, IPixelReader
    {
        public required ReadOnlySpan<byte> Pixels;

        public required Span<float> Red;

        public required Span<float> Green;

        public required Span<float> Blue;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane>
        {
            TLane words = TLane.LoadPixels<TReader>(ref Unsafe.Add(ref MemoryMarshal.GetReference(Pixels), index * (nuint)TReader.BytesPerPixel));
            TLane.Store(ToUnit(words, TReader.RedShift), ref MemoryMarshal.GetReference(Red), index);
            TLane.Store(ToUnit(words, TReader.GreenShift), ref MemoryMarshal.GetReference(Green), index);
            TLane.Store(ToUnit(words, TReader.BlueShift), ref MemoryMarshal.GetReference(Blue), index);
        }
    }

    /// <summary>Converts a row of one byte plane to a row of its float plane.</summary>
    private ref struct PlaneBody : ILaneBody
    {
        public required ReadOnlySpan<byte> Samples;

        public required Span<float> Plane;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane>
        {
            TLane words = TLane.LoadPixels<Gray8Reader>(ref Unsafe.Add(ref MemoryMarshal.GetReference(Samples), index));
            TLane.Store(ToUnit(words, Gray8Reader.RedShift), ref MemoryMarshal.GetReference(Plane), index);
        }
    }

    /// <summary>Packs a row of the three float planes into pixels.</summary>
    private ref struct PackBody<TWriter> : ILaneBody
        where TWriter : struct, IPixelWriter
    {
        public required ReadOnlySpan<float> Red;

        public required ReadOnlySpan<float> Green;

        public required ReadOnlySpan<float> Blue;

        public required Span<byte> Pixels;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane>
        {
            TLane words = TLane.ShiftLeft(ToByte(TLane.Load(ref MemoryMarshal.GetReference(Red), index)), TWriter.RedShift)
                | TLane.ShiftLeft(ToByte(TLane.Load(ref MemoryMarshal.GetReference(Green), index)), TWriter.GreenShift)
                | TLane.ShiftLeft(ToByte(TLane.Load(ref MemoryMarshal.GetReference(Blue), index)), TWriter.BlueShift)
                | TLane.CreateBits(TWriter.Opaque);
            TLane.StorePixels<TWriter>(words, ref Unsafe.Add(ref MemoryMarshal.GetReference(Pixels), index * (nuint)TWriter.BytesPerPixel));
        }
    }
}
