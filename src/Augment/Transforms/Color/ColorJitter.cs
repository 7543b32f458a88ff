using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>
/// The drawn parameters of a <see cref="ColorJitter"/>: the order of the four adjustments and each factor, or
/// <see langword="null"/> for an adjustment that is switched off.
/// </summary>
/// <param name="Order">A permutation of the adjustments 0 brightness, 1 contrast, 2 saturation, 3 hue (step 0 runs first).</param>
/// <param name="Brightness">The brightness factor, or <see langword="null"/>.</param>
/// <param name="Contrast">The contrast factor, or <see langword="null"/>.</param>
/// <param name="Saturation">The saturation factor, or <see langword="null"/>.</param>
/// <param name="Hue">The hue shift, or <see langword="null"/>.</param>
public readonly record struct ColorJitterParams(OrderParams Order, float? Brightness, float? Contrast, float? Saturation, float? Hue);

/// <summary>
/// Randomly changes brightness, contrast, saturation and hue, in a random order (torchvision's <c>ColorJitter</c>).
/// </summary>
/// <remarks>
/// <para>
/// A number <c>x</c> for brightness, contrast or saturation means a factor drawn uniformly from
/// <c>[max(0, 1 - x), 1 + x]</c>; a number <c>h</c> for hue means a shift drawn from <c>[-h, h]</c>, <c>h ≤ 0.5</c>.
/// <see cref="FromRanges"/> takes the intervals explicitly. An adjustment whose interval is the single identity value
/// (1 for the factors, 0 for hue) is switched off, as in torchvision.
/// </para>
/// <para>
/// Draws, in torchvision's order: the permutation (a Fisher–Yates shuffle of the four adjustments), then the brightness,
/// contrast, saturation and hue of the adjustments that are on. The kernels are those of <see cref="ColorKernels"/>,
/// which clamp to [0, 1]: apply ColorJitter before normalization.
/// </para>
/// </remarks>
public sealed class ColorJitter : RandomTransform<ColorJitterParams>
{
    /// <summary>Creates the transform from torchvision's scalar arguments.</summary>
    /// <param name="brightness">Non-negative; the factor is drawn from <c>[max(0, 1 - brightness), 1 + brightness]</c>.</param>
    /// <param name="contrast">Non-negative; the factor is drawn from <c>[max(0, 1 - contrast), 1 + contrast]</c>.</param>
    /// <param name="saturation">Non-negative; the factor is drawn from <c>[max(0, 1 - saturation), 1 + saturation]</c>.</param>
    /// <param name="hue">In [0, 0.5]; the shift is drawn from <c>[-hue, hue]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, NaN or infinite, or <paramref name="hue"/> exceeds 0.5.</exception>
    public ColorJitter(double brightness = 0, double contrast = 0, double saturation = 0, double hue = 0)
        : this(
            FactorAround(brightness, nameof(brightness)),
            FactorAround(contrast, nameof(contrast)),
            FactorAround(saturation, nameof(saturation)),
            HueAround(hue))
    {
    }

    private ColorJitter(ValueRange? brightness, ValueRange? contrast, ValueRange? saturation, ValueRange? hue)
    {
        Brightness = brightness;
        Contrast = contrast;
        Saturation = saturation;
        Hue = hue;
    }

    /// <summary>The brightness factor range, or <see langword="null"/> when brightness is not changed.</summary>
    public ValueRange? Brightness { get; }

    /// <summary>The contrast factor range, or <see langword="null"/> when contrast is not changed.</summary>
    public ValueRange? Contrast { get; }

    /// <summary>The saturation factor range, or <see langword="null"/> when saturation is not changed.</summary>
    public ValueRange? Saturation { get; }

    /// <summary>The hue shift range, or <see langword="null"/> when hue is not changed.</summary>
    public ValueRange? Hue { get; }

    /// <summary>Creates the transform from explicit ranges; <see langword="null"/> switches an adjustment off.</summary>
    /// <param name="brightness">A range within [0, ∞).</param>
    /// <param name="contrast">A range within [0, ∞).</param>
    /// <param name="saturation">A range within [0, ∞).</param>
    /// <param name="hue">A range within [-0.5, 0.5].</param>
    /// <exception cref="ArgumentOutOfRangeException">A range is reversed, NaN, infinite or out of bounds.</exception>
    public static ColorJitter FromRanges(ValueRange? brightness = null, ValueRange? contrast = null, ValueRange? saturation = null, ValueRange? hue = null) =>
        new(
            Identity(brightness?.Validate(0, double.PositiveInfinity, nameof(brightness)), 1),
            Identity(contrast?.Validate(0, double.PositiveInfinity, nameof(contrast)), 1),
            Identity(saturation?.Validate(0, double.PositiveInfinity, nameof(saturation)), 1),
            Identity(hue?.Validate(-0.5, 0.5, nameof(hue)), 0));

    /// <inheritdoc />
    public override ColorJitterParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        Span<int> order = [0, 1, 2, 3];
        random.Shuffle(order);
        return new ColorJitterParams(
            OrderParams.FromOrder(order),
            DrawFactor(Brightness, ref random),
            DrawFactor(Contrast, ref random),
            DrawFactor(Saturation, ref random),
            DrawFactor(Hue, ref random));
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in ColorJitterParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (int step = 0; step < parameters.Order.Count; step++)
        {
            switch (parameters.Order[step])
            {
                case 0 when parameters.Brightness is float brightness:
                    ColorKernels.AdjustBrightness(image, brightness);
                    break;
                case 1 when parameters.Contrast is float contrast:
                    ColorKernels.AdjustContrast(image, contrast);
                    break;
                case 2 when parameters.Saturation is float saturation:
                    ColorKernels.AdjustSaturation(image, saturation);
                    break;
                case 3 when parameters.Hue is float hue:
                    ColorKernels.AdjustHue(image, hue);
                    break;
            }
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ColorJitter(brightness={Brightness?.ToString() ?? "off"}, contrast={Contrast?.ToString() ?? "off"}, saturation={Saturation?.ToString() ?? "off"}, hue={Hue?.ToString() ?? "off"})";

    private static float? DrawFactor(ValueRange? range, ref RandomSource random) =>
        range is ValueRange r ? (float)random.Uniform(r.Min, r.Max) : null;

    private static ValueRange? FactorAround(double value, string paramName)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and non-negative, got {value}.");
        }

        return Identity(new ValueRange(Math.Max(0, 1 - value), 1 + value), 1);
    }

    private static ValueRange? HueAround(double hue)
    {
        if (!(hue >= 0 && hue <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(hue), hue, $"hue must lie in [0, 0.5], got {hue}.");
        }

        return Identity(new ValueRange(-hue, hue), 0);
    }

    private static ValueRange? Identity(ValueRange? range, double identity) =>
        range is { } r && r.Min == identity && r.Max == identity ? null : range;
}
