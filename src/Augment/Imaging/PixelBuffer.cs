using System.Buffers;
using Augment.Kernels;

namespace Augment.Imaging;

/// <summary>
/// Decoded 8-bit pixels (interleaved, or in planes: see <see cref="PixelLayout"/>) in memory rented from <see cref="ArrayPool{T}.Shared"/>, returned by
/// <see cref="Dispose"/>: what <see cref="IImageDecoder.DecodePixels"/> hands to a loader, which converts (and
/// usually crops and resizes) it without the codec's types.
/// </summary>
public sealed class PixelBuffer : IDisposable
{
    private byte[]? _buffer;

    private PixelBuffer(byte[] buffer, int width, int height, int stride, PixelLayout layout)
    {
        _buffer = buffer;
        Width = width;
        Height = height;
        Stride = stride;
        Layout = layout;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; private set; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; private set; }

    /// <summary>The spatial size.</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>Bytes from the start of one row to the start of the next (within a plane, for a planar layout).</summary>
    public int Stride { get; private set; }

    /// <summary>The pixel layout.</summary>
    public PixelLayout Layout { get; private set; }

    /// <summary>The pixels: <see cref="Height"/> rows of <see cref="Stride"/> bytes, once per plane of the <see cref="Layout"/>.</summary>
    /// <exception cref="ObjectDisposedException">The buffer has been disposed.</exception>
    public Span<byte> Pixels => (_buffer ?? throw new ObjectDisposedException(nameof(PixelBuffer), "The pixel buffer has been disposed.")).AsSpan(0, Layout.Planes() * Stride * Height);

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => _buffer is null;

    /// <summary>Rents a tightly packed buffer (stride = width × bytes per pixel of a plane's row); its contents are unspecified.</summary>
    /// <param name="width">The width in pixels, positive.</param>
    /// <param name="height">The height in pixels, positive.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <returns>The buffer; the caller owns it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or the buffer would exceed <see cref="Array.MaxLength"/> bytes.</exception>
    public static PixelBuffer Rent(int width, int height, PixelLayout layout)
    {
        int length = CheckedLength(width, height, layout);
        return new PixelBuffer(ArrayPool<byte>.Shared.Rent(length), width, height, width * layout.BytesPerRowPixel(), layout);
    }

    /// <summary>
    /// Returns <paramref name="reuse"/> reshaped to the given size (see <see cref="Reshape"/>), or, when it is
    /// <see langword="null"/>, a newly rented buffer: how a decoder obtains the buffer it decodes into for
    /// <see cref="IImageDecoder.DecodePixelsInto"/>.
    /// </summary>
    /// <param name="width">The width in pixels, positive.</param>
    /// <param name="height">The height in pixels, positive.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <param name="reuse">A buffer to reuse, or <see langword="null"/>.</param>
    /// <returns><paramref name="reuse"/>, or a buffer the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or the buffer would exceed <see cref="Array.MaxLength"/> bytes.</exception>
    public static PixelBuffer Rent(int width, int height, PixelLayout layout, PixelBuffer? reuse)
    {
        if (reuse is null)
        {
            return Rent(width, height, layout);
        }

        reuse.Reshape(width, height, layout);
        return reuse;
    }

    /// <summary>
    /// Gives the buffer a new size and layout, tightly packed, keeping its memory when it holds enough bytes and
    /// renting a larger array otherwise; the pixels are unspecified afterwards. For a buffer that one owner keeps
    /// from image to image (a loader worker's), so that decoding allocates nothing.
    /// </summary>
    /// <param name="width">The width in pixels, positive.</param>
    /// <param name="height">The height in pixels, positive.</param>
    /// <param name="layout">The pixel layout.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or the buffer would exceed <see cref="Array.MaxLength"/> bytes.</exception>
    /// <exception cref="ObjectDisposedException">The buffer has been disposed.</exception>
    public void Reshape(int width, int height, PixelLayout layout)
    {
        int length = CheckedLength(width, height, layout);
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PixelBuffer), "The pixel buffer has been disposed.");
        if (buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        (Width, Height, Stride, Layout) = (width, height, width * layout.BytesPerRowPixel(), layout);
    }

    /// <summary>Reshapes this buffer to <paramref name="source"/>'s size and layout and copies its pixels, row by row (plane by plane).</summary>
    /// <param name="source">The pixels to copy; another buffer.</param>
    internal void CopyFrom(PixelBuffer source)
    {
        Reshape(source.Width, source.Height, source.Layout);
        int row = Width * Layout.BytesPerRowPixel();
        ReadOnlySpan<byte> from = source.Pixels;
        Span<byte> to = Pixels;
        for (int y = 0; y < Layout.Planes() * Height; y++)
        {
            from.Slice(y * source.Stride, row).CopyTo(to.Slice(y * Stride, row));
        }
    }

    /// <summary>Converts the pixels to a new 3-channel CHW float image with values <c>v / 255</c> (alpha is ignored).</summary>
    /// <returns>A new 3xHxW tensor; the caller owns it.</returns>
    public ImageTensor ToTensor() => PixelConversion.ToTensor(Pixels, Width, Height, Layout, Stride);

    /// <summary>Converts the pixels into an existing 3xHxW tensor of the same size, without allocating.</summary>
    /// <param name="destination">The tensor to overwrite.</param>
    public void ToTensor(ImageTensor destination) => PixelConversion.ToTensor(Pixels, Width, Height, Layout, Stride, destination);

    /// <inheritdoc />
    public override string ToString() => IsDisposed ? "PixelBuffer (disposed)" : $"PixelBuffer {Width}x{Height} {Layout}";

    private static int CheckedLength(int width, int height, PixelLayout layout)
    {
        int bpp = layout.BytesPerPixel();
        if (width <= 0 || height <= 0 || (long)width * height * bpp > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Cannot hold a {width}x{height} (width x height) {layout} image.");
        }

        return width * height * bpp;
    }

    /// <summary>Returns the memory to the pool. Further use of the buffer throws.</summary>
    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
