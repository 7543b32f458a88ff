using System.Runtime.Intrinsics;
using Augment.Imaging;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>Effectively computes <c>destination[i] = 1 - x[i]</c> (torchvision's <c>invert</c> on a float image).</summary>
    /// <param name="x">The source values.</param>
    /// <param name="destination">The destination; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void Invert(ReadOnlySpan<float> x, Span<float> destination) => Pointwise.Apply(x, destination, default(InvertOperator));

    /// <summary>Inverts every channel of <paramref name="image"/> in place.</summary>
    /// <param name="image">The image, modified in place.</param>
    public static void Invert(ImageTensor image) => InPlace(image, default(InvertOperator));

    /// <summary><c>1 - x</c> (one subtraction; cheaper than the general <see cref="AffineOperator"/>'s fused multiply-add).</summary>
    private readonly struct InvertOperator : IUnaryOperator
    {
        public float Invoke(float x) => 1f - x;

        public Vector128<float> Invoke(Vector128<float> x) => Vector128<float>.One - x;

        public Vector256<float> Invoke(Vector256<float> x) => Vector256<float>.One - x;

        public Vector512<float> Invoke(Vector512<float> x) => Vector512<float>.One - x;
    }
}
