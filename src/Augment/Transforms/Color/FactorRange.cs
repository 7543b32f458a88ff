namespace Augment.Transforms.Color;

/// <summary>A closed interval [<see cref="Min"/>, <see cref="Max"/>] that a random factor is drawn from uniformly.</summary>
/// <param name="Min">The lower bound.</param>
/// <param name="Max">The upper bound, at least <see cref="Min"/>.</param>
public readonly record struct FactorRange(double Min, double Max)
{
    /// <summary>
    /// Returns the range after checking that <c>lower ≤ Min ≤ Max ≤ upper</c> and that neither bound is NaN;
    /// throws naming <paramref name="paramName"/> and the offending range otherwise.
    /// </summary>
    /// <param name="lower">The smallest allowed value.</param>
    /// <param name="upper">The largest allowed value.</param>
    /// <param name="paramName">The name of the argument being checked.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed, NaN or outside [lower, upper].</exception>
    public FactorRange Validate(double lower, double upper, string paramName)
    {
        if (!(lower <= Min && Min <= Max && Max <= upper))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                this,
                $"The range of {paramName} must satisfy {lower} <= min <= max <= {upper}, got [{Min}, {Max}].");
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Min}, {Max}]";
}
