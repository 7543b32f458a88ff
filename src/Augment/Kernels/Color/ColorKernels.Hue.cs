using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Shifts the hue in place (torchvision's <c>adjust_hue</c> on float tensors): each pixel goes to HSV with
    /// torchvision's <c>_rgb2hsv</c>, <c>h = (h + factor) mod 1</c>, and back with <c>_hsv2rgb</c> (whose p, q, t are
    /// clamped to [0, 1]). Vectorized: every pixel takes every branch and masks select the result. A one-channel image
    /// is left unchanged, as torchvision does.
    /// </summary>
    /// <param name="image">An RGB or one-channel image.</param>
    /// <param name="factor">The hue shift, in [-0.5, 0.5] (a fraction of the colour wheel).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> lies outside [-0.5, 0.5] or is NaN.</exception>
    /// <exception cref="ArgumentException">The image has neither one nor three channels.</exception>
    public static void AdjustHue(ImageTensor image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!(factor >= -0.5f && factor <= 0.5f))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"The hue factor must lie in [-0.5, 0.5], got {factor}.");
        }

        if (image.Channels == 1)
        {
            return;
        }

        RgbPointwise.Apply(image, new HueOperator(factor));
    }
}

/// <summary>RGB → HSV → hue shift → RGB for each pixel: <see cref="ColorKernels.AdjustHue"/>.</summary>
/// <remarks>
/// The steps follow torchvision 0.14 (<c>_rgb2hsv</c>, <c>_hsv2rgb</c>) operation by operation, except that the
/// divisions by the chroma and by 6 are multiplications by reciprocals (differences of an ulp), and that
/// <c>fmod(x, 1)</c> is written <c>x - trunc(x)</c> (exact).
/// </remarks>
internal readonly struct HueOperator(float shift) : IRgbOperator
{
    private const float OneSixth = 1f / 6f;
    private readonly float _shift = shift;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TLane>(ref TLane r, ref TLane g, ref TLane b)
        where TLane : struct, ILane<TLane>
    {
        TLane zero = TLane.Zero, one = TLane.One;
        TLane maxc = TLane.MaxNative(r, TLane.MaxNative(g, b));
        TLane minc = TLane.MinNative(r, TLane.MinNative(g, b));
        TLane equal = TLane.CompareEqual(maxc, minc);
        TLane range = maxc - minc;
        TLane s = range / TLane.ConditionalSelect(equal, one, maxc);
        TLane inverse = one / TLane.ConditionalSelect(equal, one, range);
        TLane rc = (maxc - r) * inverse, gc = (maxc - g) * inverse, bc = (maxc - b) * inverse;
        TLane h = TLane.ConditionalSelect(
            TLane.CompareEqual(maxc, r),
            bc - gc,
            TLane.ConditionalSelect(TLane.CompareEqual(maxc, g), (TLane.Create(2f) + rc) - bc, (TLane.Create(4f) + gc) - rc));
        h = (h * TLane.Create(OneSixth)) + one;
        h -= TLane.Truncate(h);
        h += TLane.Create(_shift);
        h -= TLane.Truncate(h);
        h = TLane.ConditionalSelect(TLane.CompareLessThan(h, zero), h + one, h);

        TLane six = TLane.Create(6f);
        TLane h6 = h * six;
        TLane sector = TLane.Floor(h6);
        TLane f = h6 - sector;
        sector = TLane.ConditionalSelect(TLane.CompareGreaterThanOrEqual(sector, six), sector - six, sector);
        TLane v = maxc;
        TLane p = TLane.ClampNative(v * (one - s), zero, one);
        TLane q = TLane.ClampNative(v * (one - (s * f)), zero, one);
        TLane t = TLane.ClampNative(v * (one - (s * (one - f))), zero, one);
        TLane e0 = TLane.CompareEqual(sector, zero), e1 = TLane.CompareEqual(sector, one), e2 = TLane.CompareEqual(sector, TLane.Create(2f));
        TLane e3 = TLane.CompareEqual(sector, TLane.Create(3f)), e4 = TLane.CompareEqual(sector, TLane.Create(4f)), e5 = TLane.CompareEqual(sector, TLane.Create(5f));
        r = TLane.ConditionalSelect(e0 | e5, v, TLane.ConditionalSelect(e4, t, TLane.ConditionalSelect(e1, q, p)));
        g = TLane.ConditionalSelect(e1 | e2, v, TLane.ConditionalSelect(e0, t, TLane.ConditionalSelect(e3, q, p)));
        b = TLane.ConditionalSelect(e3 | e4, v, TLane.ConditionalSelect(e5, q, TLane.ConditionalSelect(e2, t, p)));
    }
}
