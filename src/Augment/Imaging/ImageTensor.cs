using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Augment.Imaging;

/// <summary>
/// A CHW float32 image whose memory is rented from a pool and returned by <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Planes are contiguous: channel <c>c</c> occupies <c>[c * H * W, (c + 1) * H * W)</c> of <see cref="Data"/>.
/// Transforms take ownership of the tensor they are given (see <see cref="Transforms.ITransform"/>).
/// Using a tensor after disposing it throws <see cref="ObjectDisposedException"/>.
/// </remarks>
public sealed class ImageTensor : IDisposable
{
    private float[]? _buffer;

    private ImageTensor(float[] buffer, int channels, int height, int width)
    {
        _buffer = buffer;
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>The number of channels (C).</summary>
    public int Channels { get; private set; }

    /// <summary>The height in pixels (H).</summary>
    public int Height { get; private set; }

    /// <summary>The width in pixels (W).</summary>
    public int Width { get; private set; }

    /// <summary>The spatial size.</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>The number of elements in one channel plane, <c>H * W</c>.</summary>
    public int PlaneLength => Height * Width;

    /// <summary>The number of elements, <c>C * H * W</c>.</summary>
    public int Length => Channels * Height * Width;

    /// <summary>All elements, channel-major (CHW).</summary>
    public Span<float> Data => Buffer.AsSpan(0, Length);

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => _buffer is null;

    private float[] Buffer
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _buffer ?? ThrowDisposed();
    }

    /// <summary>Rents a tensor of the given shape. Its contents are unspecified unless <paramref name="clear"/> is set.</summary>
    /// <param name="channels">C, positive.</param>
    /// <param name="height">H, positive.</param>
    /// <param name="width">W, positive.</param>
    /// <param name="clear">Whether to zero the elements.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the tensor would exceed <see cref="Array.MaxLength"/> elements.</exception>
    public static ImageTensor Create(int channels, int height, int width, bool clear = false)
    {
        ValidateShape(channels, height, width);
        int length = channels * height * width;
        float[] buffer = ArrayPool<float>.Shared.Rent(length);
        if (clear)
        {
            buffer.AsSpan(0, length).Clear();
        }

        return new ImageTensor(buffer, channels, height, width);
    }

    /// <summary>Rents a tensor with the given channel count and spatial size.</summary>
    /// <param name="channels">C, positive.</param>
    /// <param name="size">The spatial size, positive in both dimensions.</param>
    /// <param name="clear">Whether to zero the elements.</param>
    public static ImageTensor Create(int channels, ImageSize size, bool clear = false) =>
        Create(channels, size.Height, size.Width, clear);

    /// <summary>
    /// Gives a tensor that its owner keeps as scratch from sample to sample a new shape, keeping its memory when it
    /// holds enough elements and renting a larger buffer otherwise; the contents are unspecified afterwards. Only
    /// for tensors that never leave their owner (a loader worker's), since the shape of a shared tensor must not change.
    /// </summary>
    internal void Reshape(int channels, ImageSize size)
    {
        ValidateShape(channels, size.Height, size.Width);
        int length = channels * size.Height * size.Width;
        if (Buffer.Length < length)
        {
            ArrayPool<float>.Shared.Return(Buffer);
            _buffer = ArrayPool<float>.Shared.Rent(length);
        }

        (Channels, Height, Width) = (channels, size.Height, size.Width);
    }

    /// <summary>Copies a CHW tensor span of rank 3 into a new image tensor.</summary>
    /// <param name="source">A rank-3 tensor of shape (C, H, W).</param>
    /// <exception cref="ArgumentException">The span is not of rank 3.</exception>
    public static ImageTensor FromTensor(in ReadOnlyTensorSpan<float> source)
    {
        if (source.Rank != 3)
        {
            throw new ArgumentException($"An image tensor has rank 3 (C, H, W), got rank {source.Rank}.", nameof(source));
        }

        ReadOnlySpan<nint> lengths = source.Lengths;
        var image = Create(checked((int)lengths[0]), checked((int)lengths[1]), checked((int)lengths[2]));
        source.FlattenTo(image.Data);
        return image;
    }

    /// <summary>Returns channel plane <paramref name="channel"/> as a span of <c>H * W</c> elements.</summary>
    /// <param name="channel">The channel index.</param>
    public Span<float> Plane(int channel)
    {
        if ((uint)channel >= (uint)Channels)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"The image has {Channels} channels.");
        }

        return Buffer.AsSpan(channel * PlaneLength, PlaneLength);
    }

    /// <summary>Returns row <paramref name="y"/> of channel <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel index.</param>
    /// <param name="y">The row index.</param>
    public Span<float> Row(int channel, int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"The image has {Height} rows.");
        }

        return Plane(channel).Slice(y * Width, Width);
    }

    /// <summary>A view of the elements as a (C, H, W) tensor span, without copying.</summary>
    public TensorSpan<float> AsTensorSpan() =>
        new(Data, [Channels, Height, Width], [Stride(Channels, PlaneLength), Stride(Height, Width), Stride(Width, 1)]);

    /// <summary>
    /// A view of the window (<paramref name="top"/>, <paramref name="left"/>, <paramref name="height"/>,
    /// <paramref name="width"/>) of every channel as a strided (C, h, w) tensor span, without copying.
    /// </summary>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height.</param>
    /// <param name="width">The window's width.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or not inside the image.</exception>
    public TensorSpan<float> AsTensorSpan(int top, int left, int height, int width)
    {
        ThrowIfWindowOutside(top, left, height, width);
        int offset = (top * Width) + left;
        int extent = ((Channels - 1) * PlaneLength) + ((height - 1) * Width) + width;
        return new TensorSpan<float>(Buffer.AsSpan(offset, extent), [Channels, height, width], [Stride(Channels, PlaneLength), Stride(height, Width), Stride(width, 1)]);
    }

    /// <summary>Copies the elements into a new <see cref="Tensor{T}"/> of shape (C, H, W).</summary>
    public Tensor<float> ToTensor()
    {
        return Tensor.Create(Data.ToArray(), [Channels, Height, Width]);
    }

    /// <summary>Returns a new tensor with the same shape and elements.</summary>
    public ImageTensor Clone()
    {
        var copy = Create(Channels, Height, Width);
        Data.CopyTo(copy.Data);
        return copy;
    }

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same shape.</summary>
    /// <param name="destination">The tensor to overwrite.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void CopyTo(ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfShapeDiffers(destination, nameof(destination));
        Data.CopyTo(destination.Data);
    }

    /// <summary>Throws unless <paramref name="other"/> has this tensor's shape.</summary>
    /// <param name="other">The tensor to compare with.</param>
    /// <param name="paramName">The name of the argument being checked.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void ThrowIfShapeDiffers(ImageTensor other, string paramName)
    {
        if (other.Channels != Channels || other.Height != Height || other.Width != Width)
        {
            throw new ArgumentException($"Expected an image of shape {ShapeString}, got {other.ShapeString}.", paramName);
        }
    }

    /// <summary>Throws unless the window lies inside the image and is not empty.</summary>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height.</param>
    /// <param name="width">The window's width.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or not inside the image.</exception>
    public void ThrowIfWindowOutside(int top, int left, int height, int width)
    {
        if (height <= 0 || width <= 0 || top < 0 || left < 0 || top > Height - height || left > Width - width)
        {
            throw new ArgumentOutOfRangeException(
                nameof(top),
                $"The window (top {top}, left {left}, height {height}, width {width}) is empty or not inside the {Height}x{Width} image.");
        }
    }

    /// <summary>The shape as text, e.g. <c>3x224x224</c>.</summary>
    public string ShapeString => $"{Channels}x{Height}x{Width}";

    /// <inheritdoc />
    public override string ToString() => IsDisposed ? "ImageTensor (disposed)" : $"ImageTensor {ShapeString}";

    /// <summary>Returns the memory to the pool. Further use of the tensor throws.</summary>
    public void Dispose()
    {
        float[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Moves the pixels into a new instance, without copying, and leaves this one disposed: what a transform that
    /// worked in place returns, so that every reference to its input is dead afterwards (see <see cref="Transforms.ITransform"/>).
    /// </summary>
    /// <returns>A tensor of the same shape that owns the pixels.</returns>
    /// <exception cref="ObjectDisposedException">The tensor is disposed.</exception>
    public ImageTensor Transfer()
    {
        float[] buffer = Interlocked.Exchange(ref _buffer, null) ?? throw new ObjectDisposedException(nameof(ImageTensor), "The image has been disposed, or handed to a transform that consumed it.");
        return new ImageTensor(buffer, Channels, Height, Width);
    }

    // System.Numerics.Tensors requires a zero stride on every dimension of length 1.
    private static nint Stride(int length, int stride) => length == 1 ? 0 : stride;

    private static void ValidateShape(int channels, int height, int width)
    {
        if (channels <= 0 || height <= 0 || width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), $"An image tensor needs positive dimensions, got {channels}x{height}x{width} (CxHxW).");
        }

        if ((long)channels * height * width > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), $"An image tensor of {channels}x{height}x{width} elements exceeds the largest array.");
        }
    }

    private float[] ThrowDisposed() => throw new ObjectDisposedException(nameof(ImageTensor), "The image tensor has been disposed, or handed to a transform (Apply consumes its input: clone it first to keep it).");
}
