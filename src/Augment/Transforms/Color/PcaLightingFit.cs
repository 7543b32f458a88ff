using Augment.Imaging;
using Augment.Kernels.Color;

namespace Augment.Transforms.Color;

/// <summary>
/// Fits a <see cref="PcaLightingBasis"/> to a dataset: accumulates the 3x3 covariance of RGB pixel values over any
/// number of images, then returns its eigen-decomposition.
/// </summary>
/// <remarks>
/// <para>
/// Streaming and numerically stable: each image's means and centred co-moments are computed in two passes, then
/// merged into the running totals with Chan, Golub and LeVeque's pairwise update (the batch form of Welford's), all in
/// double precision. Fits made on separate shards (e.g. one per worker) combine with <see cref="Merge"/>.
/// </para>
/// <para>
/// Feed the tensors the lighting will be applied to: RGB in [0, 1] before normalization (the ImageNet basis is in
/// those units), or normalized tensors if <see cref="PcaLighting"/> runs after Normalize. Not thread-safe.
/// </para>
/// </remarks>
public sealed class PcaLightingFit
{
    private readonly double[] _mean = new double[3];
    private readonly double[] _comoments = new double[6]; // RR, RG, RB, GG, GB, BB

    /// <summary>The number of pixels accumulated so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds every pixel of an RGB image. The image is not modified.</summary>
    /// <param name="image">An RGB image.</param>
    /// <exception cref="ArgumentException">The image does not have three channels.</exception>
    public void Add(ImageTensor image)
    {
        Span<double> mean = stackalloc double[3];
        Span<double> comoments = stackalloc double[6];
        RgbMoments.Compute(image, mean, comoments);
        Accumulate(image.PlaneLength, mean, comoments);
    }

    /// <summary>Adds the pixels accumulated by <paramref name="other"/> (which is left unchanged).</summary>
    /// <param name="other">Another fit.</param>
    public void Merge(PcaLightingFit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Accumulate(other.Count, other._mean, other._comoments);
    }

    /// <summary>Writes the per-channel means of the pixels added so far.</summary>
    /// <param name="destination">Three elements.</param>
    /// <exception cref="InvalidOperationException">No pixel was added.</exception>
    public void GetMean(Span<double> destination)
    {
        ThrowIfEmpty();
        _mean.CopyTo(destination);
    }

    /// <summary>Writes the 3x3 sample covariance (divided by <c>Count - 1</c>), row-major.</summary>
    /// <param name="destination">Nine elements.</param>
    /// <exception cref="InvalidOperationException">Fewer than two pixels were added.</exception>
    public void GetCovariance(Span<double> destination)
    {
        if (Count < 2)
        {
            throw new InvalidOperationException($"A covariance needs at least two pixels, got {Count}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, 9, nameof(destination));
        for (int i = 0, k = 0; i < 3; i++)
        {
            for (int j = i; j < 3; j++, k++)
            {
                destination[(3 * i) + j] = destination[(3 * j) + i] = _comoments[k] / (Count - 1);
            }
        }
    }

    /// <summary>
    /// Returns the eigen-decomposition of the covariance (cyclic Jacobi): eigenvalues in decreasing order, each
    /// eigenvector signed so that its largest entry is positive, ready for <see cref="PcaLighting"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than two pixels were added.</exception>
    public PcaLightingBasis Compute()
    {
        Span<double> covariance = stackalloc double[9];
        GetCovariance(covariance);
        Span<double> values = stackalloc double[3];
        Span<double> vectors = stackalloc double[9];
        SymmetricEigen3.Decompose(covariance, values, vectors);
        Span<float> eigenvalues = stackalloc float[3];
        Span<float> eigenvectors = stackalloc float[9];
        for (int k = 0; k < 3; k++)
        {
            eigenvalues[k] = (float)Math.Max(values[k], 0); // a covariance is positive semi-definite; clip rounding below 0
        }

        for (int i = 0; i < 9; i++)
        {
            eigenvectors[i] = (float)vectors[i];
        }

        return new PcaLightingBasis(eigenvalues, eigenvectors);
    }

    private void Accumulate(long count, ReadOnlySpan<double> mean, ReadOnlySpan<double> comoments)
    {
        if (count == 0)
        {
            return;
        }

        long total = Count + count;
        double weight = (double)Count * count / total;
        Span<double> delta = [mean[0] - _mean[0], mean[1] - _mean[1], mean[2] - _mean[2]];
        for (int i = 0, k = 0; i < 3; i++)
        {
            for (int j = i; j < 3; j++, k++)
            {
                _comoments[k] += comoments[k] + (delta[i] * delta[j] * weight);
            }
        }

        for (int i = 0; i < 3; i++)
        {
            _mean[i] += delta[i] * count / total;
        }

        Count = total;
    }

    private void ThrowIfEmpty()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No pixel has been added.");
        }
    }
}
