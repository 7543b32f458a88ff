using System.Buffers;
using System.Numerics.Tensors;
using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Warp;

/// <summary>The drawn displacement field of an <see cref="ElasticTransform"/>.</summary>
/// <param name="Displacement">The field, in pooled memory (see <see cref="DisplacementField"/> for its lifetime).</param>
public readonly record struct ElasticTransformParams(DisplacementField Displacement);

/// <summary>
/// A random local warp (torchvision's <c>ElasticTransform</c>): a displacement field of uniform noise on [-1, 1],
/// smoothed by a Gaussian of <see cref="Sigma"/> and scaled by <see cref="Alpha"/> / size, moves every pixel of the
/// sampling grid; outside pixels take the fill.
/// </summary>
/// <remarks>
/// The draw follows torchvision 0.14 step by step: x noise, then y noise, each blurred with a square kernel of
/// <c>int(8σ + 1)</c> taps (made odd) and the sigmas (σx along x, σy along y), then <c>dx *= αx / H</c> and
/// <c>dy *= αy / W</c>. The field is the drawn parameter: it is rented from the array pool and given back after the
/// image is warped, unless a recorder keeps it for replay.
/// </remarks>
public sealed class ElasticTransform : RandomTransform<ElasticTransformParams>
{
    private readonly float[] _fill;

    /// <summary>Creates the transform with one magnitude and one smoothness for both axes.</summary>
    /// <param name="alpha">The magnitude of the displacements, finite and non-negative (torchvision's default 50).</param>
    /// <param name="sigma">The smoothness, finite and non-negative; 0 leaves the noise unsmoothed (torchvision's default 5).</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, NaN or infinite, or the interpolation is unsupported.</exception>
    public ElasticTransform(double alpha = 50.0, double sigma = 5.0, Interpolation interpolation = Interpolation.Bilinear, IReadOnlyList<float>? fill = null)
        : this((alpha, alpha), (sigma, sigma), interpolation, fill)
    {
    }

    /// <summary>Creates the transform with a magnitude and a smoothness per axis.</summary>
    /// <param name="alpha">The magnitudes (x, y), finite and non-negative.</param>
    /// <param name="sigma">The smoothness (x, y), finite; both positive or both 0 (torchvision rejects a mix).</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, NaN or infinite, or the sigmas mix 0 and positive.</exception>
    public ElasticTransform((double X, double Y) alpha, (double X, double Y) sigma, Interpolation interpolation = Interpolation.Bilinear, IReadOnlyList<float>? fill = null)
    {
        Alpha = (NonNegative(alpha.X, nameof(alpha)), NonNegative(alpha.Y, nameof(alpha)));
        Sigma = (NonNegative(sigma.X, nameof(sigma)), NonNegative(sigma.Y, nameof(sigma)));
        if ((sigma.X > 0) != (sigma.Y > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"The sigmas must be both positive or both 0, got ({sigma.X}, {sigma.Y}).");
        }

        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [0f];
    }

    /// <summary>The displacement magnitudes (x, y).</summary>
    public (double X, double Y) Alpha { get; }

    /// <summary>The smoothness (x, y): the standard deviations of the Gaussian blur of the noise.</summary>
    public (double X, double Y) Sigma { get; }

    /// <summary>The sampling.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>The fill values (empty: plain zero padding).</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <inheritdoc />
    /// <remarks>The field is rented from the pool: return it with <see cref="DisplacementField.Return"/> when done with it.</remarks>
    public override ElasticTransformParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        int height = size.Height, width = size.Width;
        DisplacementField field = DisplacementField.Rent(height, width);
        float[] noise = ArrayPool<float>.Shared.Rent(height * width);
        try
        {
            DrawAxis(field.X, noise, height, width, Taps(Sigma.X), (float)Alpha.X, height, ref random);
            DrawAxis(field.Y, noise, height, width, Taps(Sigma.Y), (float)Alpha.Y, width, ref random);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(noise);
        }

        return new ElasticTransformParams(field);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in ElasticTransformParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (image)
        {
            return WarpKernels.Elastic(image, parameters.Displacement, Interpolation, _fill);
        }
    }

    /// <inheritdoc />
    protected override void Release(in ElasticTransformParams parameters) => parameters.Displacement.Return();

    /// <inheritdoc />
    public override string ToString() =>
        $"ElasticTransform(alpha=({Alpha.X}, {Alpha.Y}), sigma=({Sigma.X}, {Sigma.Y}), interpolation={Interpolation}, fill=[{string.Join(", ", _fill)}])";

    private static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative, got {value}.");

    // torchvision's kernel size for the noise blur: int(8σ + 1), made odd.
    private static int Taps(double sigma)
    {
        int taps = (int)((8 * sigma) + 1);
        return taps % 2 == 0 ? taps + 1 : taps;
    }

    // One axis of torchvision's get_params: uniform noise on [-1, 1), the Gaussian blur (a square kernel of `taps`
    // taps with σx along x and σy along y), then * alpha / extent in two single-precision steps.
    private void DrawAxis(Span<float> axis, float[] scratch, int height, int width, int taps, float alpha, int extent, ref RandomSource random)
    {
        Span<float> noise = Sigma.X > 0 ? scratch.AsSpan(0, axis.Length) : axis;
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (random.NextSingle() * 2f) - 1f;
        }

        if (Sigma.X > 0)
        {
            Span<float> horizontal = taps <= 256 ? stackalloc float[taps] : new float[taps];
            Span<float> vertical = taps <= 256 ? stackalloc float[taps] : new float[taps];
            BlurKernels.GaussianKernel(horizontal, (float)Sigma.X);
            BlurKernels.GaussianKernel(vertical, (float)Sigma.Y);
            SeparableFilter.Convolve(noise, height, width, horizontal, vertical, axis);
        }

        TensorPrimitives.Multiply(axis, alpha, axis);
        TensorPrimitives.Divide(axis, extent, axis);
    }
}
