using System.Numerics.Tensors;
using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Adds a per-channel offset in place: effectively computes <c>x[c] = x[c] + shift[c]</c>, without clamping
    /// (the AlexNet-era RGB shift, and the last step of <see cref="PcaLighting"/>).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="shift">One offset per channel.</param>
    /// <exception cref="ArgumentException"><paramref name="shift"/> does not hold one value per channel.</exception>
    public static void ChannelShift(ImageTensor image, ReadOnlySpan<float> shift)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (shift.Length != image.Channels)
        {
            throw new ArgumentException($"Expected {image.Channels} channel offsets, got {shift.Length}.", nameof(shift));
        }

        for (int c = 0; c < shift.Length; c++)
        {
            Span<float> plane = image.Plane(c);
            TensorPrimitives.Add(plane, shift[c], plane);
        }
    }
}
