namespace Augment.Kernels.Color;

/// <summary>The eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations, in double precision.</summary>
internal static class SymmetricEigen3
{
    private const int MaxSweeps = 64;

    /// <summary>
    /// Decomposes <c>A = V diag(values) Vᵀ</c>. Eigenvalues come out in decreasing order; column <c>k</c> of
    /// <paramref name="vectors"/> (row-major) is the unit eigenvector of value <c>k</c>, signed so that its entry of
    /// largest magnitude is positive.
    /// </summary>
    /// <param name="matrix">The symmetric matrix, row-major (9 entries); only the upper triangle is read.</param>
    /// <param name="values">Receives the three eigenvalues.</param>
    /// <param name="vectors">Receives the eigenvectors as columns, row-major (9 entries).</param>
    public static void Decompose(ReadOnlySpan<double> matrix, Span<double> values, Span<double> vectors)
    {
        Span<double> a = stackalloc double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                a[(3 * i) + j] = matrix[(3 * Math.Min(i, j)) + Math.Max(i, j)];
            }
        }

        Span<double> v = stackalloc double[9] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = (a[1] * a[1]) + (a[2] * a[2]) + (a[5] * a[5]);
            double diagonal = (a[0] * a[0]) + (a[4] * a[4]) + (a[8] * a[8]);
            if (off <= 1e-30 * diagonal || off == 0)
            {
                break;
            }

            Rotate(a, v, 0, 1);
            Rotate(a, v, 0, 2);
            Rotate(a, v, 1, 2);
        }

        Span<int> order = [0, 1, 2];
        for (int i = 1; i < 3; i++)
        {
            for (int j = i; j > 0 && a[4 * order[j]] > a[4 * order[j - 1]]; j--)
            {
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
            }
        }

        for (int k = 0; k < 3; k++)
        {
            int source = order[k];
            values[k] = a[4 * source];
            int largest = 0;
            for (int c = 1; c < 3; c++)
            {
                if (Math.Abs(v[(3 * c) + source]) > Math.Abs(v[(3 * largest) + source]))
                {
                    largest = c;
                }
            }

            double sign = v[(3 * largest) + source] < 0 ? -1 : 1;
            for (int c = 0; c < 3; c++)
            {
                vectors[(3 * c) + k] = sign * v[(3 * c) + source];
            }
        }
    }

    /// <summary>One Jacobi rotation <c>A ← Jᵀ A J</c>, <c>V ← V J</c> that zeroes <c>A[p, q]</c> (Numerical Recipes §11.1).</summary>
    private static void Rotate(Span<double> a, Span<double> v, int p, int q)
    {
        double apq = a[(3 * p) + q];
        if (apq == 0)
        {
            return;
        }

        double theta = (a[(3 * q) + q] - a[(3 * p) + p]) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
        for (int k = 0; k < 3; k++)
        {
            double akp = a[(3 * k) + p], akq = a[(3 * k) + q];
            a[(3 * k) + p] = (c * akp) - (s * akq);
            a[(3 * k) + q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < 3; k++)
        {
            double apk = a[(3 * p) + k], aqk = a[(3 * q) + k];
            a[(3 * p) + k] = (c * apk) - (s * aqk);
            a[(3 * q) + k] = (s * apk) + (c * aqk);
        }

        a[(3 * p) + q] = a[(3 * q) + p] = 0;
        for (int k = 0; k < 3; k++)
        {
            double vkp = v[(3 * k) + p], vkq = v[(3 * k) + q];
            v[(3 * k) + p] = (c * vkp) - (s * vkq);
            v[(3 * k) + q] = (s * vkp) + (c * vkq);
        }
    }
}
