namespace Augment.Kernels.Geometry;

/// <summary>
/// The one-dimensional filter of an antialiased resampling (PIL's <c>ImagingResample</c> filters, which ATen's
/// <c>_upsample_*_aa</c> kernels reproduce).
/// </summary>
internal interface IResamplingFilter
{
    /// <summary>The filter's support radius at scale 1.</summary>
    static abstract double Support { get; }

    /// <summary>The filter's value at distance <paramref name="x"/>.</summary>
    static abstract double Evaluate(double x);
}

/// <summary>The triangle (bilinear) filter: <c>max(0, 1 - |x|)</c>, support 1.</summary>
internal readonly struct TriangleFilter : IResamplingFilter
{
    public static double Support => 1.0;

    public static double Evaluate(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }
}

/// <summary>Keys' cubic convolution filter with a = -0.5 (PIL's bicubic), support 2.</summary>
internal readonly struct CubicFilter : IResamplingFilter
{
    public const double A = -0.5;

    public static double Support => 2.0;

    public static double Evaluate(double x) => CubicConvolution(x, A);

    /// <summary>Keys' cubic convolution kernel with parameter <paramref name="a"/> at distance <paramref name="x"/>.</summary>
    public static double CubicConvolution(double x, double a)
    {
        x = Math.Abs(x);
        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1.0;
        }

        if (x < 2.0)
        {
            return ((((x - 5.0) * x) + 8.0) * x - 4.0) * a;
        }

        return 0.0;
    }
}
