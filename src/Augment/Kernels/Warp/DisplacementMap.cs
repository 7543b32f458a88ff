using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augment.Kernels.Warp;

/// <summary>
/// The source map of an elastic warp: torchvision's identity grid (<c>linspace((1 - s) / s, (s - 1) / s, s)</c> per
/// axis, computed as torch's CPU <c>linspace</c> does) plus the displacement, then <c>grid_sample</c>'s unnormalisation,
/// in single precision. The identity's x row is precomputed (<see cref="FillIdentity"/>); the field is read a vector at a time.
/// </summary>
internal readonly struct DisplacementMap : ISourceMap
{
    private readonly float[] _field;
    private readonly float[] _identityX;
    private readonly int _width, _height, _planeLength;
    private readonly float _halfWidth, _halfHeight;

    /// <summary>A map over <paramref name="field"/>; <paramref name="identityX"/> holds <see cref="FillIdentity"/> of the width.</summary>
    public DisplacementMap(in DisplacementField field, float[] identityX)
    {
        _field = field.Buffer;
        _identityX = identityX;
        _width = field.Width;
        _height = field.Height;
        _planeLength = field.Width * field.Height;
        _halfWidth = 0.5f * field.Width;
        _halfHeight = 0.5f * field.Height;
    }

    /// <summary>Writes torch's identity grid coordinates of an axis of <paramref name="values"/>.Length samples.</summary>
    public static void FillIdentity(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Identity(i, values.Length);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out float ix, out float iy)
    {
        int i = (y * _width) + x;
        float gx = _identityX[x] + _field[i];
        float gy = Identity(y, _height) + _field[_planeLength + i];
        ix = ((gx + 1f) * _halfWidth) - 0.5f;
        iy = ((gy + 1f) * _halfHeight) - 0.5f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Source(int x, int y, out Vector<float> ix, out Vector<float> iy)
    {
        ref float field = ref MemoryMarshal.GetArrayDataReference(_field);
        nuint i = (nuint)((y * _width) + x);
        Vector<float> gx = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_identityX), (nuint)x) + Vector.LoadUnsafe(ref field, i);
        Vector<float> gy = new Vector<float>(Identity(y, _height)) + Vector.LoadUnsafe(ref field, (nuint)_planeLength + i);
        var half = new Vector<float>(0.5f);
        ix = ((gx + Vector<float>.One) * _halfWidth) - half;
        iy = ((gy + Vector<float>.One) * _halfHeight) - half;
    }

    // torch.linspace((1 - n) / n, (n - 1) / n, n)[i] on the CPU: the start's side below the halfway point, the end's above.
    private static float Identity(int i, int n)
    {
        float start = (float)((1.0 - n) / n), end = (float)((n - 1.0) / n);
        if (n == 1)
        {
            return start;
        }

        float step = (end - start) / (n - 1);
        return i < n / 2 ? start + (step * i) : end - (step * (n - 1 - i));
    }
}
