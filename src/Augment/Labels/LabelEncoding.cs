namespace Augment.Labels;

/// <summary>
/// Class indices to soft targets: one-hot rows, optionally smoothed,
/// <c>y = (1 - ε) · onehot + ε / K</c> (Szegedy et al. 2016; timm's <c>mixup_target</c>, which smooths first and
/// mixes after).
/// </summary>
public static class LabelEncoding
{
    /// <summary>Returns <paramref name="smoothing"/> if it lies in [0, 1); throws otherwise (NaN included).</summary>
    /// <param name="smoothing">The label-smoothing ε.</param>
    /// <param name="paramName">The argument's name, for the exception.</param>
    /// <returns><paramref name="smoothing"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="smoothing"/> is outside [0, 1).</exception>
    public static double ValidateSmoothing(double smoothing, string paramName)
    {
        if (!(smoothing >= 0.0 && smoothing < 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, smoothing, $"Label smoothing must lie in [0, 1), got {smoothing}.");
        }

        return smoothing;
    }

    /// <summary>
    /// Writes the (N, K) soft targets of <paramref name="labels"/>: row n is
    /// <c>ε / K</c> everywhere and <c>1 - ε + ε / K</c> at column <c>labels[n]</c>, so each row sums to 1.
    /// </summary>
    /// <param name="labels">The N class indices, each in [0, K).</param>
    /// <param name="classCount">K, positive.</param>
    /// <param name="destination">At least <c>N * K</c> elements; the first <c>N * K</c> are overwritten.</param>
    /// <param name="smoothing">ε in [0, 1); 0 gives plain one-hot rows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is not positive, <paramref name="smoothing"/> is outside [0, 1), or a label is outside [0, K) (the message names its index).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void OneHot(ReadOnlySpan<int> labels, int classCount, Span<float> destination, double smoothing = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ValidateSmoothing(smoothing, nameof(smoothing));
        if (destination.Length < (long)labels.Length * classCount)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} elements; {labels.Length} labels of {classCount} classes need {(long)labels.Length * classCount}.",
                nameof(destination));
        }

        float off = (float)(smoothing / classCount);
        float on = (float)(1.0 - smoothing + (smoothing / classCount));
        for (int n = 0; n < labels.Length; n++)
        {
            int label = labels[n];
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(labels),
                    label,
                    $"Sample {n} has label {label}, outside [0, {classCount}){(label == -1 ? " (never set?)" : string.Empty)}.");
            }

            Span<float> row = destination.Slice(n * classCount, classCount);
            row.Fill(off);
            row[label] = on;
        }
    }
}
