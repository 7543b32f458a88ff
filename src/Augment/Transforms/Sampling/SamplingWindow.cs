using Augment.Imaging;

namespace Augment.Transforms.Sampling;

/// <summary>A rectangle of pixels: its first row and column and its size.</summary>
/// <param name="Top">The first row.</param>
/// <param name="Left">The first column.</param>
/// <param name="Height">The height, non-negative.</param>
/// <param name="Width">The width, non-negative.</param>
internal readonly record struct SamplingWindow(int Top, int Left, int Height, int Width)
{
    /// <summary>The size.</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>Whether the window holds no pixel.</summary>
    public bool IsEmpty => Height <= 0 || Width <= 0;

    /// <summary>The window at (0, 0) covering an image of <paramref name="size"/>.</summary>
    /// <param name="size">The image size.</param>
    /// <returns>The window.</returns>
    public static SamplingWindow Covering(ImageSize size) => new(0, 0, size.Height, size.Width);

    /// <summary>Whether <paramref name="other"/> lies inside this window.</summary>
    /// <param name="other">The other window.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(SamplingWindow other) =>
        other.Top >= Top && other.Left >= Left && other.Top + other.Height <= Top + Height && other.Left + other.Width <= Left + Width;

    /// <summary>The pixels in both windows (empty, with a non-positive side, when they do not meet).</summary>
    /// <param name="other">The other window.</param>
    /// <returns>The intersection.</returns>
    public SamplingWindow Intersect(SamplingWindow other)
    {
        int top = Math.Max(Top, other.Top), left = Math.Max(Left, other.Left);
        int bottom = Math.Min(Top + Height, other.Top + other.Height), right = Math.Min(Left + Width, other.Left + other.Width);
        return new SamplingWindow(top, left, Math.Max(bottom - top, 0), Math.Max(right - left, 0));
    }
}
