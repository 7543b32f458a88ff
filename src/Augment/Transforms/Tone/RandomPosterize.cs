namespace Augment.Transforms.Tone;

/// <summary>Keeps the top <see cref="Bits"/> bits of each 8-bit value with probability p (torchvision's <c>RandomPosterize</c>); see <see cref="Posterize"/>.</summary>
public sealed class RandomPosterize : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="bits">The bits kept, 0 to 8.</param>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomPosterize(int bits, double p = 0.5)
        : base(new Posterize(bits), p)
    {
        Bits = bits;
    }

    /// <summary>The bits kept.</summary>
    public int Bits { get; }
}
