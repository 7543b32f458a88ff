namespace Augment.Transforms.Tone;

/// <summary>Inverts the values at or above <see cref="Threshold"/> with probability p (torchvision's <c>RandomSolarize</c>); see <see cref="Solarize"/>.</summary>
public sealed class RandomSolarize : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="threshold">The threshold on the [0, 1] scale (an 8-bit threshold t is t / 255).</param>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomSolarize(float threshold, double p = 0.5)
        : base(new Solarize(threshold), p)
    {
        Threshold = threshold;
    }

    /// <summary>The threshold on the [0, 1] scale.</summary>
    public float Threshold { get; }
}
