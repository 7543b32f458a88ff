using System.Numerics.Tensors;
using Augment.Imaging;

namespace Augment.Kernels.Color;

/// <summary>
/// The first and second moments of an RGB image's pixels, computed in two passes (mean, then centred products) so
/// that no variance comes from subtracting two large sums. Sums run over chunks in float through
/// <see cref="TensorPrimitives"/> and accumulate in double across chunks.
/// </summary>
internal static class RgbMoments
{
    private const int Chunk = 1024;

    /// <summary>
    /// Computes the per-channel means and the co-moments <c>Σ (x_i - mean_i)(x_j - mean_j)</c> of the image's pixels,
    /// in the order (RR, RG, RB, GG, GB, BB).
    /// </summary>
    /// <remarks>
    /// The corrected two-pass algorithm (Chan, Golub and LeVeque): a first pass estimates the means; the second sums
    /// the deviations <c>d = x - shift</c> from those (float) estimates and their products, and the exact identity
    /// <c>Σ (x - mean)(y - mean) = Σ d d' - (Σ d)(Σ d') / n</c> removes the estimate's error.
    /// </remarks>
    /// <param name="image">An RGB image.</param>
    /// <param name="mean">Receives the three means.</param>
    /// <param name="comoments">Receives the six co-moments.</param>
    public static void Compute(ImageTensor image, Span<double> mean, Span<double> comoments)
    {
        RgbPointwise.ThrowIfNotRgb(image);
        ReadOnlySpan<float> red = image.Plane(0), green = image.Plane(1), blue = image.Plane(2);
        int n = image.PlaneLength;
        Span<float> shift = [(float)(Sum(red) / n), (float)(Sum(green) / n), (float)(Sum(blue) / n)];

        Span<float> dr = stackalloc float[Chunk], dg = stackalloc float[Chunk], db = stackalloc float[Chunk];
        Span<double> deviation = stackalloc double[3];
        deviation.Clear();
        comoments[..6].Clear();
        for (int start = 0; start < n; start += Chunk)
        {
            int length = Math.Min(Chunk, n - start);
            Span<float> r = dr[..length], g = dg[..length], b = db[..length];
            TensorPrimitives.Subtract(red.Slice(start, length), shift[0], r);
            TensorPrimitives.Subtract(green.Slice(start, length), shift[1], g);
            TensorPrimitives.Subtract(blue.Slice(start, length), shift[2], b);
            deviation[0] += TensorPrimitives.Sum<float>(r);
            deviation[1] += TensorPrimitives.Sum<float>(g);
            deviation[2] += TensorPrimitives.Sum<float>(b);
            comoments[0] += TensorPrimitives.Dot<float>(r, r);
            comoments[1] += TensorPrimitives.Dot<float>(r, g);
            comoments[2] += TensorPrimitives.Dot<float>(r, b);
            comoments[3] += TensorPrimitives.Dot<float>(g, g);
            comoments[4] += TensorPrimitives.Dot<float>(g, b);
            comoments[5] += TensorPrimitives.Dot<float>(b, b);
        }

        for (int i = 0, k = 0; i < 3; i++)
        {
            mean[i] = shift[i] + (deviation[i] / n);
            for (int j = i; j < 3; j++, k++)
            {
                comoments[k] -= deviation[i] * deviation[j] / n;
            }
        }
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        double sum = 0;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            sum += TensorPrimitives.Sum<float>(values.Slice(start, Math.Min(Chunk, values.Length - start)));
        }

        return sum;
    }
}
