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
    /// <param name="image">An RGB image.</param>
    /// <param name="mean">Receives the three means.</param>
    /// <param name="comoments">Receives the six co-moments.</param>
    public static void Compute(ImageTensor image, Span<double> mean, Span<double> comoments)
    {
        RgbPointwise.ThrowIfNotRgb(image);
        ReadOnlySpan<float> red = image.Plane(0), green = image.Plane(1), blue = image.Plane(2);
        int n = image.PlaneLength;
        mean[0] = Sum(red) / n;
        mean[1] = Sum(green) / n;
        mean[2] = Sum(blue) / n;

        Span<float> dr = stackalloc float[Chunk], dg = stackalloc float[Chunk], db = stackalloc float[Chunk];
        comoments[..6].Clear();
        for (int start = 0; start < n; start += Chunk)
        {
            int length = Math.Min(Chunk, n - start);
            Span<float> r = dr[..length], g = dg[..length], b = db[..length];
            TensorPrimitives.Subtract(red.Slice(start, length), (float)mean[0], r);
            TensorPrimitives.Subtract(green.Slice(start, length), (float)mean[1], g);
            TensorPrimitives.Subtract(blue.Slice(start, length), (float)mean[2], b);
            comoments[0] += TensorPrimitives.Dot<float>(r, r);
            comoments[1] += TensorPrimitives.Dot<float>(r, g);
            comoments[2] += TensorPrimitives.Dot<float>(r, b);
            comoments[3] += TensorPrimitives.Dot<float>(g, g);
            comoments[4] += TensorPrimitives.Dot<float>(g, b);
            comoments[5] += TensorPrimitives.Dot<float>(b, b);
        }

        // The float mean used for centring differs from the double mean by a rounding error d; remove its n·d² share.
        for (int i = 0, k = 0; i < 3; i++)
        {
            for (int j = i; j < 3; j++, k++)
            {
                comoments[k] -= n * (mean[i] - (float)mean[i]) * (mean[j] - (float)mean[j]);
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
