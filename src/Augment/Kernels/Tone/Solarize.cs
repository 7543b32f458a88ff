using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>
    /// Inverts the values at or above a threshold: effectively computes
    /// <c>destination[i] = x[i] &gt;= threshold ? 1 - x[i] : x[i]</c> (torchvision's <c>solarize</c> on a float image;
    /// an 8-bit threshold <c>t</c> corresponds to <c>t / 255</c>).
    /// </summary>
    /// <param name="x">The source values.</param>
    /// <param name="destination">The destination; may be <paramref name="x"/> itself.</param>
    /// <param name="threshold">The threshold on the [0, 1] scale; values above 1 leave the image unchanged.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it without starting at the same element.</exception>
    public static void Solarize(ReadOnlySpan<float> x, Span<float> destination, float threshold) =>
        Pointwise.Apply(x, destination, new SolarizeOperator(ValidThreshold(threshold)));

    /// <summary>Solarizes every channel of <paramref name="image"/> in place (see <see cref="Solarize(ReadOnlySpan{float}, Span{float}, float)"/>).</summary>
    /// <param name="image">The image, modified in place.</param>
    /// <param name="threshold">The threshold on the [0, 1] scale.</param>
    public static void Solarize(ImageTensor image, float threshold) => InPlace(image, new SolarizeOperator(ValidThreshold(threshold)));

    private static float ValidThreshold(float threshold) =>
        float.IsNaN(threshold) ? throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must not be NaN.") : threshold;

    /// <summary><c>x &gt;= t ? 1 - x : x</c>.</summary>
    private readonly struct SolarizeOperator(float threshold) : IUnaryOperator
    {
        private readonly float _threshold = threshold;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Invoke<TLane>(TLane x)
            where TLane : struct, ILane<TLane> =>
            TLane.ConditionalSelect(TLane.CompareGreaterThanOrEqual(x, TLane.Create(_threshold)), TLane.One - x, x);
    }
}
