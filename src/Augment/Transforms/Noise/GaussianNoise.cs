using Augment.Imaging;
using Augment.Kernels.Noise;
using Augment.Randomness;

namespace Augment.Transforms.Noise;

/// <summary>The drawn noise of a <see cref="GaussianNoise"/>: the seed of the stream its deviates come from.</summary>
/// <param name="Seed">The seed of the noise stream (<see cref="RandomSource.FromSeed"/>).</param>
public readonly record struct GaussianNoiseParams(ulong Seed);

/// <summary>
/// Adds Gaussian noise to every element (torchvision v2's <c>GaussianNoise</c>): <c>x + mean + sigma * z</c>,
/// clamped to [0, 1] when <see cref="Clip"/> is set (see <see cref="NoiseKernels.GaussianNoise"/>).
/// </summary>
/// <remarks>
/// The noise image is not stored: the draw is one 64-bit seed, and applying it regenerates the same deviates, so a
/// recorded draw replays bit for bit at no memory cost.
/// </remarks>
public sealed class GaussianNoise : RandomTransform<GaussianNoiseParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="mean">The noise mean, finite.</param>
    /// <param name="sigma">The noise standard deviation, finite and non-negative.</param>
    /// <param name="clip">Whether to clamp the result to [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> or <paramref name="sigma"/> is out of range.</exception>
    public GaussianNoise(double mean = 0.0, double sigma = 0.1, bool clip = true)
    {
        NoiseKernels.Validate((float)mean, (float)sigma);
        Mean = mean;
        Sigma = sigma;
        Clip = clip;
    }

    /// <summary>The noise mean.</summary>
    public double Mean { get; }

    /// <summary>The noise standard deviation.</summary>
    public double Sigma { get; }

    /// <summary>Whether the result is clamped to [0, 1].</summary>
    public bool Clip { get; }

    /// <inheritdoc />
    public override GaussianNoiseParams Draw(int channels, ImageSize size, ref RandomSource random) => new(random.NextUInt64());

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in GaussianNoiseParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        RandomSource noise = RandomSource.FromSeed(parameters.Seed);
        NoiseKernels.GaussianNoise(image, ref noise, (float)Mean, (float)Sigma, Clip);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"GaussianNoise(mean={Mean}, sigma={Sigma}, clip={Clip})";
}
