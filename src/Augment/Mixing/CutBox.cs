namespace Augment.Mixing;

/// <summary>A rectangle of an image, in pixels: rows [Top, Top + Height), columns [Left, Left + Width).</summary>
/// <param name="Top">The first row.</param>
/// <param name="Left">The first column.</param>
/// <param name="Height">The number of rows, possibly 0.</param>
/// <param name="Width">The number of columns, possibly 0.</param>
public readonly record struct CutBox(int Top, int Left, int Height, int Width)
{
    /// <summary>The number of pixels, <c>Height * Width</c>.</summary>
    public int Area => Height * Width;

    /// <summary>Whether the box lies inside an image of <paramref name="height"/> × <paramref name="width"/> pixels.</summary>
    /// <param name="height">The image height.</param>
    /// <param name="width">The image width.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool IsInside(int height, int width) =>
        Top >= 0 && Left >= 0 && Height >= 0 && Width >= 0 && Top <= height - Height && Left <= width - Width;
}
