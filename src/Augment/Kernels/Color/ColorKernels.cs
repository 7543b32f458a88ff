using System.Numerics.Tensors;
using Augment.Imaging;

namespace Augment.Kernels.Color;

/// <summary>
/// Photometric kernels on CHW float images, in place, with torchvision's definitions (tensor backend): every
/// adjustment that torchvision clamps is clamped to [0, 1]; channel shifts and PCA lighting are not. The
/// operations are split over one file per operation (<c>ColorKernels.&lt;Op&gt;.cs</c>), each with its operator struct.
/// </summary>
public static partial class ColorKernels
{
    /// <summary>The red weight of torchvision's grayscale (ITU-R 601-2 luma, as rounded by torchvision).</summary>
    public const float RedWeight = 0.2989f;

    /// <summary>The green weight of torchvision's grayscale.</summary>
    public const float GreenWeight = 0.587f;

    /// <summary>The blue weight of torchvision's grayscale.</summary>
    public const float BlueWeight = 0.114f;

    /// <summary>
    /// Returns the mean of the grayscale image, <c>(0.2989 ΣR + 0.587 ΣG + 0.114 ΣB) / (H W)</c> for an RGB
    /// image, or the mean of all elements for any other channel count (torchvision's contrast reference).
    /// </summary>
    /// <param name="image">The image.</param>
    public static float GrayscaleMean(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels != 3)
        {
            return TensorPrimitives.Sum<float>(image.Data) / image.Length;
        }

        double sum = (RedWeight * (double)TensorPrimitives.Sum<float>(image.Plane(0)))
            + (GreenWeight * (double)TensorPrimitives.Sum<float>(image.Plane(1)))
            + (BlueWeight * (double)TensorPrimitives.Sum<float>(image.Plane(2)));
        return (float)(sum / image.PlaneLength);
    }

    private static void ThrowIfNegativeOrNaN(float factor, string paramName)
    {
        if (!(factor >= 0f))
        {
            throw new ArgumentOutOfRangeException(paramName, factor, $"The factor must be non-negative, got {factor}.");
        }
    }
}
