using System.Numerics.Tensors;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Kernels.Occlusion;

/// <summary>
/// Occlusion kernels on CHW float images, in place: fill a rectangle of every channel with constants (torchvision's
/// <c>erase</c>, Cutout) or with standard normal noise (torchvision's <c>value="random"</c>, timm's
/// <c>"pixel"</c>/<c>"rand"</c> modes). An empty rectangle (zero height or width) is allowed and changes nothing.
/// </summary>
public static class OcclusionKernels
{
    /// <summary>Fills the rectangle of channel <c>c</c> with <c>value[c]</c> (torchvision's <c>F.erase</c> with a per-channel value).</summary>
    /// <param name="image">The image.</param>
    /// <param name="top">The first row.</param>
    /// <param name="left">The first column.</param>
    /// <param name="height">The number of rows, possibly 0.</param>
    /// <param name="width">The number of columns, possibly 0.</param>
    /// <param name="value">One value per channel, or a single value for all channels.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is not inside the image.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds neither one value nor one per channel.</exception>
    public static void Erase(ImageTensor image, int top, int left, int height, int width, ReadOnlySpan<float> value)
    {
        ThrowIfOutside(image, top, left, height, width);
        if (value.Length != 1 && value.Length != image.Channels)
        {
            throw new ArgumentException($"Expected 1 or {image.Channels} fill values, got {value.Length}.", nameof(value));
        }

        if (height == 0 || width == 0)
        {
            return;
        }

        for (int c = 0; c < image.Channels; c++)
        {
            float fill = value[value.Length == 1 ? 0 : c];
            Span<float> plane = image.Plane(c);
            for (int y = top; y < top + height; y++)
            {
                plane.Slice((y * image.Width) + left, width).Fill(fill);
            }
        }
    }

    /// <summary>
    /// Fills the rectangle with standard normal deviates drawn from <paramref name="random"/>: one per element when
    /// <paramref name="perPixel"/> is set (torchvision's <c>value="random"</c>), else one per channel (timm's <c>"rand"</c>).
    /// The deviates are generated channel by channel, row by row, so a stream always gives the same uniforms; the
    /// deviates are then equal wherever the vectorized logarithm and sine/cosine round alike (same instruction set).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="top">The first row.</param>
    /// <param name="left">The first column.</param>
    /// <param name="height">The number of rows, possibly 0.</param>
    /// <param name="width">The number of columns, possibly 0.</param>
    /// <param name="perPixel">Whether each element gets its own deviate.</param>
    /// <param name="random">The stream the deviates come from.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is not inside the image.</exception>
    public static void EraseNormal(ImageTensor image, int top, int left, int height, int width, bool perPixel, ref RandomSource random)
    {
        ThrowIfOutside(image, top, left, height, width);
        if (height == 0 || width == 0)
        {
            return;
        }

        if (!perPixel)
        {
            Span<float> values = image.Channels <= 64 ? stackalloc float[image.Channels] : new float[image.Channels];
            StandardNormal(values, ref random);
            Erase(image, top, left, height, width, values);
            return;
        }

        for (int c = 0; c < image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            for (int y = top; y < top + height; y++)
            {
                StandardNormal(plane.Slice((y * image.Width) + left, width), ref random);
            }
        }
    }

    /// <summary>
    /// Zeroes (or fills with <paramref name="value"/>) the square of side <paramref name="length"/> centred at
    /// (<paramref name="centerY"/>, <paramref name="centerX"/>): rows <c>[cy - L/2, cy + L/2)</c> and columns
    /// <c>[cx - L/2, cx + L/2)</c> with integer division, clipped to the image (DeVries and Taylor's Cutout).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="centerY">The centre row; may lie anywhere, the square is clipped.</param>
    /// <param name="centerX">The centre column; may lie anywhere, the square is clipped.</param>
    /// <param name="length">The side, non-negative.</param>
    /// <param name="value">One value per channel, or a single value for all channels.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static void Cutout(ImageTensor image, int centerY, int centerX, int length, ReadOnlySpan<float> value)
    {
        ArgumentNullException.ThrowIfNull(image);
        (int top, int left, int height, int width) = CutoutBox(image.Size, centerY, centerX, length);
        Erase(image, top, left, height, width, value);
    }

    /// <summary>Returns the clipped rectangle that <see cref="Cutout"/> fills (possibly empty).</summary>
    /// <param name="size">The image size.</param>
    /// <param name="centerY">The centre row.</param>
    /// <param name="centerX">The centre column.</param>
    /// <param name="length">The side, non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static (int Top, int Left, int Height, int Width) CutoutBox(ImageSize size, int centerY, int centerX, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int half = length / 2;
        int y0 = Math.Clamp(centerY - half, 0, size.Height), y1 = Math.Clamp(centerY + half, 0, size.Height);
        int x0 = Math.Clamp(centerX - half, 0, size.Width), x1 = Math.Clamp(centerX + half, 0, size.Width);
        return (y0, x0, y1 - y0, x1 - x0);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal deviates (Box–Muller on pairs of uniforms, both the
    /// cosine and the sine output used, vectorized through <see cref="TensorPrimitives"/>).
    /// </summary>
    /// <param name="destination">The span to fill.</param>
    /// <param name="random">The stream the uniforms come from.</param>
    public static void StandardNormal(Span<float> destination, ref RandomSource random)
    {
        const int Pairs = 128;
        Span<float> radius = stackalloc float[Pairs];
        Span<float> angle = stackalloc float[Pairs];
        Span<float> sin = stackalloc float[Pairs];
        Span<float> cos = stackalloc float[Pairs];
        while (!destination.IsEmpty)
        {
            int pairs = Math.Min(Pairs, (destination.Length + 1) / 2);
            Span<float> u1 = radius[..pairs], u2 = angle[..pairs];
            for (int i = 0; i < pairs; i++)
            {
                u1[i] = 1f - random.NextSingle(); // (0, 1]: the logarithm stays finite
                u2[i] = random.NextSingle();
            }

            TensorPrimitives.Log(u1, u1);
            TensorPrimitives.Multiply(u1, -2f, u1);
            TensorPrimitives.Sqrt(u1, u1);
            TensorPrimitives.Multiply(u2, 2f * MathF.PI, u2);
            TensorPrimitives.SinCos(u2, sin[..pairs], cos[..pairs]);

            int first = Math.Min(pairs, destination.Length);
            TensorPrimitives.Multiply(u1[..first], cos[..first], destination[..first]);
            int second = Math.Min(pairs, destination.Length - first);
            TensorPrimitives.Multiply(u1[..second], sin[..second], destination.Slice(first, second));
            destination = destination[(first + second)..];
        }
    }

    private static void ThrowIfOutside(ImageTensor image, int top, int left, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (height < 0 || width < 0 || top < 0 || left < 0 || top > image.Height - height || left > image.Width - width)
        {
            throw new ArgumentOutOfRangeException(
                nameof(top),
                $"The rectangle (top {top}, left {left}, height {height}, width {width}) is not inside the {image.Height}x{image.Width} image.");
        }
    }
}
