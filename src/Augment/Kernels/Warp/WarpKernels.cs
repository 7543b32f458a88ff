using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Augment.Imaging;

namespace Augment.Kernels.Warp;

/// <summary>
/// Warps of CHW float images (affine, perspective, elastic), sampled exactly as torchvision's tensor backend does
/// (a sampling grid, then <c>grid_sample(align_corners=False, padding_mode="zeros")</c> with the fill applied
/// through an extra all-ones mask channel). One sampler serves every warp: each supplies only its source map.
/// </summary>
/// <remarks>
/// Source coordinates are computed a whole output row at a time, a vector of columns per step, with the same
/// single-precision operations in the same order as torch (no fused multiply-add), so the SIMD and scalar paths
/// agree bit for bit and ties of nearest sampling fall where torchvision's do.
/// </remarks>
public static partial class WarpKernels
{
    /// <summary>
    /// Rotates <paramref name="source"/> by <paramref name="angle"/> degrees counter-clockwise about its centre (or
    /// about <paramref name="centerX"/>, <paramref name="centerY"/>), as torchvision's <c>F.rotate</c>.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="angle">The angle in degrees, counter-clockwise.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="fill">The value per channel (or one value for all) outside the input; empty for torchvision's <c>fill=None</c> (plain zero padding).</param>
    /// <param name="expand">Whether the output grows to hold the whole rotated image.</param>
    /// <param name="centerX">The centre's x in pixels, or <see langword="null"/> for the image centre.</param>
    /// <param name="centerY">The centre's y in pixels, or <see langword="null"/> for the image centre.</param>
    /// <returns>A new image.</returns>
    public static ImageTensor Rotate(
        ImageTensor source,
        double angle,
        Interpolation interpolation,
        ReadOnlySpan<float> fill,
        bool expand = false,
        double? centerX = null,
        double? centerY = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfNotFinite(angle, nameof(angle));
        double cx = centerX is { } x ? x - (source.Width * 0.5) : 0.0;
        double cy = centerY is { } y ? y - (source.Height * 0.5) : 0.0;
        AffineMatrix matrix = AffineMatrix.Inverse(-angle, 0, 0, 1, 0, 0, cx, cy);
        ImageSize size = expand ? matrix.ExpandedSize(source.Width, source.Height) : source.Size;
        return Warp(source, matrix, size, interpolation, fill);
    }

    /// <summary>
    /// Applies torchvision's <c>F.affine</c>: rotation by <paramref name="angle"/> degrees (clockwise), translation,
    /// scale and shear about the image centre (or about <paramref name="centerX"/>, <paramref name="centerY"/>).
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="angle">The rotation in degrees.</param>
    /// <param name="translateX">The horizontal translation in pixels.</param>
    /// <param name="translateY">The vertical translation in pixels.</param>
    /// <param name="scale">The scale, positive.</param>
    /// <param name="shearX">The x shear in degrees.</param>
    /// <param name="shearY">The y shear in degrees.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <param name="centerX">The centre's x in pixels, or <see langword="null"/> for the image centre.</param>
    /// <param name="centerY">The centre's y in pixels, or <see langword="null"/> for the image centre.</param>
    /// <returns>A new image of the same size.</returns>
    public static ImageTensor Affine(
        ImageTensor source,
        double angle,
        double translateX,
        double translateY,
        double scale,
        double shearX,
        double shearY,
        Interpolation interpolation,
        ReadOnlySpan<float> fill,
        double? centerX = null,
        double? centerY = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfNotFinite(angle, nameof(angle));
        ThrowIfNotFinite(translateX, nameof(translateX));
        ThrowIfNotFinite(translateY, nameof(translateY));
        ThrowIfNotFinite(shearX, nameof(shearX));
        ThrowIfNotFinite(shearY, nameof(shearY));
        double cx = centerX is { } x ? x - (source.Width * 0.5) : 0.0;
        double cy = centerY is { } y ? y - (source.Height * 0.5) : 0.0;
        AffineMatrix matrix = AffineMatrix.Inverse(angle, translateX, translateY, scale, shearX, shearY, cx, cy);
        return Warp(source, matrix, source.Size, interpolation, fill);
    }

    /// <summary>
    /// Samples <paramref name="source"/> through the inverse map <paramref name="inverse"/> into a new image of
    /// <paramref name="outputSize"/> (torchvision's <c>_gen_affine_grid</c> + <c>_apply_grid_transform</c>).
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="inverse">The map from centred output positions to centred input positions.</param>
    /// <param name="outputSize">The output size.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="fill">
    /// The value per channel, or one value for every channel, of output pixels that sample outside the input
    /// (bilinear blends it by the in-bounds weight); empty for torchvision's <c>fill=None</c>: zero padding, no blend.
    /// </param>
    /// <returns>A new image.</returns>
    /// <exception cref="ArgumentException"><paramref name="fill"/> has neither 0, 1 nor C values.</exception>
    public static ImageTensor Warp(ImageTensor source, in AffineMatrix inverse, ImageSize outputSize, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateSampling(source.Channels, interpolation, fill);
        var destination = ImageTensor.Create(source.Channels, outputSize);
        Sample(source, destination, new AffineMap(inverse, source.Width, source.Height, outputSize.Width, outputSize.Height), interpolation, fill);
        return destination;
    }

    /// <summary>Throws unless <paramref name="fill"/> has 0, 1 or <paramref name="channels"/> values and <paramref name="interpolation"/> is nearest or bilinear.</summary>
    private static void ValidateSampling(int channels, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        if (fill.Length != 0 && fill.Length != 1 && fill.Length != channels)
        {
            throw new ArgumentException($"The fill has {fill.Length} values; expected 0, 1 or {channels} (one per channel).", nameof(fill));
        }

        if (interpolation is not (Interpolation.Nearest or Interpolation.Bilinear))
        {
            throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Only nearest and bilinear warps are supported.");
        }
    }

    /// <summary>Throws unless <paramref name="destination"/> is an image other than <paramref name="source"/>, with its channels and <paramref name="size"/>.</summary>
    private static void ValidateDestination(ImageTensor source, ImageTensor destination, ImageSize size)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("A warp cannot write into its source image.", nameof(destination));
        }

        if (destination.Channels != source.Channels || destination.Size != size)
        {
            throw new ArgumentException($"The destination is {destination.ShapeString}; expected {source.Channels}x{size.Height}x{size.Width}.", nameof(destination));
        }
    }

    /// <summary>
    /// Samples <paramref name="source"/> at the positions of <paramref name="map"/> into <paramref name="destination"/>
    /// (torchvision's <c>_apply_grid_transform</c>: <c>grid_sample</c> plus the fill through the sampled all-ones mask).
    /// The arguments have been validated.
    /// </summary>
    private static void Sample<TMap>(ImageTensor source, ImageTensor destination, in TMap map, Interpolation interpolation, ReadOnlySpan<float> fill)
        where TMap : struct, ISourceMap
    {
        int channels = source.Channels;
        var grid = new SourceGrid<TMap>(map, source.Width, source.Height);
        Span<float> fills = channels <= 64 ? stackalloc float[channels] : new float[channels];
        for (int c = 0; c < channels; c++)
        {
            fills[c] = fill.Length == 0 ? 0f : fill[fill.Length == 1 ? 0 : c];
        }

        if (interpolation == Interpolation.Nearest)
        {
            WarpNearest(source, destination, grid, fills);
        }
        else
        {
            WarpBilinear(source, destination, grid, fills, blendFill: fill.Length != 0);
        }
    }

    private static void WarpNearest<TMap>(ImageTensor source, ImageTensor destination, in SourceGrid<TMap> grid, ReadOnlySpan<float> fills)
        where TMap : struct, ISourceMap
    {
        int outWidth = destination.Width;
        int[] offsetsArray = ArrayPool<int>.Shared.Rent(outWidth);
        try
        {
            Span<int> offsets = offsetsArray.AsSpan(0, outWidth);
            for (int y = 0; y < destination.Height; y++)
            {
                grid.NearestRow(y, offsets);
                for (int c = 0; c < source.Channels; c++)
                {
                    GatherNearest(source.Plane(c), offsets, destination.Row(c, y), fills[c]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsetsArray);
        }
    }

    private static void WarpBilinear<TMap>(ImageTensor source, ImageTensor destination, in SourceGrid<TMap> grid, ReadOnlySpan<float> fills, bool blendFill)
        where TMap : struct, ISourceMap
    {
        int outWidth = destination.Width;
        int[] offsetsArray = ArrayPool<int>.Shared.Rent(4 * outWidth);
        float[] weightsArray = ArrayPool<float>.Shared.Rent(5 * outWidth);
        try
        {
            Span<int> offsets = offsetsArray.AsSpan(0, 4 * outWidth);
            Span<float> weights = weightsArray.AsSpan(0, 5 * outWidth);
            for (int y = 0; y < destination.Height; y++)
            {
                grid.BilinearRow(y, offsets, weights);
                for (int c = 0; c < source.Channels; c++)
                {
                    GatherBilinear(source.Plane(c), offsets, weights, destination.Row(c, y), fills[c], blendFill);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsetsArray);
            ArrayPool<float>.Shared.Return(weightsArray);
        }
    }

    /// <summary><c>row[x] = offsets[x] &gt;= 0 ? plane[offsets[x]] : fill</c>, eight lanes at a time with AVX2 gathers where available.</summary>
    private static unsafe void GatherNearest(ReadOnlySpan<float> plane, ReadOnlySpan<int> offsets, Span<float> row, float fill)
    {
        int x = 0;
        if (Avx2.IsSupported && row.Length >= Vector256<float>.Count)
        {
            fixed (float* src = plane)
            fixed (int* off = offsets)
            fixed (float* dst = row)
            {
                Vector256<float> fills = Vector256.Create(fill);
                Vector256<int> none = Vector256.Create(-1);
                for (; x <= row.Length - Vector256<float>.Count; x += Vector256<float>.Count)
                {
                    Vector256<int> o = Avx.LoadVector256(off + x);
                    Vector256<float> inside = Avx2.CompareGreaterThan(o, none).AsSingle();
                    Avx.Store(dst + x, Avx2.GatherMaskVector256(fills, src, o, inside, sizeof(float)));
                }
            }
        }

        ref float source = ref MemoryMarshal.GetReference(plane);
        for (; x < row.Length; x++)
        {
            int offset = offsets[x];
            row[x] = offset >= 0 ? Unsafe.Add(ref source, offset) : fill;
        }
    }

    /// <summary>
    /// <c>row[x] = v</c>, or <c>v * mask + (1 - mask) * fill</c> when blending, with <c>v</c> the four corner values
    /// times their weights summed in torch's order; eight lanes at a time with AVX2 gathers where available.
    /// </summary>
    private static unsafe void GatherBilinear(ReadOnlySpan<float> plane, ReadOnlySpan<int> offsets, ReadOnlySpan<float> weights, Span<float> row, float fill, bool blendFill)
    {
        int n = row.Length;
        ReadOnlySpan<int> o0 = offsets[..n], o1 = offsets.Slice(n, n), o2 = offsets.Slice(2 * n, n), o3 = offsets.Slice(3 * n, n);
        ReadOnlySpan<float> w0 = weights[..n], w1 = weights.Slice(n, n), w2 = weights.Slice(2 * n, n), w3 = weights.Slice(3 * n, n);
        ReadOnlySpan<float> mask = weights.Slice(4 * n, n);
        int x = 0;
        if (Avx2.IsSupported && n >= Vector256<float>.Count)
        {
            fixed (float* src = plane)
            fixed (int* off = offsets)
            fixed (float* wts = weights)
            fixed (float* dst = row)
            {
                Vector256<float> fills = Vector256.Create(fill);
                for (; x <= n - Vector256<float>.Count; x += Vector256<float>.Count)
                {
                    Vector256<float> value = (Avx2.GatherVector256(src, Avx.LoadVector256(off + x), sizeof(float)) * Avx.LoadVector256(wts + x))
                        + (Avx2.GatherVector256(src, Avx.LoadVector256(off + n + x), sizeof(float)) * Avx.LoadVector256(wts + n + x))
                        + (Avx2.GatherVector256(src, Avx.LoadVector256(off + (2 * n) + x), sizeof(float)) * Avx.LoadVector256(wts + (2 * n) + x))
                        + (Avx2.GatherVector256(src, Avx.LoadVector256(off + (3 * n) + x), sizeof(float)) * Avx.LoadVector256(wts + (3 * n) + x));
                    if (blendFill)
                    {
                        Vector256<float> m = Avx.LoadVector256(wts + (4 * n) + x);
                        value = (value * m) + ((Vector256<float>.One - m) * fills);
                    }

                    Avx.Store(dst + x, value);
                }
            }
        }

        ref float source = ref MemoryMarshal.GetReference(plane);
        for (; x < n; x++)
        {
            float value = (Unsafe.Add(ref source, o0[x]) * w0[x]) + (Unsafe.Add(ref source, o1[x]) * w1[x])
                + (Unsafe.Add(ref source, o2[x]) * w2[x]) + (Unsafe.Add(ref source, o3[x]) * w3[x]);
            row[x] = blendFill ? (value * mask[x]) + ((1f - mask[x]) * fill) : value;
        }
    }

    private static void ThrowIfNotFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite.");
        }
    }
}
