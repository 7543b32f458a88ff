namespace Augment.Transforms;

/// <summary>
/// A closed interval [<see cref="Min"/>, <see cref="Max"/>] that a random parameter is drawn from: jitter factors,
/// crop scales and ratios, rotation and shear angles. A tuple converts implicitly: <c>scale: (0.08, 1.0)</c>.
/// </summary>
/// <param name="Min">The lower bound.</param>
/// <param name="Max">The upper bound, at least <see cref="Min"/>.</param>
public readonly record struct ValueRange(double Min, double Max)
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
    public ValueRange Validate(double lower, double upper, string paramName, bool lowerExclusive = false)
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

    /// <summary>Converts a (min, max) tuple.</summary>
    /// <param name="range">The bounds.</param>
    public static implicit operator ValueRange((double Min, double Max) range) => new(range.Min, range.Max);

    /// <summary>Whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">The value.</param>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <inheritdoc />
    public override string ToString() => $"[{Min}, {Max}]";
}
