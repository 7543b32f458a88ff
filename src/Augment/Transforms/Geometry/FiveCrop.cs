using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Cuts the four corner crops and the central crop of an image, in torchvision's order
/// <c>[top-left, top-right, bottom-left, bottom-right, centre]</c> (<c>five_crop</c>), for test-time augmentation.
/// </summary>
/// <remarks>
/// It yields several images, so it is not an <see cref="ITransform"/>; it reads its input without modifying or
/// disposing it. The central crop uses <see cref="CenterCrop.Corner"/> (round-half-to-even).
/// </remarks>
public sealed class FiveCrop
{
    /// <summary>The number of views produced.</summary>
    public const int Count = 5;

    /// <summary>Creates the transform.</summary>
    /// <param name="height">The crop height, positive.</param>
    /// <param name="width">The crop width, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    public FiveCrop(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
    }

    /// <summary>The crop height.</summary>
    public int Height { get; }

    /// <summary>The crop width.</summary>
    public int Width { get; }

    /// <summary>Returns the five views as new tensors; the caller owns them. <paramref name="image"/> is left as it is.</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image.</exception>
    public ImageTensor[] Apply(ImageTensor image)
    {
        var views = new ImageTensor[Count];
        Views.Create(image, Height, Width, views, FlipMode.None);
        return views;
    }

    /// <summary>Writes the five views into caller-provided tensors of shape (C, <see cref="Height"/>, <see cref="Width"/>).</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <param name="destination">Five tensors to overwrite.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image, or the destinations' number or shapes are wrong.</exception>
    public void Apply(ImageTensor image, ReadOnlySpan<ImageTensor> destination) =>
        Views.Write(image, Height, Width, destination, Count, FlipMode.None);

    /// <summary>Writes the five views, stacked as a dense (5, C, <see cref="Height"/>, <see cref="Width"/>) block, into <paramref name="destination"/>.</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <param name="destination">At least <c>5 * C * Height * Width</c> elements, e.g. a slice of a batch buffer.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image, or the destination is too short.</exception>
    public void Apply(ImageTensor image, Span<float> destination) =>
        Views.Write(image, Height, Width, destination, Count, FlipMode.None);
}
