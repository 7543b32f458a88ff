using System.Numerics;
using System.Runtime.CompilerServices;

namespace Augment.Kernels.Warp;

/// <summary>
/// The source map of an affine warp: torch's <c>_gen_affine_grid</c> (base grid of pixel centres measured from the
/// output centre, times the matrix rescaled by half the input size) followed by <c>grid_sample</c>'s unnormalisation
/// <c>(g + 1) * size / 2 - 0.5</c>, in single precision and torch's order.
/// </summary>
internal readonly struct AffineMap : ISourceMap
{
    private readonly float _ax0, _ax1, _ax2, _ay0, _ay1, _ay2;
    private readonly float _halfWidth, _halfHeight, _xStart, _yStart;

    public AffineMap(in AffineMatrix m, int inWidth, int inHeight, int outWidth, int outHeight)
    {
        float sw = 0.5f * inWidth, sh = 0.5f * inHeight;
        _ax0 = (float)m.M00 / sw;
        _ax1 = (float)m.M01 / sw;
        _ax2 = (float)m.M02 / sw;
        _ay0 = (float)m.M10 / sh;
        _ay1 = (float)m.M11 / sh;
        _ay2 = (float)m.M12 / sh;
        _halfWidth = sw;
        _halfHeight = sh;
        _xStart = (-outWidth * 0.5f) + 0.5f;
        _yStart = (-outHeight * 0.5f) + 0.5f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out float ix, out float iy)
    {
        float bx = _xStart + x, by = _yStart + y;
        float gx = (bx * _ax0) + (by * _ax1) + _ax2;
        float gy = (bx * _ay0) + (by * _ay1) + _ay2;
        ix = ((gx + 1f) * _halfWidth) - 0.5f;
        iy = ((gy + 1f) * _halfHeight) - 0.5f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out Vector<float> ix, out Vector<float> iy)
    {
        Vector<float> bx = new Vector<float>(_xStart + x) + Vector<float>.Indices;
        float by = _yStart + y;
        Vector<float> gx = (bx * _ax0) + new Vector<float>(by * _ax1) + new Vector<float>(_ax2);
        Vector<float> gy = (bx * _ay0) + new Vector<float>(by * _ay1) + new Vector<float>(_ay2);
        var half = new Vector<float>(0.5f);
        ix = ((gx + Vector<float>.One) * _halfWidth) - half;
        iy = ((gy + Vector<float>.One) * _halfHeight) - half;
    }
}
