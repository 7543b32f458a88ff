namespace Augment.Transforms.Tone;

/// <summary>Stretches each channel to the full range with probability p (torchvision's <c>RandomAutocontrast</c>); see <see cref="AutoContrast"/>.</summary>
public sealed class RandomAutocontrast : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomAutocontrast(double p = 0.5)
        : base(new AutoContrast(), p)
    {
    }
}
