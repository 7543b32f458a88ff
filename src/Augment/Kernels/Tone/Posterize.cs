using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>
    /// Keeps the top <paramref name="bits"/> bits of each 8-bit value: effectively computes
    /// <c>destination[i] = (round(clamp(x[i], 0, 1) * 255) &amp; (0xFF &lt;&lt; (8 - bits))) / 255</c> (torchvision's <c>posterize</c>).
    /// </summary>
    /// <param name="x">The source values.</param>
    /// <param name="destination">The destination; may be <paramref name="x"/> itself.</param>
    /// <param name="bits">The bits kept, 0 to 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is outside [0, 8].</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it without starting at the same element.</exception>
    public static void Posterize(ReadOnlySpan<float> x, Span<float> destination, int bits) =>
        Pointwise.Apply(x, destination, new PosterizeOperator(PosterizeMask(bits)));

    /// <summary>Posterizes every channel of <paramref name="image"/> in place (see <see cref="Posterize(ReadOnlySpan{float}, Span{float}, int)"/>).</summary>
    /// <param name="image">The image, modified in place.</param>
    /// <param name="bits">The bits kept, 0 to 8.</param>
    public static void Posterize(ImageTensor image, int bits) => InPlace(image, new PosterizeOperator(PosterizeMask(bits)));

    private static int PosterizeMask(int bits)
    {
        if ((uint)bits > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Posterize keeps 0 to 8 bits.");
        }

        return (0xFF << (8 - bits)) & 0xFF;
    }

    /// <summary><c>(round(clamp(x, 0, 1) * 255) &amp; mask) / 255</c>.</summary>
    private readonly struct PosterizeOperator(int mask) : IUnaryOperator
    {
        private readonly int _mask = mask;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Invoke<TLane>(TLane x)
            where TLane : struct, ILane<TLane> =>
            TLane.ConvertToSingle(TLane.ConvertToInt32(TLane.Round(TLane.ClampUnit(x) * TLane.Create(Max8Bit))) & TLane.CreateBits((uint)_mask))
            / TLane.Create(Max8Bit);
    }
}
