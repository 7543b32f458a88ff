using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Warp;

/// <summary>The drawn angle of a <see cref="RandomRotation"/>.</summary>
/// <param name="Angle">The rotation in degrees, counter-clockwise.</param>
public readonly record struct RandomRotationParams(double Angle);

/// <summary>
/// Rotates the image by an angle drawn uniformly from a range (torchvision's <c>RandomRotation</c>), about its
/// centre or a given point; outside pixels take the fill value.
/// </summary>
public sealed class RandomRotation : RandomTransform<RandomRotationParams>
{
    private readonly float[] _fill;

    /// <summary>Rotates by an angle drawn from [-<paramref name="degrees"/>, <paramref name="degrees"/>].</summary>
    /// <param name="degrees">The largest absolute angle, finite and non-negative.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="expand">Whether the output grows to hold the whole rotated image.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for torchvision's default 0. An empty list means plain zero padding (torchvision's <c>fill=None</c>).</param>
    /// <param name="center">The centre (x, y) in pixels, or <see langword="null"/> for the image centre.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degrees"/> is negative or not finite, or a fill value is not finite.</exception>
    public RandomRotation(double degrees, Interpolation interpolation = Interpolation.Nearest, bool expand = false, IReadOnlyList<float>? fill = null, (double X, double Y)? center = null)
        : this(WarpValidation.Symmetric(degrees, nameof(degrees)), interpolation, expand, fill, center)
    {
    }

    /// <summary>Rotates by an angle drawn from [<paramref name="degrees"/>.Min, <paramref name="degrees"/>.Max].</summary>
    /// <param name="degrees">The angle range in degrees, finite, low &lt;= high.</param>
    /// <param name="interpolation">The sampling.</param>
    /// <param name="expand">Whether the output grows to hold the whole rotated image.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <param name="center">The centre (x, y) in pixels, or <see langword="null"/> for the image centre.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed or not finite, or a fill value is not finite.</exception>
    public RandomRotation(ValueRange degrees, Interpolation interpolation = Interpolation.Nearest, bool expand = false, IReadOnlyList<float>? fill = null, (double X, double Y)? center = null)
    {
        Degrees = WarpValidation.Range(degrees.Min, degrees.Max, nameof(degrees));
        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        Expand = expand;
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [0f];
        if (center is { } c && (!double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            throw new ArgumentOutOfRangeException(nameof(center), center, "The centre must be finite.");
        }

        Center = center;
    }

    /// <summary>The angle range in degrees.</summary>
    public ValueRange Degrees { get; }

    /// <summary>The sampling.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Whether the output grows to hold the whole rotated image.</summary>
    public bool Expand { get; }

    /// <summary>The fill values (empty: plain zero padding).</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <summary>The centre in pixels, or <see langword="null"/> for the image centre.</summary>
    public (double X, double Y)? Center { get; }

    /// <inheritdoc />
    public override RandomRotationParams Draw(int channels, ImageSize size, ref RandomSource random) =>
        new(random.Uniform(Degrees.Min, Degrees.Max));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomRotationParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (image)
        {
            return WarpKernels.Rotate(image, parameters.Angle, Interpolation, _fill, Expand, Center?.X, Center?.Y);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomRotation(degrees=[{Degrees.Min}, {Degrees.Max}], interpolation={Interpolation}, expand={Expand}, fill=[{string.Join(", ", _fill)}])";
}
