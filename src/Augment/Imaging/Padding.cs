namespace Augment.Imaging;

/// <summary>Pixels added on each side of an image, torchvision's <c>padding</c> argument.</summary>
/// <param name="Left">Columns added on the left.</param>
/// <param name="Top">Rows added on the top.</param>
/// <param name="Right">Columns added on the right.</param>
/// <param name="Bottom">Rows added on the bottom.</param>
public readonly record struct Padding(int Left, int Top, int Right, int Bottom)
{
    /// <summary>No padding.</summary>
    public static Padding None => default;

    /// <summary>Whether no side is padded.</summary>
    public bool IsNone => Left == 0 && Top == 0 && Right == 0 && Bottom == 0;

    /// <summary>The same padding on all four sides (torchvision's int <c>padding</c>).</summary>
    /// <param name="all">Pixels added on every side.</param>
    public static Padding Uniform(int all) => new(all, all, all, all);

    /// <summary>Left and right padded by <paramref name="horizontal"/>, top and bottom by <paramref name="vertical"/> (torchvision's 2-element <c>padding</c>).</summary>
    /// <param name="horizontal">Columns added on the left and on the right.</param>
    /// <param name="vertical">Rows added on the top and on the bottom.</param>
    public static Padding Symmetric(int horizontal, int vertical) => new(horizontal, vertical, horizontal, vertical);

    /// <summary>Throws unless every side is non-negative.</summary>
    /// <param name="paramName">The name of the argument being checked.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is negative.</exception>
    public void ThrowIfNegative(string paramName)
    {
        if (Left < 0 || Top < 0 || Right < 0 || Bottom < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, this, $"Padding must be non-negative on every side, got {this}.");
        }
    }

    /// <summary>The size of an image of <paramref name="size"/> once padded.</summary>
    /// <param name="size">The unpadded size.</param>
    public ImageSize Apply(ImageSize size) => new(checked(size.Height + Top + Bottom), checked(size.Width + Left + Right));

    /// <summary>
    /// Maps coordinate <paramref name="index"/> of a padded axis to the source coordinate it copies, for a source
    /// axis of <paramref name="length"/> pixels whose first pixel sits at padded coordinate 0 (so negative indices
    /// lie in the leading padding). Returns -1 where <paramref name="mode"/> is <see cref="PaddingMode.Constant"/>
    /// and the index is outside the source. Reflect and Symmetric repeat periodically, so any distance is defined.
    /// </summary>
    /// <param name="index">The coordinate relative to the source's first pixel.</param>
    /// <param name="length">The source axis length, positive.</param>
    /// <param name="mode">The padding mode.</param>
    public static int MapIndex(long index, int length, PaddingMode mode)
    {
        if ((ulong)index < (ulong)length)
        {
            return (int)index;
        }

        switch (mode)
        {
            case PaddingMode.Constant:
                return -1;
            case PaddingMode.Edge:
                return index < 0 ? 0 : length - 1;
            case PaddingMode.Reflect:
                if (length == 1)
                {
                    return 0;
                }

                long period = 2L * (length - 1);
                long r = Math.Abs(index) % period;
                return (int)(r < length ? r : period - r);
            case PaddingMode.Symmetric:
                long twice = 2L * length;
                long s = ((index % twice) + twice) % twice;
                return (int)(s < length ? s : twice - 1 - s);
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown padding mode.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"(left {Left}, top {Top}, right {Right}, bottom {Bottom})";
}
