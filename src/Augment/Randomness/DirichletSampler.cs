namespace Augment.Randomness;

/// <summary>
/// Dirichlet deviates drawn from a <see cref="RandomSource"/>: <c>w_i = G_i / Σ G_j</c> with independent
/// <c>G_i ~ Gamma(α_i, 1)</c> (<see cref="BetaSampler"/>), normalised in log space so that small shapes, whose
/// Gamma deviates underflow, still give weights that sum to one.
/// </summary>
public static class DirichletSampler
{
    /// <summary>Fills <paramref name="destination"/> with a symmetric Dirichlet(<paramref name="alpha"/>, …, <paramref name="alpha"/>) deviate.</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="alpha">The concentration shared by every component, positive and finite.</param>
    /// <param name="destination">Receives the weights (non-negative, summing to one); at least one element.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    public static void NextDirichlet(this ref RandomSource random, double alpha, Span<double> destination)
    {
        BetaSampler.ValidateShape(alpha, nameof(alpha));
        if (destination.IsEmpty)
        {
            throw new ArgumentException("A Dirichlet deviate needs at least one component.", nameof(destination));
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = BetaSampler.NextLogGamma(ref random, alpha);
        }

        Normalize(destination);
    }

    /// <summary>Fills <paramref name="destination"/> with a Dirichlet(<paramref name="alphas"/>) deviate.</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="alphas">The concentrations, positive and finite; at least one.</param>
    /// <param name="destination">Receives the weights; as long as <paramref name="alphas"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A concentration is not positive and finite.</exception>
    /// <exception cref="ArgumentException">The spans are empty or differ in length.</exception>
    public static void NextDirichlet(this ref RandomSource random, ReadOnlySpan<double> alphas, Span<double> destination)
    {
        if (alphas.IsEmpty || alphas.Length != destination.Length)
        {
            throw new ArgumentException($"A Dirichlet deviate needs one destination element per concentration, at least one; got {alphas.Length} concentrations and {destination.Length} elements.", nameof(destination));
        }

        foreach (double alpha in alphas)
        {
            BetaSampler.ValidateShape(alpha, nameof(alphas));
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = BetaSampler.NextLogGamma(ref random, alphas[i]);
        }

        Normalize(destination);
    }

    /// <summary>Turns log-Gamma deviates into weights: <c>exp(l_i - max) / Σ exp(l_j - max)</c>.</summary>
    private static void Normalize(Span<double> logs)
    {
        double max = double.NegativeInfinity;
        foreach (double log in logs)
        {
            max = Math.Max(max, log);
        }

        double sum = 0;
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Exp(logs[i] - max);
            sum += logs[i];
        }

        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] /= sum;
        }
    }
}
