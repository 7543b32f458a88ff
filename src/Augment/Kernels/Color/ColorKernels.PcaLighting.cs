using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// AlexNet's "fancy PCA" lighting in place: adds <c>offset[c] = Σₖ eigenvectors[c, k] · alpha[k] · eigenvalues[k]</c>
    /// to channel <c>c</c>, without clamping (fb.resnet.torch's <c>Lighting</c>).
    /// </summary>
    /// <param name="image">An RGB image.</param>
    /// <param name="alpha">The three drawn coefficients, one per principal component.</param>
    /// <param name="eigenvalues">The three eigenvalues of the RGB covariance.</param>
    /// <param name="eigenvectors">The 3x3 eigenvector matrix, row-major: row <c>c</c> is channel <c>c</c>, column <c>k</c> is eigenvector <c>k</c>.</param>
    /// <exception cref="ArgumentException">The image is not RGB, or a span has the wrong length.</exception>
    public static void PcaLighting(ImageTensor image, ReadOnlySpan<float> alpha, ReadOnlySpan<float> eigenvalues, ReadOnlySpan<float> eigenvectors)
    {
        RgbPointwise.ThrowIfNotRgb(image);
        Span<float> offsets = stackalloc float[3];
        PcaLightingOffsets(alpha, eigenvalues, eigenvectors, offsets);
        ChannelShift(image, offsets);
    }

    /// <summary>Computes the three channel offsets of <see cref="PcaLighting"/> (in double precision, rounded once).</summary>
    /// <param name="alpha">The three coefficients.</param>
    /// <param name="eigenvalues">The three eigenvalues.</param>
    /// <param name="eigenvectors">The 3x3 eigenvector matrix, row-major.</param>
    /// <param name="offsets">Receives the three offsets.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void PcaLightingOffsets(ReadOnlySpan<float> alpha, ReadOnlySpan<float> eigenvalues, ReadOnlySpan<float> eigenvectors, Span<float> offsets)
    {
        if (alpha.Length != 3 || eigenvalues.Length != 3 || eigenvectors.Length != 9 || offsets.Length != 3)
        {
            throw new ArgumentException(
                $"PCA lighting takes 3 alphas, 3 eigenvalues, 9 eigenvector entries and 3 offsets, got {alpha.Length}, {eigenvalues.Length}, {eigenvectors.Length} and {offsets.Length}.",
                nameof(eigenvectors));
        }

        for (int c = 0; c < 3; c++)
        {
            double sum = 0;
            for (int k = 0; k < 3; k++)
            {
                sum += (double)eigenvectors[(3 * c) + k] * alpha[k] * eigenvalues[k];
            }

            offsets[c] = (float)sum;
        }
    }
}
