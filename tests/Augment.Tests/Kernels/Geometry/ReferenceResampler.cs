using Augment.Imaging;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>
/// A naive double-precision resampler written straight from the definitions (PIL's ImagingResample for the
/// antialiased filters, ATen's align_corners = false formulas otherwise): the oracle of the resize tests.
/// </summary>
internal static class ReferenceResampler
{
    /// <summary>The weight of every source index for output <paramref name="i"/> (zero where absent).</summary>
    public static double[] Weights(int i, int inLength, int outLength, Interpolation interpolation, bool antialias)
    {
        var weights = new double[inLength];
        double scale = (double)inLength / outLength;
        switch (interpolation)
        {
            case Interpolation.Nearest:
                weights[Math.Min((int)Math.Floor((i + 0.5) * scale), inLength - 1)] = 1.0;
                break;
            case Interpolation.Bilinear when antialias:
            case Interpolation.Bicubic when antialias:
            {
                bool cubic = interpolation == Interpolation.Bicubic;
                double filterScale = Math.Max(scale, 1.0);
                double support = (cubic ? 2.0 : 1.0) * filterScale;
                double centre = (i + 0.5) * scale;
                int min = Math.Max((int)(centre - support + 0.5), 0);
                int max = Math.Min((int)(centre + support + 0.5), inLength);
                double total = 0;
                for (int j = min; j < max; j++)
                {
                    double x = (j - centre + 0.5) / filterScale;
                    weights[j] = cubic ? Cubic(x, -0.5) : Math.Max(0.0, 1.0 - Math.Abs(x));
                    total += weights[j];
                }

                for (int j = min; j < max; j++)
                {
                    weights[j] = total != 0 ? weights[j] / total : weights[j];
                }

                break;
            }

            case Interpolation.Bilinear:
            {
                double src = Math.Max(((i + 0.5) * scale) - 0.5, 0.0);
                int i0 = Math.Min((int)Math.Floor(src), inLength - 1);
                double t = Math.Min(src - i0, 1.0);
                weights[i0] += 1.0 - t;
                weights[Math.Min(i0 + 1, inLength - 1)] += t;
                break;
            }

            default:
            {
                double src = ((i + 0.5) * scale) - 0.5;
                int i0 = (int)Math.Floor(src);
                double t = src - i0;
                for (int k = -1; k <= 2; k++)
                {
                    weights[Math.Clamp(i0 + k, 0, inLength - 1)] += Cubic(t - k, -0.75);
                }

                break;
            }
        }

        return weights;
    }

    /// <summary>Resamples a window of CHW <paramref name="source"/> (values as doubles) to (outHeight, outWidth).</summary>
    public static double[] Resize(
        ReadOnlySpan<float> source, int channels, int height, int width,
        int top, int left, int windowHeight, int windowWidth,
        int outHeight, int outWidth, Interpolation interpolation, bool antialias, bool mirror = false)
    {
        var rows = new double[outHeight][];
        for (int y = 0; y < outHeight; y++)
        {
            rows[y] = Weights(y, windowHeight, outHeight, interpolation, antialias);
        }

        var columns = new double[outWidth][];
        for (int x = 0; x < outWidth; x++)
        {
            columns[x] = Weights(mirror ? outWidth - 1 - x : x, windowWidth, outWidth, interpolation, antialias);
        }

        // Separable, in double precision, with dense weight rows: first along x for every window row, then along y.
        var result = new double[channels * outHeight * outWidth];
        var along = new double[windowHeight * outWidth];
        for (int c = 0; c < channels; c++)
        {
            for (int j = 0; j < windowHeight; j++)
            {
                for (int x = 0; x < outWidth; x++)
                {
                    double sum = 0;
                    for (int k = 0; k < windowWidth; k++)
                    {
                        sum += columns[x][k] * source[(c * height * width) + ((top + j) * width) + left + k];
                    }

                    along[(j * outWidth) + x] = sum;
                }
            }

            for (int y = 0; y < outHeight; y++)
            {
                for (int x = 0; x < outWidth; x++)
                {
                    double sum = 0;
                    for (int j = 0; j < windowHeight; j++)
                    {
                        sum += rows[y][j] * along[(j * outWidth) + x];
                    }

                    result[(c * outHeight * outWidth) + (y * outWidth) + x] = sum;
                }
            }
        }

        return result;
    }

    /// <summary>A CHW image of deterministic pseudo-random values in [0, 1].</summary>
    public static ImageTensor RandomImage(int channels, int height, int width, int seed)
    {
        var image = ImageTensor.Create(channels, height, width);
        var random = new Random(seed);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        return image;
    }

    /// <summary>The largest absolute difference.</summary>
    public static double MaxDifference(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double d = Math.Abs(actual[i] - expected[i]);
            worst = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(worst, d);
        }

        return worst;
    }

    private static double Cubic(double x, double a)
    {
        x = Math.Abs(x);
        return x < 1 ? ((a + 2) * x * x * x) - ((a + 3) * x * x) + 1
            : x < 2 ? (a * x * x * x) - (5 * a * x * x) + (8 * a * x) - (4 * a)
            : 0;
    }
}
