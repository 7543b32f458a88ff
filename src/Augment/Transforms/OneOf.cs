using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>The drawn choice of a <see cref="OneOf"/>.</summary>
/// <param name="Index">The index of the transform that runs.</param>
public readonly record struct ChoiceParams(int Index);

/// <summary>Applies exactly one of several transforms, chosen at random with the given weights (torchvision's RandomChoice).</summary>
public sealed class OneOf : Transform, ICompositeTransform
{
    private readonly ITransform[] _transforms;
    private readonly double[] _cumulative;

    /// <summary>Chooses uniformly among <paramref name="transforms"/>.</summary>
    /// <param name="transforms">The candidates; at least one.</param>
    public OneOf(params IReadOnlyList<ITransform> transforms)
        : this(transforms, null)
    {
    }

    /// <summary>Chooses among <paramref name="transforms"/> with probabilities proportional to <paramref name="weights"/>.</summary>
    /// <param name="transforms">The candidates; at least one.</param>
    /// <param name="weights">Non-negative weights, one per transform, not all zero; <see langword="null"/> for uniform.</param>
    public OneOf(IReadOnlyList<ITransform> transforms, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Count == 0)
        {
            throw new ArgumentException("OneOf needs at least one transform.", nameof(transforms));
        }

        if (weights is not null && weights.Count != transforms.Count)
        {
            throw new ArgumentException($"Got {weights.Count} weights for {transforms.Count} transforms.", nameof(weights));
        }

        _transforms = new ITransform[transforms.Count];
        _cumulative = new double[transforms.Count];
        double total = 0;
        for (int i = 0; i < _transforms.Length; i++)
        {
            _transforms[i] = transforms[i] ?? throw new ArgumentNullException(nameof(transforms), $"Transform #{i} is null.");
            double w = weights?[i] ?? 1.0;
            if (!(w >= 0.0) || double.IsInfinity(w))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"Weight #{i} must be finite and non-negative.");
            }

            total += w;
            _cumulative[i] = total;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    /// <summary>The candidates.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <inheritdoc />
    IReadOnlyList<ITransform> ICompositeTransform.Children => _transforms;

    /// <summary>Draws which transform runs.</summary>
    /// <param name="random">The random stream.</param>
    public ChoiceParams Draw(ref RandomSource random)
    {
        double u = random.NextDouble();
        int index = 0;
        while (index < _cumulative.Length - 1 && u >= _cumulative[index])
        {
            index++;
        }

        return new ChoiceParams(index);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        RandomSource inner = random.Fork(0);
        ChoiceParams choice = Draw(ref random);
        recorder?.Record(this, choice);
        return ApplyPrivately(_transforms[choice.Index], image, ref inner, recorder);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"OneOf([{string.Join(", ", _transforms.Select(t => t.ToString()))}], p=[{string.Join(", ", _cumulative.Select((c, i) => (c - (i == 0 ? 0 : _cumulative[i - 1])).ToString("G4")))}])";
}
