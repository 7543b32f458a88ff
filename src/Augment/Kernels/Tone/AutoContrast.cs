using System.Numerics.Tensors;
using Augment.Imaging;
using Augment.Kernels.Color;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>
    /// Stretches each channel to the full range: effectively computes <c>clamp((x - min) / (max - min), 0, 1)</c>
    /// per channel, and only the clamp where <c>max == min</c> (torchvision's <c>autocontrast</c>).
    /// </summary>
    /// <param name="image">The image, modified in place.</param>
    public static void AutoContrast(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (int c = 0; c < image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            float min = TensorPrimitives.Min(plane);
            float scale = 1f / (TensorPrimitives.Max(plane) - min);
            if (!float.IsFinite(scale))
            {
                min = 0f;
                scale = 1f;
            }

            Pointwise.ApplyInPlace(plane, new ClampedAffineOperator(scale, -min * scale));
        }
    }
}
