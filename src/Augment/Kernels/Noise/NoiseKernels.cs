using System.Numerics.Tensors;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Kernels.Noise;

/// <summary>Additive noise of CHW float images.</summary>
public static class NoiseKernels
{
    private const int Chunk = 256;

    /// <summary>
    /// Adds Gaussian noise in place, as torchvision v2's <c>gaussian_noise</c>: effectively computes
    /// <c>x[i] = x[i] + (mean + sigma * z[i])</c>, then clamps to [0, 1] when <paramref name="clip"/> is set, with
    /// <c>z[i]</c> standard normal deviates drawn from <paramref name="random"/> (Box–Muller, both outputs used,
    /// vectorised over chunks of <c>u₁, u₂</c> pairs).
    /// </summary>
    /// <param name="image">The image, modified in place.</param>
    /// <param name="random">The stream the deviates come from.</param>
    /// <param name="mean">The noise mean, finite.</param>
    /// <param name="sigma">The noise standard deviation, finite and non-negative.</param>
    /// <param name="clip">Whether to clamp the result to [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> or <paramref name="sigma"/> is out of range.</exception>
    public static void GaussianNoise(ImageTensor image, ref RandomSource random, float mean, float sigma, bool clip)
    {
        ArgumentNullException.ThrowIfNull(image);
        Validate(mean, sigma);
        Span<float> data = image.Data;
        Span<float> radius = stackalloc float[Chunk];
        Span<float> angle = stackalloc float[Chunk];
        Span<float> sine = stackalloc float[Chunk];
        Span<float> cosine = stackalloc float[Chunk];
        for (int start = 0; start < data.Length; start += 2 * Chunk)
        {
            int pairs = Math.Min(Chunk, (data.Length - start + 1) / 2);
            Span<float> r = radius[..pairs], a = angle[..pairs], s = sine[..pairs], c = cosine[..pairs];
            for (int i = 0; i < pairs; i++)
            {
                r[i] = 1f - random.NextSingle(); // (0, 1]
                a[i] = random.NextSingle();
            }

            // r = sigma * sqrt(-2 ln u1); the deviates are r cos(2π u2) and r sin(2π u2).
            TensorPrimitives.Log(r, r);
            TensorPrimitives.Multiply(r, -2f * sigma * sigma, r);
            TensorPrimitives.Sqrt(r, r);
            TensorPrimitives.Multiply(a, 2f * MathF.PI, a);
            TensorPrimitives.SinCos(a, s, c);
            Span<float> first = data.Slice(start, pairs);
            TensorPrimitives.MultiplyAdd(r, c, first, first);
            Span<float> second = data.Slice(start + pairs, Math.Min(pairs, data.Length - start - pairs));
            TensorPrimitives.MultiplyAdd(r[..second.Length], s[..second.Length], second, second);
        }

        if (mean != 0f)
        {
            TensorPrimitives.Add(data, mean, data);
        }

        if (clip)
        {
            TensorPrimitives.Clamp(data, 0f, 1f, data);
        }
    }

    /// <summary>Throws unless <paramref name="mean"/> is finite and <paramref name="sigma"/> finite and non-negative.</summary>
    internal static void Validate(float mean, float sigma)
    {
        if (!float.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The noise mean must be finite.");
        }

        if (!(sigma >= 0) || float.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"The noise sigma must be finite and non-negative, got {sigma}.");
        }
    }
}
