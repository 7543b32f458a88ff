using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Augment.Imaging;

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

            Pointwise.ApplyInPlace(plane, new AutoContrastOperator(min, scale));
        }
    }

    /// <summary><c>clamp((x - min) * scale, 0, 1)</c>.</summary>
    private readonly struct AutoContrastOperator(float min, float scale) : IUnaryOperator
    {
        private readonly float _min = min;
        private readonly float _scale = scale;

        public float Invoke(float x) => Math.Clamp((x - _min) * _scale, 0f, 1f);

        public Vector128<float> Invoke(Vector128<float> x) =>
            Vector128.Clamp((x - Vector128.Create(_min)) * _scale, Vector128<float>.Zero, Vector128<float>.One);

        public Vector256<float> Invoke(Vector256<float> x) =>
            Vector256.Clamp((x - Vector256.Create(_min)) * _scale, Vector256<float>.Zero, Vector256<float>.One);

        public Vector512<float> Invoke(Vector512<float> x) =>
            Vector512.Clamp((x - Vector512.Create(_min)) * _scale, Vector512<float>.Zero, Vector512<float>.One);
    }
}
