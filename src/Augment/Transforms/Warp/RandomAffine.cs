using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Warp;

/// <summary>The drawn parameters of a <see cref="RandomAffine"/>, as torchvision's <c>F.affine</c> takes them.</summary>
/// <param name="Angle">The rotation in degrees (torchvision's affine convention).</param>
/// <param name="TranslateX">The horizontal translation in pixels.</param>
/// <param name="TranslateY">The vertical translation in pixels.</param>
/// <param name="Scale">The scale factor.</param>
/// <param name="ShearX">The x shear in degrees.</param>
/// <param name="ShearY">The y shear in degrees.</param>
public readonly record struct RandomAffineParams(double Angle, int TranslateX, int TranslateY, double Scale, double ShearX, double ShearY);

/// <summary>
/// A random affine warp about the image centre (torchvision's <c>RandomAffine</c>): rotation, translation, scale
/// and shear drawn uniformly from their ranges, in torchvision's order (angle, translation, scale, shear x, shear y).
/// </summary>
public sealed class RandomAffine : RandomTransform<RandomAffineParams>
{
    private readonly float[] _fill;

    /// <summary>A random affine warp with rotation angles in [-<paramref name="degrees"/>, <paramref name="degrees"/>].</summary>
    /// <param name="degrees">The largest absolute rotation angle, finite and non-negative.</param>
    /// <param name="translate">The largest translation as fractions (x of the width, y of the height), in [0, 1]; <see langword="null"/> for none.</param>
    /// <param name="scale">The scale range, positive, min &lt;= max; <see langword="null"/> for 1.</param>
    /// <param name="shear">
    /// The shear in degrees as torchvision takes it: one value s for an x shear in [-s, s]; two for an x range; four
    /// for an x range then a y range; <see langword="null"/> for none.
    /// </param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <param name="center">The centre (x, y) in pixels, or <see langword="null"/> for the image centre.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, reversed, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="shear"/> has neither 1, 2 nor 4 values.</exception>
    public RandomAffine(
        double degrees,
        (double X, double Y)? translate = null,
        ValueRange? scale = null,
        IReadOnlyList<double>? shear = null,
        Interpolation interpolation = Interpolation.Nearest,
        IReadOnlyList<float>? fill = null,
        (double X, double Y)? center = null)
        : this(WarpValidation.Symmetric(degrees, nameof(degrees)), translate, scale, shear, interpolation, fill, center)
    {
    }

    /// <summary>A random affine warp with rotation angles in [<paramref name="degrees"/>.Min, <paramref name="degrees"/>.Max].</summary>
    /// <param name="degrees">The rotation range in degrees, finite, low &lt;= high.</param>
    /// <param name="translate">The largest translation as fractions (x of the width, y of the height), in [0, 1]; <see langword="null"/> for none.</param>
    /// <param name="scale">The scale range, positive, min &lt;= max; <see langword="null"/> for 1.</param>
    /// <param name="shear">One value s (x shear in [-s, s]), two (an x range) or four (x range, y range) in degrees; <see langword="null"/> for none.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <param name="center">The centre (x, y) in pixels, or <see langword="null"/> for the image centre.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, reversed, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="shear"/> has neither 1, 2 nor 4 values.</exception>
    public RandomAffine(
        ValueRange degrees,
        (double X, double Y)? translate = null,
        ValueRange? scale = null,
        IReadOnlyList<double>? shear = null,
        Interpolation interpolation = Interpolation.Nearest,
        IReadOnlyList<float>? fill = null,
        (double X, double Y)? center = null)
    {
        Degrees = WarpValidation.Range(degrees.Min, degrees.Max, nameof(degrees));
        if (translate is { } t && !(t.X >= 0 && t.X <= 1 && t.Y >= 0 && t.Y <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(translate), translate, $"Translation fractions must lie in [0, 1], got ({t.X}, {t.Y}).");
        }

        if (scale is { } s && (!(s.Min > 0) || !double.IsFinite(s.Max) || s.Min > s.Max))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale range must be positive and finite with min <= max, got [{s.Min}, {s.Max}].");
        }

        if (center is { } c && (!double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            throw new ArgumentOutOfRangeException(nameof(center), center, "The centre must be finite.");
        }

        Translate = translate;
        Scale = scale;
        (ShearX, ShearY) = ShearRanges(shear);
        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [0f];
        Center = center;
    }

    /// <summary>The rotation range in degrees.</summary>
    public ValueRange Degrees { get; }

    /// <summary>The largest translation as fractions of the width and height, or <see langword="null"/>.</summary>
    public (double X, double Y)? Translate { get; }

    /// <summary>The scale range, or <see langword="null"/>.</summary>
    public ValueRange? Scale { get; }

    /// <summary>The x shear range in degrees, or <see langword="null"/>.</summary>
    public ValueRange? ShearX { get; }

    /// <summary>The y shear range in degrees, or <see langword="null"/>.</summary>
    public ValueRange? ShearY { get; }

    /// <summary>The sampling.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>The fill values (empty: plain zero padding).</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <summary>The centre in pixels, or <see langword="null"/> for the image centre.</summary>
    public (double X, double Y)? Center { get; }

    /// <inheritdoc />
    public override RandomAffineParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        double angle = random.Uniform(Degrees.Min, Degrees.Max);
        int tx = 0, ty = 0;
        if (Translate is { } t)
        {
            double maxDx = t.X * size.Width, maxDy = t.Y * size.Height;
            tx = (int)Math.Round(random.Uniform(-maxDx, maxDx));
            ty = (int)Math.Round(random.Uniform(-maxDy, maxDy));
        }

        double scale = Scale is { } s ? random.Uniform(s.Min, s.Max) : 1.0;
        double shearX = ShearX is { } sx ? random.Uniform(sx.Min, sx.Max) : 0.0;
        double shearY = ShearY is { } sy ? random.Uniform(sy.Min, sy.Max) : 0.0;
        return new RandomAffineParams(angle, tx, ty, scale, shearX, shearY);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomAffineParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (image)
        {
            return WarpKernels.Affine(
                image,
                parameters.Angle,
                parameters.TranslateX,
                parameters.TranslateY,
                parameters.Scale,
                parameters.ShearX,
                parameters.ShearY,
                Interpolation,
                _fill,
                Center?.X,
                Center?.Y);
        }
    }

    private static (ValueRange?, ValueRange?) ShearRanges(IReadOnlyList<double>? shear)
    {
        if (shear is null)
        {
            return (null, null);
        }

        return shear.Count switch
        {
            1 => (WarpValidation.Symmetric(shear[0], nameof(shear)), null),
            2 => (WarpValidation.Range(shear[0], shear[1], nameof(shear)), null),
            4 => (WarpValidation.Range(shear[0], shear[1], nameof(shear)), WarpValidation.Range(shear[2], shear[3], nameof(shear))),
            _ => throw new ArgumentException($"The shear takes 1, 2 or 4 values, got {shear.Count}.", nameof(shear)),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomAffine(degrees=[{Degrees.Min}, {Degrees.Max}], translate={Translate}, scale={Scale}, shearX={ShearX}, shearY={ShearY}, interpolation={Interpolation})";
}
