using System.Numerics;

namespace Augment.Kernels.Warp;

/// <summary>
/// A per-pixel map from output pixels to the input positions they sample, in <c>grid_sample</c>'s pixel units
/// (<c>ix = (gx + 1) * W / 2 - 0.5</c> for a normalised grid value <c>gx</c>, align_corners = false). One map per
/// warp family (<see cref="AffineMap"/>, <see cref="PerspectiveMap"/>, <see cref="DisplacementMap"/>); the one
/// sampler, <see cref="SourceGrid{TMap}"/>, is specialised by the JIT for each.
/// </summary>
internal interface ISourceMap
{
    /// <summary>The input position sampled by output pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    void Source(int x, int y, out float ix, out float iy);

    /// <summary>The input positions sampled by the <see cref="Vector{T}.Count"/> output pixels <c>x, x + 1, ...</c> of row <paramref name="y"/>.</summary>
    void Source(int x, int y, out Vector<float> ix, out Vector<float> iy);
}
