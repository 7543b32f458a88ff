using System.Buffers;

namespace Augment.Kernels.Warp;

/// <summary>
/// The displacement field of an elastic warp: per output pixel, an offset (x, y) added to torch's identity grid, in
/// normalised units (2 / W for one pixel in x, 2 / H in y), held as two planes of H×W floats in pooled memory
/// (torchvision holds the same numbers as a <c>[1, H, W, 2]</c> tensor).
/// </summary>
/// <remarks>
/// A field is a handle to a buffer rented from <see cref="ArrayPool{T}.Shared"/>: copies share it. Call
/// <see cref="Return"/> once, when no copy is used any more; a field never returned is simply collected.
/// </remarks>
public readonly struct DisplacementField
{
    private readonly float[]? _buffer;

    private DisplacementField(float[] buffer, int height, int width)
    {
        _buffer = buffer;
        Height = height;
        Width = width;
    }

    /// <summary>The field's height.</summary>
    public int Height { get; }

    /// <summary>The field's width.</summary>
    public int Width { get; }

    /// <summary>Whether the field holds a buffer (the default value does not).</summary>
    public bool IsAllocated => _buffer is not null;

    /// <summary>The x offsets, row-major, H×W.</summary>
    public Span<float> X => Buffer.AsSpan(0, Height * Width);

    /// <summary>The y offsets, row-major, H×W.</summary>
    public Span<float> Y => Buffer.AsSpan(Height * Width, Height * Width);

    /// <summary>The buffer: x plane then y plane (at least <c>2 * H * W</c> floats).</summary>
    internal float[] Buffer => _buffer ?? throw new InvalidOperationException("The displacement field holds no buffer.");

    /// <summary>Rents a field of the given size; its contents are unspecified.</summary>
    /// <param name="height">H, positive.</param>
    /// <param name="width">W, positive.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive or the field is too large.</exception>
    public static DisplacementField Rent(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if ((long)height * width * 2 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"A {height}x{width} displacement field is too large.");
        }

        return new DisplacementField(ArrayPool<float>.Shared.Rent(2 * height * width), height, width);
    }

    /// <summary>Rents a field holding torchvision's <c>[1, H, W, 2]</c> layout (x, y per pixel, row-major).</summary>
    /// <param name="interleaved">2 × H × W floats.</param>
    /// <param name="height">H, positive.</param>
    /// <param name="width">W, positive.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException"><paramref name="interleaved"/> does not hold 2 × H × W floats.</exception>
    public static DisplacementField FromInterleaved(ReadOnlySpan<float> interleaved, int height, int width)
    {
        DisplacementField field = Rent(height, width);
        if (interleaved.Length != 2L * height * width)
        {
            field.Return();
            throw new ArgumentException($"A {height}x{width} field has {2L * height * width} values, got {interleaved.Length}.", nameof(interleaved));
        }

        Span<float> x = field.X, y = field.Y;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = interleaved[2 * i];
            y[i] = interleaved[(2 * i) + 1];
        }

        return field;
    }

    /// <summary>Gives the buffer back to the pool. Neither this field nor any copy may be used afterwards.</summary>
    public void Return()
    {
        if (_buffer is not null)
        {
            ArrayPool<float>.Shared.Return(_buffer);
        }
    }
}
