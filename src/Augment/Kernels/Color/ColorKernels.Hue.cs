using System.Runtime.Intrinsics;
using Augment.Imaging;

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

    public void Invoke(ref float r, ref float g, ref float b)
    {
        float maxc = MathF.Max(r, MathF.Max(g, b));
        float minc = MathF.Min(r, MathF.Min(g, b));
        bool equal = maxc == minc;
        float range = maxc - minc;
        float s = range / (equal ? 1f : maxc);
        float inverse = 1f / (equal ? 1f : range);
        float rc = (maxc - r) * inverse, gc = (maxc - g) * inverse, bc = (maxc - b) * inverse;
        float h = maxc == r ? bc - gc : maxc == g ? (2f + rc) - bc : (4f + gc) - rc;
        h = (h * OneSixth) + 1f;
        h -= MathF.Truncate(h);
        h += _shift;
        h -= MathF.Truncate(h);
        if (h < 0f)
        {
            h += 1f;
        }

        float h6 = h * 6f;
        float sector = MathF.Floor(h6);
        float f = h6 - sector;
        if (sector >= 6f)
        {
            sector -= 6f;
        }

        float v = maxc;
        float p = Math.Clamp(v * (1f - s), 0f, 1f);
        float q = Math.Clamp(v * (1f - (s * f)), 0f, 1f);
        float t = Math.Clamp(v * (1f - (s * (1f - f))), 0f, 1f);
        (r, g, b) = (int)sector switch
        {
            0 => (v, t, p),
            1 => (q, v, p),
            2 => (p, v, t),
            3 => (p, q, v),
            4 => (t, p, v),
            _ => (v, p, q),
        };
    }

    public void Invoke(ref Vector128<float> r, ref Vector128<float> g, ref Vector128<float> b)
    {
        Vector128<float> zero = Vector128<float>.Zero, one = Vector128<float>.One;
        Vector128<float> maxc = Vector128.MaxNative(r, Vector128.MaxNative(g, b));
        Vector128<float> minc = Vector128.MinNative(r, Vector128.MinNative(g, b));
        Vector128<float> equal = Vector128.Equals(maxc, minc);
        Vector128<float> range = maxc - minc;
        Vector128<float> s = range / Vector128.ConditionalSelect(equal, one, maxc);
        Vector128<float> inverse = one / Vector128.ConditionalSelect(equal, one, range);
        Vector128<float> rc = (maxc - r) * inverse, gc = (maxc - g) * inverse, bc = (maxc - b) * inverse;
        Vector128<float> h = Vector128.ConditionalSelect(
            Vector128.Equals(maxc, r),
            bc - gc,
            Vector128.ConditionalSelect(Vector128.Equals(maxc, g), (Vector128.Create(2f) + rc) - bc, (Vector128.Create(4f) + gc) - rc));
        h = (h * OneSixth) + one;
        h -= Vector128.Truncate(h);
        h += Vector128.Create(_shift);
        h -= Vector128.Truncate(h);
        h = Vector128.ConditionalSelect(Vector128.LessThan(h, zero), h + one, h);

        Vector128<float> six = Vector128.Create(6f);
        Vector128<float> h6 = h * six;
        Vector128<float> sector = Vector128.Floor(h6);
        Vector128<float> f = h6 - sector;
        sector = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(sector, six), sector - six, sector);
        Vector128<float> v = maxc;
        Vector128<float> p = Vector128.ClampNative(v * (one - s), zero, one);
        Vector128<float> q = Vector128.ClampNative(v * (one - (s * f)), zero, one);
        Vector128<float> t = Vector128.ClampNative(v * (one - (s * (one - f))), zero, one);
        Vector128<float> e0 = Vector128.Equals(sector, zero), e1 = Vector128.Equals(sector, one), e2 = Vector128.Equals(sector, Vector128.Create(2f));
        Vector128<float> e3 = Vector128.Equals(sector, Vector128.Create(3f)), e4 = Vector128.Equals(sector, Vector128.Create(4f)), e5 = Vector128.Equals(sector, Vector128.Create(5f));
        r = Vector128.ConditionalSelect(e0 | e5, v, Vector128.ConditionalSelect(e4, t, Vector128.ConditionalSelect(e1, q, p)));
        g = Vector128.ConditionalSelect(e1 | e2, v, Vector128.ConditionalSelect(e0, t, Vector128.ConditionalSelect(e3, q, p)));
        b = Vector128.ConditionalSelect(e3 | e4, v, Vector128.ConditionalSelect(e5, q, Vector128.ConditionalSelect(e2, t, p)));
    }

    public void Invoke(ref Vector256<float> r, ref Vector256<float> g, ref Vector256<float> b)
    {
        Vector256<float> zero = Vector256<float>.Zero, one = Vector256<float>.One;
        Vector256<float> maxc = Vector256.MaxNative(r, Vector256.MaxNative(g, b));
        Vector256<float> minc = Vector256.MinNative(r, Vector256.MinNative(g, b));
        Vector256<float> equal = Vector256.Equals(maxc, minc);
        Vector256<float> range = maxc - minc;
        Vector256<float> s = range / Vector256.ConditionalSelect(equal, one, maxc);
        Vector256<float> inverse = one / Vector256.ConditionalSelect(equal, one, range);
        Vector256<float> rc = (maxc - r) * inverse, gc = (maxc - g) * inverse, bc = (maxc - b) * inverse;
        Vector256<float> h = Vector256.ConditionalSelect(
            Vector256.Equals(maxc, r),
            bc - gc,
            Vector256.ConditionalSelect(Vector256.Equals(maxc, g), (Vector256.Create(2f) + rc) - bc, (Vector256.Create(4f) + gc) - rc));
        h = (h * OneSixth) + one;
        h -= Vector256.Truncate(h);
        h += Vector256.Create(_shift);
        h -= Vector256.Truncate(h);
        h = Vector256.ConditionalSelect(Vector256.LessThan(h, zero), h + one, h);

        Vector256<float> six = Vector256.Create(6f);
        Vector256<float> h6 = h * six;
        Vector256<float> sector = Vector256.Floor(h6);
        Vector256<float> f = h6 - sector;
        sector = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(sector, six), sector - six, sector);
        Vector256<float> v = maxc;
        Vector256<float> p = Vector256.ClampNative(v * (one - s), zero, one);
        Vector256<float> q = Vector256.ClampNative(v * (one - (s * f)), zero, one);
        Vector256<float> t = Vector256.ClampNative(v * (one - (s * (one - f))), zero, one);
        Vector256<float> e0 = Vector256.Equals(sector, zero), e1 = Vector256.Equals(sector, one), e2 = Vector256.Equals(sector, Vector256.Create(2f));
        Vector256<float> e3 = Vector256.Equals(sector, Vector256.Create(3f)), e4 = Vector256.Equals(sector, Vector256.Create(4f)), e5 = Vector256.Equals(sector, Vector256.Create(5f));
        r = Vector256.ConditionalSelect(e0 | e5, v, Vector256.ConditionalSelect(e4, t, Vector256.ConditionalSelect(e1, q, p)));
        g = Vector256.ConditionalSelect(e1 | e2, v, Vector256.ConditionalSelect(e0, t, Vector256.ConditionalSelect(e3, q, p)));
        b = Vector256.ConditionalSelect(e3 | e4, v, Vector256.ConditionalSelect(e5, q, Vector256.ConditionalSelect(e2, t, p)));
    }

    public void Invoke(ref Vector512<float> r, ref Vector512<float> g, ref Vector512<float> b)
    {
        Vector512<float> zero = Vector512<float>.Zero, one = Vector512<float>.One;
        Vector512<float> maxc = Vector512.MaxNative(r, Vector512.MaxNative(g, b));
        Vector512<float> minc = Vector512.MinNative(r, Vector512.MinNative(g, b));
        Vector512<float> equal = Vector512.Equals(maxc, minc);
        Vector512<float> range = maxc - minc;
        Vector512<float> s = range / Vector512.ConditionalSelect(equal, one, maxc);
        Vector512<float> inverse = one / Vector512.ConditionalSelect(equal, one, range);
        Vector512<float> rc = (maxc - r) * inverse, gc = (maxc - g) * inverse, bc = (maxc - b) * inverse;
        Vector512<float> h = Vector512.ConditionalSelect(
            Vector512.Equals(maxc, r),
            bc - gc,
            Vector512.ConditionalSelect(Vector512.Equals(maxc, g), (Vector512.Create(2f) + rc) - bc, (Vector512.Create(4f) + gc) - rc));
        h = (h * OneSixth) + one;
        h -= Vector512.Truncate(h);
        h += Vector512.Create(_shift);
        h -= Vector512.Truncate(h);
        h = Vector512.ConditionalSelect(Vector512.LessThan(h, zero), h + one, h);

        Vector512<float> six = Vector512.Create(6f);
        Vector512<float> h6 = h * six;
        Vector512<float> sector = Vector512.Floor(h6);
        Vector512<float> f = h6 - sector;
        sector = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(sector, six), sector - six, sector);
        Vector512<float> v = maxc;
        Vector512<float> p = Vector512.ClampNative(v * (one - s), zero, one);
        Vector512<float> q = Vector512.ClampNative(v * (one - (s * f)), zero, one);
        Vector512<float> t = Vector512.ClampNative(v * (one - (s * (one - f))), zero, one);
        Vector512<float> e0 = Vector512.Equals(sector, zero), e1 = Vector512.Equals(sector, one), e2 = Vector512.Equals(sector, Vector512.Create(2f));
        Vector512<float> e3 = Vector512.Equals(sector, Vector512.Create(3f)), e4 = Vector512.Equals(sector, Vector512.Create(4f)), e5 = Vector512.Equals(sector, Vector512.Create(5f));
        r = Vector512.ConditionalSelect(e0 | e5, v, Vector512.ConditionalSelect(e4, t, Vector512.ConditionalSelect(e1, q, p)));
        g = Vector512.ConditionalSelect(e1 | e2, v, Vector512.ConditionalSelect(e0, t, Vector512.ConditionalSelect(e3, q, p)));
        b = Vector512.ConditionalSelect(e3 | e4, v, Vector512.ConditionalSelect(e5, q, Vector512.ConditionalSelect(e2, t, p)));
    }
}
