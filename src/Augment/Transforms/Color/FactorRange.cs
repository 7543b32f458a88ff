namespace Augment.Transforms.Color;

/// <summary>A closed interval [<see cref="Min"/>, <see cref="Max"/>] that a random factor is drawn from uniformly.</summary>
/// <param name="Min">The lower bound.</param>
/// <param name="Max">The upper bound, at least <see cref="Min"/>.</param>
public readonly record struct FactorRange(double Min, double Max)
{
    /// <summary>
    /// Returns the range after checking that both bounds are finite and <c>lower ≤ Min ≤ Max ≤ upper</c> (or
    /// <c>lower &lt; Min</c> when <paramref name="lowerExclusive"/>); throws naming <paramref name="paramName"/> and the
    /// offending range otherwise (a NaN bound fails every comparison).
    /// </summary>
    /// <param name="lower">The smallest allowed value.</param>
    /// <param name="upper">The largest allowed value, possibly <see cref="double.PositiveInfinity"/>.</param>
    /// <param name="paramName">The name of the argument being checked.</param>
    /// <param name="lowerExclusive">Whether <c>Min</c> must exceed <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed, NaN, infinite or outside the bounds.</exception>
    public FactorRange Validate(double lower, double upper, string paramName, bool lowerExclusive = false)
    {
        bool lowerOk = lowerExclusive ? Min > lower : Min >= lower;
        if (!(lowerOk && Min <= Max && Max <= upper && double.IsFinite(Min) && double.IsFinite(Max)))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                this,
                $"The range of {paramName} must be finite with {lower} {(lowerExclusive ? "<" : "<=")} min <= max <= {upper}, got [{Min}, {Max}].");
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Min}, {Max}]";
}
