namespace Augment.Transforms.Tone;

/// <summary>Equalizes each channel's histogram with probability p (torchvision's <c>RandomEqualize</c>); see <see cref="Equalize"/>.</summary>
public sealed class RandomEqualize : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomEqualize(double p = 0.5)
        : base(new Equalize(), p)
    {
    }
}
