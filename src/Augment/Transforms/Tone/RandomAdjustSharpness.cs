namespace Augment.Transforms.Tone;

/// <summary>Adjusts sharpness by <see cref="SharpnessFactor"/> with probability p (torchvision's <c>RandomAdjustSharpness</c>); see <see cref="AdjustSharpness"/>.</summary>
public sealed class RandomAdjustSharpness : ProbabilityGate
{
    /// <summary>Creates the transform.</summary>
    /// <param name="sharpnessFactor">The sharpness factor, finite and non-negative: 0 smooths, 1 keeps, 2 sharpens.</param>
    /// <param name="p">The probability of applying it, in [0, 1] (torchvision's default 0.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public RandomAdjustSharpness(float sharpnessFactor, double p = 0.5)
        : base(new AdjustSharpness(AdjustSharpness.ValidateFactor(sharpnessFactor, nameof(sharpnessFactor))), p)
    {
        SharpnessFactor = sharpnessFactor;
    }

    /// <summary>The sharpness factor.</summary>
    public float SharpnessFactor { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomAdjustSharpness(sharpnessFactor={SharpnessFactor}, p={P})";
}
