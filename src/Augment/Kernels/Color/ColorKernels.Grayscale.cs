using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Converts an RGB image to grayscale in place, keeping three channels: effectively computes
    /// <c>R = G = B = 0.2989 R + 0.587 G + 0.114 B</c> (torchvision's <c>rgb_to_grayscale(img, 3)</c>; like
    /// torchvision it does not clamp, and the weights sum to 0.9999, so [0, 1] stays in [0, 1]).
    /// </summary>
    /// <param name="image">An RGB image.</param>
    /// <exception cref="ArgumentException">The image does not have three channels.</exception>
    public static void Grayscale(ImageTensor image) => RgbPointwise.Apply(image, default(GrayscaleOperator));

    /// <summary>
    /// Writes the grayscale plane of an RGB image into <paramref name="destination"/>: effectively computes
    /// <c>destination[i] = 0.2989 R[i] + 0.587 G[i] + 0.114 B[i]</c> (torchvision's <c>rgb_to_grayscale(img, 1)</c>).
    /// </summary>
    /// <param name="image">An RGB image; it is not modified.</param>
    /// <param name="destination">At least <c>H * W</c> elements; it must not overlap the image.</param>
    /// <exception cref="ArgumentException">The image does not have three channels, or the destination is too short.</exception>
    public static void Grayscale(ImageTensor image, Span<float> destination)
    {
        RgbPointwise.ThrowIfNotRgb(image);
        if (destination.Length < image.PlaneLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, the image plane {image.PlaneLength}.", nameof(destination));
        }

        destination = destination[..image.PlaneLength];
        TensorPrimitives.Multiply(image.Plane(0), RedWeight, destination);
        TensorPrimitives.MultiplyAdd(image.Plane(1), GreenWeight, destination, destination);
        TensorPrimitives.MultiplyAdd(image.Plane(2), BlueWeight, destination, destination);
    }
}

/// <summary>Replaces each pixel by its gray value in all three channels: <see cref="ColorKernels.Grayscale(ImageTensor)"/>.</summary>
internal readonly struct GrayscaleOperator : IRgbOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TLane>(ref TLane r, ref TLane g, ref TLane b)
        where TLane : struct, ILane<TLane> =>
        r = g = b = (TLane.Create(ColorKernels.RedWeight) * r) + (TLane.Create(ColorKernels.GreenWeight) * g) + (TLane.Create(ColorKernels.BlueWeight) * b);
}
