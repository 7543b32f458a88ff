using Augment.Imaging;

namespace Augment.Kernels.Warp;

/// <summary>
/// A 2×3 affine map in torchvision's tensor convention: it takes an <b>output</b> pixel position, measured from
/// the output image's centre, to the <b>input</b> position it samples, measured from the input image's centre
/// (<c>[x_in, y_in] = [[M00, M01, M02], [M10, M11, M12]] · [x_out, y_out, 1]</c>).
/// </summary>
/// <param name="M00">Row 0, column 0.</param>
/// <param name="M01">Row 0, column 1.</param>
/// <param name="M02">Row 0, column 2 (x translation).</param>
/// <param name="M10">Row 1, column 0.</param>
/// <param name="M11">Row 1, column 1.</param>
/// <param name="M12">Row 1, column 2 (y translation).</param>
public readonly record struct AffineMatrix(double M00, double M01, double M02, double M10, double M11, double M12)
{
    /// <summary>The identity map.</summary>
    public static AffineMatrix Identity => new(1, 0, 0, 0, 1, 0);

    /// <summary>
    /// The inverse of the map that rotates by <paramref name="angle"/>, scales, shears and then translates about
    /// a centre (torchvision's <c>_get_inverse_affine_matrix</c>, computed in double precision as Python does).
    /// </summary>
    /// <param name="angle">The rotation in degrees, clockwise in image coordinates (torchvision's <c>affine</c> angle).</param>
    /// <param name="translateX">The horizontal translation in pixels.</param>
    /// <param name="translateY">The vertical translation in pixels.</param>
    /// <param name="scale">The scale factor, positive.</param>
    /// <param name="shearX">The shear parallel to the x axis, in degrees.</param>
    /// <param name="shearY">The shear parallel to the y axis, in degrees.</param>
    /// <param name="centerX">The centre's x offset from the image centre, in pixels.</param>
    /// <param name="centerY">The centre's y offset from the image centre, in pixels.</param>
    /// <returns>The inverse map.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive and finite.</exception>
    public static AffineMatrix Inverse(
        double angle,
        double translateX,
        double translateY,
        double scale,
        double shearX,
        double shearY,
        double centerX = 0,
        double centerY = 0)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
        }

        double rot = angle * (Math.PI / 180.0);
        double sx = shearX * (Math.PI / 180.0);
        double sy = shearY * (Math.PI / 180.0);

        // Rotation-scale-shear without the scale.
        double a = Math.Cos(rot - sy) / Math.Cos(sy);
        double b = (-Math.Cos(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) - Math.Sin(rot);
        double c = Math.Sin(rot - sy) / Math.Cos(sy);
        double d = (-Math.Sin(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) + Math.Cos(rot);

        // Its inverse (determinant 1) divided by the scale, then C * RSS^-1 * C^-1 * T^-1.
        double m00 = d / scale, m01 = -b / scale, m10 = -c / scale, m11 = a / scale;
        double m02 = (m00 * (-centerX - translateX)) + (m01 * (-centerY - translateY)) + centerX;
        double m12 = (m10 * (-centerX - translateX)) + (m11 * (-centerY - translateY)) + centerY;
        return new AffineMatrix(m00, m01, m02, m10, m11, m12);
    }

    /// <summary>
    /// The size of the smallest image holding the whole warped input (torchvision's
    /// <c>_compute_affine_output_size</c>, used by rotation with <c>expand</c>), in single precision as torch computes it.
    /// </summary>
    /// <param name="width">The input width.</param>
    /// <param name="height">The input height.</param>
    /// <returns>The output size.</returns>
    public ImageSize ExpandedSize(int width, int height)
    {
        float t00 = (float)M00, t01 = (float)M01, t02 = (float)M02, t10 = (float)M10, t11 = (float)M11, t12 = (float)M12;
        float hw = 0.5f * width, hh = 0.5f * height;
        ReadOnlySpan<float> xs = [-hw, -hw, hw, hw];
        ReadOnlySpan<float> ys = [-hh, hh, hh, -hh];
        float minX = float.PositiveInfinity, minY = float.PositiveInfinity;
        float maxX = float.NegativeInfinity, maxY = float.NegativeInfinity;
        for (int i = 0; i < 4; i++)
        {
            float x = (xs[i] * t00) + (ys[i] * t01) + t02;
            float y = (xs[i] * t10) + (ys[i] * t11) + t12;
            minX = MathF.Min(minX, x);
            maxX = MathF.Max(maxX, x);
            minY = MathF.Min(minY, y);
            maxY = MathF.Max(maxY, y);
        }

        const float Tolerance = 1e-4f;
        int newWidth = (int)(MathF.Ceiling(MathF.Truncate(maxX / Tolerance) * Tolerance) - MathF.Floor(MathF.Truncate(minX / Tolerance) * Tolerance));
        int newHeight = (int)(MathF.Ceiling(MathF.Truncate(maxY / Tolerance) * Tolerance) - MathF.Floor(MathF.Truncate(minY / Tolerance) * Tolerance));
        return new ImageSize(newHeight, newWidth);
    }
}
