using System.Numerics;
using System.Runtime.CompilerServices;

namespace Augment.Kernels.Warp;

/// <summary>
/// The source map of a perspective warp: torchvision's <c>_perspective_grid</c> (pixel centres <c>x + 0.5</c>; the
/// numerators' coefficients divided by half the output size, the denominator's not; <c>g = num / den - 1</c>) followed
/// by <c>grid_sample</c>'s unnormalisation, in single precision. A position on the vanishing line (NaN) samples outside.
/// </summary>
internal readonly struct PerspectiveMap : ISourceMap
{
    private const float Outside = -2f;
    private readonly float _a0, _a1, _a2, _a3, _a4, _a5, _g, _h;
    private readonly float _halfWidth, _halfHeight;

    public PerspectiveMap(in PerspectiveCoefficients c, int width, int height)
    {
        float sw = 0.5f * width, sh = 0.5f * height;
        _a0 = (float)c.A / sw;
        _a1 = (float)c.B / sw;
        _a2 = (float)c.C / sw;
        _a3 = (float)c.D / sh;
        _a4 = (float)c.E / sh;
        _a5 = (float)c.F / sh;
        _g = (float)c.G;
        _h = (float)c.H;
        _halfWidth = sw;
        _halfHeight = sh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out float ix, out float iy)
    {
        float bx = x + 0.5f, by = y + 0.5f;
        float den = (bx * _g) + (by * _h) + 1f;
        float gx = (((bx * _a0) + (by * _a1) + _a2) / den) - 1f;
        float gy = (((bx * _a3) + (by * _a4) + _a5) / den) - 1f;
        ix = ((gx + 1f) * _halfWidth) - 0.5f;
        iy = ((gy + 1f) * _halfHeight) - 0.5f;
        ix = float.IsNaN(ix) ? Outside : ix;
        iy = float.IsNaN(iy) ? Outside : iy;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out Vector<float> ix, out Vector<float> iy)
    {
        Vector<float> bx = new Vector<float>(x + 0.5f) + Vector<float>.Indices;
        float by = y + 0.5f;
        Vector<float> den = (bx * _g) + new Vector<float>(by * _h) + Vector<float>.One;
        Vector<float> gx = (((bx * _a0) + new Vector<float>(by * _a1) + new Vector<float>(_a2)) / den) - Vector<float>.One;
        Vector<float> gy = (((bx * _a3) + new Vector<float>(by * _a4) + new Vector<float>(_a5)) / den) - Vector<float>.One;
        var half = new Vector<float>(0.5f);
        var outside = new Vector<float>(Outside);
        ix = ((gx + Vector<float>.One) * _halfWidth) - half;
        iy = ((gy + Vector<float>.One) * _halfHeight) - half;
        ix = Vector.ConditionalSelect(Vector.Equals(ix, ix), ix, outside);
        iy = Vector.ConditionalSelect(Vector.Equals(iy, iy), iy, outside);
    }
}
