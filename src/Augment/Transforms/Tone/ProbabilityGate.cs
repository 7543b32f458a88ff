using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>The drawn decision of a <see cref="ProbabilityGate"/>.</summary>
/// <param name="Applied">Whether the operation runs.</param>
public readonly record struct GateParams(bool Applied);

/// <summary>
/// The base of torchvision's <c>Random&lt;Op&gt;(p)</c> tone transforms (<c>_RandomApplyTransform</c>): one Bernoulli
/// draw decides whether a fixed, deterministic operation runs. Subclasses only name the operation.
/// </summary>
public abstract class ProbabilityGate : RandomTransform<GateParams>
{
    private readonly ITransform _operation;

    /// <summary>Wraps a deterministic operation.</summary>
    /// <param name="operation">The operation; it must not draw random numbers.</param>
    /// <param name="p">The probability of applying it, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> lies outside [0, 1] or is NaN.</exception>
    private protected ProbabilityGate(ITransform operation, double p)
    {
        _operation = operation;
        P = Probability.Validate(p, nameof(p));
    }

    /// <summary>The probability of applying the operation.</summary>
    public double P { get; }

    /// <inheritdoc />
    public override GateParams Draw(int channels, ImageSize size, ref RandomSource random) => new(random.NextBoolean(P));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in GateParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!parameters.Applied)
        {
            return image;
        }

        RandomSource unused = default;
        return ApplyPrivately(_operation, image, ref unused);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({_operation}, p={P})";
}
