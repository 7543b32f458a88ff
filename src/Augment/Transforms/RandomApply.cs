using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>The drawn decision of a <see cref="RandomApply"/>.</summary>
/// <param name="Applied">Whether the wrapped transform runs.</param>
public readonly record struct RandomApplyParams(bool Applied);

/// <summary>Applies a transform with probability <see cref="P"/>, else passes the image through.</summary>
public sealed class RandomApply : Transform, ICompositeTransform
{
    /// <summary>Wraps <paramref name="transform"/>.</summary>
    /// <param name="transform">The transform to apply sometimes.</param>
    /// <param name="p">The probability of applying it, in [0, 1].</param>
    public RandomApply(ITransform transform, double p = 0.5)
    {
        Transform = transform ?? throw new ArgumentNullException(nameof(transform));
        P = Probability.Validate(p, nameof(p));
    }

    /// <summary>The wrapped transform.</summary>
    public ITransform Transform { get; }

    /// <inheritdoc />
    IReadOnlyList<ITransform> ICompositeTransform.Children => [Transform];

    /// <summary>The probability of applying it.</summary>
    public double P { get; }

    /// <summary>Draws whether to apply the transform.</summary>
    /// <param name="random">The random stream.</param>
    public RandomApplyParams Draw(ref RandomSource random) => new(random.NextBoolean(P));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        RandomSource inner = random.Fork(0);
        RandomApplyParams decision = Draw(ref random);
        recorder?.Record(this, decision);
        return decision.Applied ? ApplyPrivately(Transform, image, ref inner, recorder) : image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomApply({Transform}, p={P})";
}
