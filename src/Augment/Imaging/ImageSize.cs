namespace Augment.Imaging;

/// <summary>The spatial size of an image, height first as in CHW.</summary>
/// <param name="Height">The height in pixels.</param>
/// <param name="Width">The width in pixels.</param>
public readonly record struct ImageSize(int Height, int Width)
{
    /// <summary>The number of pixels, <c>Height * Width</c>.</summary>
    public int Area => Height * Width;

    /// <summary>The shorter side.</summary>
    public int ShorterSide => Math.Min(Height, Width);

    /// <summary>The longer side.</summary>
    public int LongerSide => Math.Max(Height, Width);

    /// <summary>Throws unless both sides are positive.</summary>
    /// <param name="paramName">The name of the argument being checked.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative.</exception>
    public void ThrowIfEmpty(string paramName)
    {
        if (Height <= 0 || Width <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, this, $"An image size must be positive in both dimensions, got {Height}x{Width} (height x width).");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Height}x{Width}";
}
