namespace Augment.Randomness;

/// <summary>
/// Gamma and Beta deviates drawn from a <see cref="RandomSource"/>: Gamma by Marsaglia and Tsang's squeeze
/// method (2000), with the boost <c>Gamma(a) = Gamma(a + 1) · U^(1/a)</c> for shapes below one, and
/// <c>Beta(a, b) = X / (X + Y)</c> with <c>X ~ Gamma(a)</c>, <c>Y ~ Gamma(b)</c>.
/// </summary>
/// <remarks>
/// Below shape one the boosted deviates are kept as logarithms, so that <c>Beta(0.01, 0.01)</c> (whose mass sits
/// at 0 and 1) never turns into 0 / 0: the result is <c>1 / (1 + exp(log Y - log X))</c>.
/// </remarks>
public static class BetaSampler
{
    /// <summary>Returns a Gamma(<paramref name="shape"/>, 1) deviate.</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="shape">The shape α, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not positive and finite.</exception>
    public static double NextGamma(this ref RandomSource random, double shape)
    {
        ValidateShape(shape, nameof(shape));
        return Math.Exp(NextLogGamma(ref random, shape));
    }

    /// <summary>Returns a Beta(<paramref name="a"/>, <paramref name="b"/>) deviate in [0, 1].</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="a">The first shape, positive and finite.</param>
    /// <param name="b">The second shape, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A shape is not positive and finite.</exception>
    public static double NextBeta(this ref RandomSource random, double a, double b)
    {
        ValidateShape(a, nameof(a));
        ValidateShape(b, nameof(b));
        double logX = NextLogGamma(ref random, a);
        double logY = NextLogGamma(ref random, b);
        return 1.0 / (1.0 + Math.Exp(logY - logX));
    }

    /// <summary>Throws unless <paramref name="shape"/> is a valid Gamma/Beta shape (positive and finite).</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="paramName">The argument's name, for the exception.</param>
    /// <returns><paramref name="shape"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not positive and finite.</exception>
    public static double ValidateShape(double shape, string paramName)
    {
        if (!(shape > 0.0 && double.IsFinite(shape)))
        {
            throw new ArgumentOutOfRangeException(paramName, shape, $"A Gamma/Beta shape must be positive and finite, got {shape}.");
        }

        return shape;
    }

    /// <summary>The logarithm of a Gamma(shape, 1) deviate (finite even where the deviate itself underflows).</summary>
    internal static double NextLogGamma(ref RandomSource random, double shape)
    {
        if (shape < 1.0)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a), U in (0, 1].
            double u = 1.0 - random.NextDouble();
            return Math.Log(MarsagliaTsang(ref random, shape + 1.0)) + (Math.Log(u) / shape);
        }

        return Math.Log(MarsagliaTsang(ref random, shape));
    }

    /// <summary>Marsaglia–Tsang for shape ≥ 1: returns a positive Gamma(shape, 1) deviate.</summary>
    private static double MarsagliaTsang(ref RandomSource random, double shape)
    {
        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.NextNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = 1.0 - random.NextDouble(); // (0, 1], so Log(u) is finite
            double x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }
}
