namespace Augment.Kernels.Warp;

/// <summary>
/// The eight coefficients of a perspective map from <b>output</b> pixel (x, y) to the <b>input</b> position it
/// samples: <c>x_in = (A x + B y + C) / (G x + H y + 1)</c>, <c>y_in = (D x + E y + F) / (G x + H y + 1)</c>
/// (torchvision's and PIL's convention).
/// </summary>
/// <param name="A">x coefficient of x_in's numerator.</param>
/// <param name="B">y coefficient of x_in's numerator.</param>
/// <param name="C">Constant of x_in's numerator.</param>
/// <param name="D">x coefficient of y_in's numerator.</param>
/// <param name="E">y coefficient of y_in's numerator.</param>
/// <param name="F">Constant of y_in's numerator.</param>
/// <param name="G">x coefficient of the denominator.</param>
/// <param name="H">y coefficient of the denominator.</param>
public readonly record struct PerspectiveCoefficients(double A, double B, double C, double D, double E, double F, double G, double H)
{
    /// <summary>The identity map.</summary>
    public static PerspectiveCoefficients Identity => new(1, 0, 0, 0, 1, 0, 0, 0);

    /// <summary>
    /// Solves for the map that takes each end point to its start point (torchvision's <c>_get_perspective_coeffs</c>:
    /// the same 8×8 system, solved here exactly, in double precision, by Gaussian elimination with partial pivoting,
    /// where torchvision runs a single-precision least-squares solve).
    /// </summary>
    /// <param name="startpoints">The corners in the input image.</param>
    /// <param name="endpoints">Where they land in the output image.</param>
    /// <returns>The coefficients.</returns>
    /// <exception cref="ArgumentException">The points do not determine a perspective map (three of them are collinear).</exception>
    public static PerspectiveCoefficients FromPoints(in PerspectiveQuad startpoints, in PerspectiveQuad endpoints)
    {
        Span<double> a = stackalloc double[8 * 9];
        for (int i = 0; i < 4; i++)
        {
            (double ex, double ey) = endpoints[i];
            (double sx, double sy) = startpoints[i];
            Span<double> rowX = a.Slice(2 * i * 9, 9), rowY = a.Slice(((2 * i) + 1) * 9, 9);
            rowX.Clear();
            rowY.Clear();
            rowX[0] = ex;
            rowX[1] = ey;
            rowX[2] = 1;
            rowX[6] = -sx * ex;
            rowX[7] = -sx * ey;
            rowX[8] = sx;
            rowY[3] = ex;
            rowY[4] = ey;
            rowY[5] = 1;
            rowY[6] = -sy * ex;
            rowY[7] = -sy * ey;
            rowY[8] = sy;
        }

        Span<double> x = stackalloc double[8];
        Solve(a, x);
        return new PerspectiveCoefficients(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
    }

    // Solves the 8x8 system held with its right-hand side as an 8x9 augmented matrix (destroyed).
    private static void Solve(Span<double> a, Span<double> x)
    {
        const int N = 8, Stride = 9;
        for (int k = 0; k < N; k++)
        {
            int pivot = k;
            for (int r = k + 1; r < N; r++)
            {
                if (Math.Abs(a[(r * Stride) + k]) > Math.Abs(a[(pivot * Stride) + k]))
                {
                    pivot = r;
                }
            }

            if (!(Math.Abs(a[(pivot * Stride) + k]) > 1e-12))
            {
                throw new ArgumentException("The corners do not determine a perspective map: three of them are collinear.", "endpoints");
            }

            if (pivot != k)
            {
                for (int c = k; c < Stride; c++)
                {
                    (a[(k * Stride) + c], a[(pivot * Stride) + c]) = (a[(pivot * Stride) + c], a[(k * Stride) + c]);
                }
            }

            for (int r = k + 1; r < N; r++)
            {
                double factor = a[(r * Stride) + k] / a[(k * Stride) + k];
                for (int c = k; c < Stride; c++)
                {
                    a[(r * Stride) + c] -= factor * a[(k * Stride) + c];
                }
            }
        }

        for (int k = N - 1; k >= 0; k--)
        {
            double sum = a[(k * Stride) + N];
            for (int c = k + 1; c < N; c++)
            {
                sum -= a[(k * Stride) + c] * x[c];
            }

            x[k] = sum / a[(k * Stride) + k];
        }
    }
}
