namespace Augment.Transforms.Warp;

/// <summary>Argument checks shared by the warp transforms.</summary>
internal static class WarpValidation
{
    /// <summary>Returns (low, high) if both are finite and low &lt;= high; throws naming <paramref name="paramName"/> otherwise.</summary>
    public static ValueRange Range(double low, double high, string paramName) =>
        new ValueRange(low, high).Validate(double.NegativeInfinity, double.PositiveInfinity, paramName);

    /// <summary>Returns (-limit, limit) for a finite, non-negative <paramref name="limit"/>.</summary>
    public static ValueRange Symmetric(double limit, string paramName)
    {
        if (!(limit >= 0) || double.IsInfinity(limit))
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"{paramName} must be finite and non-negative, got {limit}.");
        }

        return (-limit, limit);
    }

    /// <summary>Copies the fill values, checking that they are finite; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static float[]? Fill(IReadOnlyList<float>? fill, string paramName)
    {
        if (fill is null)
        {
            return null;
        }

        var copy = new float[fill.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = float.IsFinite(fill[i]) ? fill[i] : throw new ArgumentOutOfRangeException(paramName, fill[i], $"Fill value #{i} must be finite, got {fill[i]}.");
        }

        return copy;
    }

    /// <summary>Checks that <paramref name="interpolation"/> is one a warp supports: nearest or bilinear.</summary>
    public static Augment.Imaging.Interpolation Interpolation(Augment.Imaging.Interpolation interpolation, string paramName) =>
        interpolation is Augment.Imaging.Interpolation.Nearest or Augment.Imaging.Interpolation.Bilinear
            ? interpolation
            : throw new ArgumentOutOfRangeException(paramName, interpolation, $"Warps support nearest and bilinear interpolation, got {interpolation}.");
}
