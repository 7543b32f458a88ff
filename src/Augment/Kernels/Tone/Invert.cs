using Augment.Imaging;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>Effectively computes <c>destination[i] = 1 - x[i]</c> (torchvision's <c>invert</c> on a float image).</summary>
    /// <param name="x">The source values.</param>
    /// <param name="destination">The destination; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it without starting at the same element.</exception>
    public static void Invert(ReadOnlySpan<float> x, Span<float> destination) => Pointwise.Apply(x, destination, new AffineOperator(-1f, 1f));

    /// <summary>Inverts every channel of <paramref name="image"/> in place.</summary>
    /// <param name="image">The image, modified in place.</param>
    public static void Invert(ImageTensor image) => InPlace(image, new AffineOperator(-1f, 1f));
}
