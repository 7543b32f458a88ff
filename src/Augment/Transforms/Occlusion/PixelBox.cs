namespace Augment.Transforms.Occlusion;

/// <summary>A rectangle of an image's pixels, possibly empty.</summary>
/// <param name="Top">The first row.</param>
/// <param name="Left">The first column.</param>
/// <param name="Height">The number of rows.</param>
/// <param name="Width">The number of columns.</param>
public readonly record struct PixelBox(int Top, int Left, int Height, int Width)
{
    /// <summary>The number of pixels, <c>Height * Width</c>.</summary>
    public int Area => Height * Width;
}
