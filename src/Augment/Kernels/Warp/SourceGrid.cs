using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augment.Kernels.Warp;

/// <summary>
/// The sampling grid of a warp, one output row at a time: the source positions of a <typeparamref name="TMap"/>
/// turned into the plane offsets and weights of <c>grid_sample(padding_mode="zeros", align_corners=False)</c>,
/// a vector of columns per step with a scalar tail computing the same single-precision operations.
/// </summary>
/// <typeparam name="TMap">The source map; its positions must not be NaN.</typeparam>
internal readonly struct SourceGrid<TMap>
    where TMap : struct, ISourceMap
{
    private readonly TMap _map;
    private readonly float _maxX, _maxY;
    private readonly int _inWidth;

    public SourceGrid(in TMap map, int inWidth, int inHeight)
    {
        _map = map;
        _maxX = inWidth - 1;
        _maxY = inHeight - 1;
        _inWidth = inWidth;
    }

    /// <summary>
    /// Writes, for each output column of row <paramref name="y"/>, the plane offset of the nearest source pixel,
    /// or -1 where it lies outside the input.
    /// </summary>
    public void NearestRow(int y, Span<int> offsets)
    {
        int x = 0;
        if (Vector.IsHardwareAccelerated && offsets.Length >= Vector<float>.Count)
        {
            ref int dst = ref MemoryMarshal.GetReference(offsets);
            var width = new Vector<int>(_inWidth);
            var maxX = new Vector<float>(_maxX);
            var maxY = new Vector<float>(_maxY);
            for (; x <= offsets.Length - Vector<float>.Count; x += Vector<float>.Count)
            {
                _map.Source(x, y, out Vector<float> ix, out Vector<float> iy);
                Vector<float> xr = Vector.Round(ix), yr = Vector.Round(iy);
                Vector<int> inside = Vector.GreaterThanOrEqual(xr, Vector<float>.Zero) & Vector.LessThanOrEqual(xr, maxX)
                    & Vector.GreaterThanOrEqual(yr, Vector<float>.Zero) & Vector.LessThanOrEqual(yr, maxY);
                Vector<int> offset = (Vector.ConvertToInt32(yr) * width) + Vector.ConvertToInt32(xr);
                Vector.ConditionalSelect(inside, offset, Vector<int>.AllBitsSet).StoreUnsafe(ref dst, (nuint)x);
            }
        }

        for (; x < offsets.Length; x++)
        {
            _map.Source(x, y, out float ix, out float iy);
            float xr = MathF.Round(ix), yr = MathF.Round(iy);
            offsets[x] = xr >= 0 && xr <= _maxX && yr >= 0 && yr <= _maxY ? ((int)yr * _inWidth) + (int)xr : -1;
        }
    }

    /// <summary>
    /// Writes, for each output column of row <paramref name="y"/> (width W), four planes of W source offsets
    /// (north-west, north-east, south-west, south-east; clamped into the image) and five planes of W weights: the
    /// four corner weights, zero for corners outside the input, then their sum (the sampled all-ones mask).
    /// </summary>
    public void BilinearRow(int y, Span<int> offsets, Span<float> weights)
    {
        int n = offsets.Length / 4;
        int x = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            ref int off = ref MemoryMarshal.GetReference(offsets);
            ref float wts = ref MemoryMarshal.GetReference(weights);
            var width = new Vector<int>(_inWidth);
            var maxX = new Vector<float>(_maxX);
            var maxY = new Vector<float>(_maxY);
            for (; x <= n - Vector<float>.Count; x += Vector<float>.Count)
            {
                _map.Source(x, y, out Vector<float> ix, out Vector<float> iy);
                Vector<float> x0 = Vector.Floor(ix), y0 = Vector.Floor(iy);
                Vector<float> x1 = x0 + Vector<float>.One, y1 = y0 + Vector<float>.One;
                Vector<float> w = ix - x0, e = Vector<float>.One - w, s = iy - y0, north = Vector<float>.One - s;
                Vector<float> vx0 = Inside(x0, maxX), vx1 = Inside(x1, maxX), vy0 = Inside(y0, maxY), vy1 = Inside(y1, maxY);
                Vector<float> nw = (north * e) & vx0 & vy0, ne = (north * w) & vx1 & vy0;
                Vector<float> sw = (s * e) & vx0 & vy1, se = (s * w) & vx1 & vy1;
                Vector<int> c0 = Vector.ConvertToInt32(Clamp(x0, maxX)), c1 = Vector.ConvertToInt32(Clamp(x1, maxX));
                Vector<int> r0 = Vector.ConvertToInt32(Clamp(y0, maxY)) * width, r1 = Vector.ConvertToInt32(Clamp(y1, maxY)) * width;
                (r0 + c0).StoreUnsafe(ref off, (nuint)x);
                (r0 + c1).StoreUnsafe(ref off, (nuint)(n + x));
                (r1 + c0).StoreUnsafe(ref off, (nuint)((2 * n) + x));
                (r1 + c1).StoreUnsafe(ref off, (nuint)((3 * n) + x));
                nw.StoreUnsafe(ref wts, (nuint)x);
                ne.StoreUnsafe(ref wts, (nuint)(n + x));
                sw.StoreUnsafe(ref wts, (nuint)((2 * n) + x));
                se.StoreUnsafe(ref wts, (nuint)((3 * n) + x));
                (nw + ne + sw + se).StoreUnsafe(ref wts, (nuint)((4 * n) + x));
            }
        }

        for (; x < n; x++)
        {
            _map.Source(x, y, out float ix, out float iy);
            float x0 = MathF.Floor(ix), y0 = MathF.Floor(iy);
            float x1 = x0 + 1f, y1 = y0 + 1f;
            float w = ix - x0, e = 1f - w, s = iy - y0, north = 1f - s;
            bool vx0 = x0 >= 0 && x0 <= _maxX, vx1 = x1 >= 0 && x1 <= _maxX, vy0 = y0 >= 0 && y0 <= _maxY, vy1 = y1 >= 0 && y1 <= _maxY;
            float nw = vx0 && vy0 ? north * e : 0f, ne = vx1 && vy0 ? north * w : 0f;
            float sw = vx0 && vy1 ? s * e : 0f, se = vx1 && vy1 ? s * w : 0f;
            int c0 = (int)Clamp(x0, _maxX), c1 = (int)Clamp(x1, _maxX);
            int r0 = (int)Clamp(y0, _maxY) * _inWidth, r1 = (int)Clamp(y1, _maxY) * _inWidth;
            offsets[x] = r0 + c0;
            offsets[n + x] = r0 + c1;
            offsets[(2 * n) + x] = r1 + c0;
            offsets[(3 * n) + x] = r1 + c1;
            weights[x] = nw;
            weights[n + x] = ne;
            weights[(2 * n) + x] = sw;
            weights[(3 * n) + x] = se;
            weights[(4 * n) + x] = nw + ne + sw + se;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Inside(Vector<float> v, Vector<float> max) =>
        (Vector.GreaterThanOrEqual(v, Vector<float>.Zero) & Vector.LessThanOrEqual(v, max)).As<int, float>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Clamp(Vector<float> v, Vector<float> max) => Vector.Min(Vector.Max(v, Vector<float>.Zero), max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clamp(float v, float max) => Math.Clamp(v, 0f, max);
}
