namespace Augment.Transforms;

/// <summary>Validation of probability arguments.</summary>
internal static class Probability
{
    /// <summary>Returns <paramref name="p"/> if it lies in [0, 1]; throws otherwise (NaN included).</summary>
    public static double Validate(double p, string paramName)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, p, $"A probability must lie in [0, 1], got {p}.");
        }

        return p;
    }
}
