namespace Augment.Transforms.Tone;

/// <summary>Inverts the image with probability p (torchvision's <c>RandomInvert</c>); see <see cref="Invert"/>.</summary>
public sealed class RandomInvert : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomInvert(double p = 0.5)
        : base(new Invert(), p)
    {
    }
}
