namespace Augment.Transforms.Occlusion;

/// <summary>How a <see cref="RandomErasing"/> box is filled.</summary>
public enum ErasingFillMode
{
    /// <summary>A constant per channel (torchvision's number or tuple <c>value</c>, timm's <c>"const"</c>).</summary>
    Constant,

    /// <summary>An independent standard normal deviate per element (torchvision's <c>value="random"</c>, timm's <c>"pixel"</c>).</summary>
    PerPixelNormal,

    /// <summary>One standard normal deviate per channel and box (timm's <c>"rand"</c>).</summary>
    PerChannelNormal,
}

/// <summary>The fill of a <see cref="RandomErasing"/> box: a mode and, for <see cref="ErasingFillMode.Constant"/>, its values.</summary>
/// <remarks>
/// Normal deviates are N(0, 1), which means something on normalized tensors: use them after Normalize. On tensors in
/// [0, 1] (before Normalize) use a constant, e.g. <see cref="DatasetMean"/>.
/// </remarks>
public sealed class ErasingFill
{
    private readonly float[] _values;

    private ErasingFill(ErasingFillMode mode, float[] values)
    {
        Mode = mode;
        _values = values;
    }

    /// <summary>Fills with 0 (torchvision's default; after Normalize, 0 is the dataset mean).</summary>
    public static ErasingFill Zero { get; } = new(ErasingFillMode.Constant, [0f]);

    /// <summary>Fills each element with its own N(0, 1) deviate.</summary>
    public static ErasingFill PerPixelNormal { get; } = new(ErasingFillMode.PerPixelNormal, []);

    /// <summary>Fills each channel of a box with one N(0, 1) deviate.</summary>
    public static ErasingFill PerChannelNormal { get; } = new(ErasingFillMode.PerChannelNormal, []);

    /// <summary>The fill mode.</summary>
    public ErasingFillMode Mode { get; }

    /// <summary>The constant values (one, or one per channel); empty for the normal modes.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Fills with constants.</summary>
    /// <param name="values">One finite value for every channel, or one per channel.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static ErasingFill Constant(params ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("A constant fill needs at least one value.", nameof(values));
        }

        foreach (float value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, $"Fill values must be finite, got {value}.");
            }
        }

        return new ErasingFill(ErasingFillMode.Constant, values.ToArray());
    }

    /// <summary>
    /// Fills with the dataset's per-channel mean, for erasing before Normalize (e.g. ImageNet's
    /// [0.485, 0.456, 0.406] on tensors in [0, 1]); after Normalize the mean is 0, which is <see cref="Zero"/>.
    /// </summary>
    /// <param name="mean">The per-channel mean, in the units of the tensors being erased.</param>
    /// <exception cref="ArgumentException"><paramref name="mean"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static ErasingFill DatasetMean(params ReadOnlySpan<float> mean) => Constant(mean);

    /// <inheritdoc />
    public override string ToString() =>
        Mode == ErasingFillMode.Constant ? $"Constant([{string.Join(", ", _values)}])" : Mode.ToString();
}
