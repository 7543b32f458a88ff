using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>The drawn offsets of a <see cref="ChannelShift"/>.</summary>
/// <param name="Red">The offset added to channel 0.</param>
/// <param name="Green">The offset added to channel 1.</param>
/// <param name="Blue">The offset added to channel 2.</param>
public readonly record struct ChannelShiftParams(float Red, float Green, float Blue);

/// <summary>The distribution a <see cref="ChannelShift"/> draws its offsets from.</summary>
public enum ChannelShiftDistribution
{
    /// <summary>Uniform on [first, second] of each channel.</summary>
    Uniform,

    /// <summary>Normal with mean first and standard deviation second of each channel.</summary>
    Normal,
}

/// <summary>
/// Adds a random offset to each RGB channel, without clamping: the simple "colour distortion" of the AlexNet era
/// (albumentations' <c>RGBShift</c>). Each channel has its own distribution parameters; offsets are drawn red, green,
/// blue. The offsets are in the units of the tensor, so a shift of 0.1 before normalization is 0.1 / std after it.
/// </summary>
public sealed class ChannelShift : RandomTransform<ChannelShiftParams>
{
    private readonly double[] _first;
    private readonly double[] _second;

    private ChannelShift(ChannelShiftDistribution distribution, ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        Distribution = distribution;
        _first = first.ToArray();
        _second = second.ToArray();
    }

    /// <summary>The distribution of the offsets.</summary>
    public ChannelShiftDistribution Distribution { get; }

    /// <summary>Per channel: the lower bound (uniform) or the mean (normal).</summary>
    public IReadOnlyList<double> First => _first;

    /// <summary>Per channel: the upper bound (uniform) or the standard deviation (normal).</summary>
    public IReadOnlyList<double> Second => _second;

    /// <summary>Offsets drawn uniformly from [-limit, limit] for every channel.</summary>
    /// <param name="limit">The largest absolute offset, finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative, NaN or infinite.</exception>
    public static ChannelShift Uniform(double limit)
    {
        if (!(limit >= 0) || double.IsInfinity(limit))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be finite and non-negative, got {limit}.");
        }

        return Uniform([-limit, -limit, -limit], [limit, limit, limit]);
    }

    /// <summary>Offsets drawn uniformly from [low[c], high[c]] for channel c.</summary>
    /// <param name="low">Three finite lower bounds.</param>
    /// <param name="high">Three finite upper bounds, each at least its lower bound.</param>
    /// <exception cref="ArgumentException">A span does not hold three values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or a range is reversed.</exception>
    public static ChannelShift Uniform(ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        ThrowIfNotThree(low, nameof(low));
        ThrowIfNotThree(high, nameof(high));
        for (int c = 0; c < 3; c++)
        {
            if (!double.IsFinite(low[c]) || !double.IsFinite(high[c]) || !(low[c] <= high[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(high), high[c], $"Channel {c} needs a finite range with low <= high, got [{low[c]}, {high[c]}].");
            }
        }

        return new ChannelShift(ChannelShiftDistribution.Uniform, low, high);
    }

    /// <summary>Offsets drawn from N(mean[c], std[c]²) for channel c.</summary>
    /// <param name="mean">Three finite means.</param>
    /// <param name="std">Three finite, non-negative standard deviations.</param>
    /// <exception cref="ArgumentException">A span does not hold three values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a deviation is negative, NaN or infinite.</exception>
    public static ChannelShift Normal(ReadOnlySpan<double> mean, ReadOnlySpan<double> std)
    {
        ThrowIfNotThree(mean, nameof(mean));
        ThrowIfNotThree(std, nameof(std));
        for (int c = 0; c < 3; c++)
        {
            if (!double.IsFinite(mean[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(mean), mean[c], $"Channel {c} needs a finite mean, got {mean[c]}.");
            }

            if (!(std[c] >= 0) || double.IsInfinity(std[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std[c], $"Channel {c} needs a finite, non-negative standard deviation, got {std[c]}.");
            }
        }

        return new ChannelShift(ChannelShiftDistribution.Normal, mean, std);
    }

    /// <inheritdoc />
    public override ChannelShiftParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        float red = DrawChannel(0, ref random), green = DrawChannel(1, ref random), blue = DrawChannel(2, ref random);
        return new ChannelShiftParams(red, green, blue);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in ChannelShiftParams parameters)
    {
        ColorKernels.ChannelShift(image, [parameters.Red, parameters.Green, parameters.Blue]);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ChannelShift({Distribution}, [{string.Join(", ", _first)}], [{string.Join(", ", _second)}])";

    private float DrawChannel(int c, ref RandomSource random) => Distribution == ChannelShiftDistribution.Uniform
        ? (float)random.Uniform(_first[c], _second[c])
        : (float)random.NextNormal(_first[c], _second[c]);

    private static void ThrowIfNotThree(ReadOnlySpan<double> values, string paramName)
    {
        if (values.Length != 3)
        {
            throw new ArgumentException($"{paramName} must hold one value per RGB channel (3), got {values.Length}.", paramName);
        }
    }
}
