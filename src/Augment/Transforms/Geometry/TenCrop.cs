using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Transforms.Geometry;

/// <summary>
/// The five crops of <see cref="FiveCrop"/>, then the five crops of the mirrored image (left-right, or top-bottom
/// when <see cref="Vertical"/>), in torchvision's <c>ten_crop</c> order. The mirrored views are copied straight
/// from the image with the flip fused in; the mirrored image is never built.
/// </summary>
/// <remarks>It yields several images, so it is not an <see cref="ITransform"/>; it leaves its input as it is.</remarks>
public sealed class TenCrop
{
    /// <summary>The number of views produced.</summary>
    public const int Count = 10;

    /// <summary>Creates the transform.</summary>
    /// <param name="height">The crop height, positive.</param>
    /// <param name="width">The crop width, positive.</param>
    /// <param name="vertical">Whether the second five views come from the top-bottom mirror instead of the left-right one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    public TenCrop(int height, int width, bool vertical = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
        Vertical = vertical;
    }

    /// <summary>The crop height.</summary>
    public int Height { get; }

    /// <summary>The crop width.</summary>
    public int Width { get; }

    /// <summary>Whether the mirrored views are flipped top-bottom rather than left-right.</summary>
    public bool Vertical { get; }

    private FlipMode Flip => Vertical ? FlipMode.Vertical : FlipMode.Horizontal;

    /// <summary>Returns the ten views as new tensors; the caller owns them. <paramref name="image"/> is left as it is.</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image.</exception>
    public ImageTensor[] Apply(ImageTensor image)
    {
        var views = new ImageTensor[Count];
        Views.Create(image, Height, Width, views, Flip);
        return views;
    }

    /// <summary>Writes the ten views into caller-provided tensors of shape (C, <see cref="Height"/>, <see cref="Width"/>).</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <param name="destination">Ten tensors to overwrite.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image, or the destinations' number or shapes are wrong.</exception>
    public void Apply(ImageTensor image, ReadOnlySpan<ImageTensor> destination) =>
        Views.Write(image, Height, Width, destination, Count, Flip);

    /// <summary>Writes the ten views, stacked as a dense (10, C, <see cref="Height"/>, <see cref="Width"/>) block, into <paramref name="destination"/>.</summary>
    /// <param name="image">The image, at least as large as the crop.</param>
    /// <param name="destination">At least <c>10 * C * Height * Width</c> elements, e.g. a slice of a batch buffer.</param>
    /// <exception cref="ArgumentException">The crop is larger than the image, or the destination is too short.</exception>
    public void Apply(ImageTensor image, Span<float> destination) =>
        Views.Write(image, Height, Width, destination, Count, Flip);
}
