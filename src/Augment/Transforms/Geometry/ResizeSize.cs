using Augment.Imaging;

namespace Augment.Transforms.Geometry;

/// <summary>
/// The output size of a resize, as torchvision states it: either the length of the shorter side (the longer side
/// becomes <c>int(size * long / short)</c>, truncated, optionally capped by a maximum), or an explicit (height, width).
/// </summary>
public readonly record struct ResizeSize
{
    private ResizeSize(int shorterSide, int? maxSize, int height, int width)
    {
        ShorterSide = shorterSide;
        MaxSize = maxSize;
        Height = height;
        Width = width;
    }

    /// <summary>The requested shorter side, or 0 for an explicit size.</summary>
    public int ShorterSide { get; }

    /// <summary>The cap on the longer side, if any (shorter-side sizes only).</summary>
    public int? MaxSize { get; }

    /// <summary>The explicit height, or 0 for a shorter-side size.</summary>
    public int Height { get; }

    /// <summary>The explicit width, or 0 for a shorter-side size.</summary>
    public int Width { get; }

    /// <summary>Whether the size is an explicit (height, width).</summary>
    public bool IsExplicit => ShorterSide == 0;

    /// <summary>
    /// The shorter side becomes <paramref name="size"/> and the longer one <c>int(size * long / short)</c>; if that
    /// exceeds <paramref name="maxSize"/>, the longer side becomes <paramref name="maxSize"/> and the shorter one
    /// <c>int(maxSize * size / long')</c> (torchvision's <c>max_size</c>).
    /// </summary>
    /// <param name="size">The shorter side, positive.</param>
    /// <param name="maxSize">The cap on the longer side, greater than <paramref name="size"/>, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive, or <paramref name="maxSize"/> is not greater than it.</exception>
    public static ResizeSize FromShorterSide(int size, int? maxSize = null)
    {
        if (size <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The shorter side must be positive, got {size}.");
        }

        if (maxSize is { } max && max <= size)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), max, $"maxSize must be greater than the shorter side {size}, got {max}.");
        }

        return new ResizeSize(size, maxSize, 0, 0);
    }

    /// <summary>An explicit output size.</summary>
    /// <param name="height">The output height, positive.</param>
    /// <param name="width">The output width, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive.</exception>
    public static ResizeSize Exact(int height, int width)
    {
        if (height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"The output height must be positive, got {height}.");
        }

        if (width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The output width must be positive, got {width}.");
        }

        return new ResizeSize(0, null, height, width);
    }

    /// <summary>An explicit output size.</summary>
    /// <param name="size">The output size, positive in both dimensions.</param>
    public static ResizeSize Exact(ImageSize size) => Exact(size.Height, size.Width);

    /// <summary>Computes the output size for an input of size <paramref name="input"/>.</summary>
    /// <param name="input">The input size, positive in both dimensions.</param>
    /// <exception cref="InvalidOperationException">The size is the default value (neither form).</exception>
    public ImageSize Resolve(ImageSize input)
    {
        input.ThrowIfEmpty(nameof(input));
        if (IsExplicit)
        {
            if (Height == 0)
            {
                throw new InvalidOperationException("A default ResizeSize states no size; use FromShorterSide or Exact.");
            }

            return new ImageSize(Height, Width);
        }

        int shorter = input.ShorterSide, longer = input.LongerSide;
        int newShort = ShorterSide;
        int newLong = (int)((double)((long)ShorterSide * longer) / shorter);
        if (MaxSize is { } max && newLong > max)
        {
            newShort = Math.Max(1, (int)((double)((long)max * newShort) / newLong));
            newLong = max;
        }

        return input.Width <= input.Height ? new ImageSize(newLong, newShort) : new ImageSize(newShort, newLong);
    }

    /// <inheritdoc />
    public override string ToString() => IsExplicit ? $"{Height}x{Width}" : MaxSize is { } max ? $"shorter side {ShorterSide} (max {max})" : $"shorter side {ShorterSide}";
}
