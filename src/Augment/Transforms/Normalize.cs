using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms;

/// <summary>
/// Effectively computes <c>x[c] = (x[c] - mean[c]) / std[c]</c> per channel, in place (torchvision's
/// <c>normalize</c>), as one fused multiply-add <c>x * (1 / std) + (-mean / std)</c> per element.
/// </summary>
public sealed class Normalize : Transform, ISamplingStep
{
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly float[] _scale;
    private readonly float[] _offset;

    /// <summary>Creates the transform.</summary>
    /// <param name="mean">The per-channel means, finite; at least one.</param>
    /// <param name="std">The per-channel standard deviations, finite and positive; as many as means.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a standard deviation is not finite and positive.</exception>
    public Normalize(ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (mean.IsEmpty || mean.Length != std.Length)
        {
            throw new ArgumentException($"Normalize needs as many standard deviations as means, at least one; got {mean.Length} means and {std.Length} standard deviations.", nameof(std));
        }

        _mean = mean.ToArray();
        _std = std.ToArray();
        _scale = new float[mean.Length];
        _offset = new float[mean.Length];
        for (int c = 0; c < mean.Length; c++)
        {
            if (!float.IsFinite(mean[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(mean), mean[c], $"Mean #{c} must be finite, got {mean[c]}.");
            }

            if (!(std[c] > 0f) || !float.IsFinite(std[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std[c], $"Standard deviation #{c} must be finite and positive, got {std[c]}.");
            }

            _scale[c] = 1f / std[c];
            _offset[c] = -mean[c] / std[c];
        }
    }

    /// <summary>The ImageNet channel means (RGB): 0.485, 0.456, 0.406.</summary>
    public static ReadOnlySpan<float> ImageNetMean => [0.485f, 0.456f, 0.406f];

    /// <summary>The ImageNet channel standard deviations (RGB): 0.229, 0.224, 0.225.</summary>
    public static ReadOnlySpan<float> ImageNetStd => [0.229f, 0.224f, 0.225f];

    /// <summary>The per-channel means.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The per-channel standard deviations.</summary>
    public IReadOnlyList<float> Std => _std;

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => _scale.Length == 3 ? SamplingEffects.ChannelAffine : SamplingEffects.None;

    /// <summary>Creates the normalization with <see cref="ImageNetMean"/> and <see cref="ImageNetStd"/>.</summary>
    public static Normalize ImageNet() => new(ImageNetMean, ImageNetStd);

    /// <summary>
    /// Returns the normalization that undoes this one, <c>x[c] = x[c] · std[c] + mean[c]</c>, written as a
    /// <see cref="Normalize"/> with mean <c>-mean / std</c> and standard deviation <c>1 / std</c> (for previews:
    /// turning normalized tensors back into [0, 1] images). Round trips agree to float rounding.
    /// </summary>
    /// <returns>The inverse normalization.</returns>
    public Normalize Invert()
    {
        float[] mean = new float[_mean.Length], std = new float[_std.Length];
        for (int c = 0; c < mean.Length; c++)
        {
            mean[c] = -_mean[c] / _std[c];
            std[c] = 1f / _std[c];
        }

        return new Normalize(mean, std);
    }

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.ChannelAffine(_scale, _offset);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ApplyInPlace(image);
        return image;
    }

    /// <summary>Normalizes <paramref name="image"/> in place.</summary>
    /// <param name="image">An image with one channel per mean.</param>
    /// <exception cref="ArgumentException">The channel count differs from the number of means.</exception>
    public void ApplyInPlace(ImageTensor image) => Apply(image, image);

    /// <summary>
    /// Writes the normalized window (<paramref name="top"/>, <paramref name="left"/>) of <paramref name="source"/>,
    /// mirrored as <paramref name="flip"/> says, into <paramref name="destination"/> in one pass: crop, flip and
    /// normalize fused (each row is normalized while it is still in cache). Outside the source the crop reads zeros,
    /// as <see cref="CropKernels.Crop(ImageTensor, int, int, ImageTensor, FlipMode, float)"/> does.
    /// </summary>
    /// <param name="source">An image with one channel per mean; left as it is.</param>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="destination">Receives the result; its size is the window's size, with the source's channel count.</param>
    /// <param name="flip">The mirroring applied to the window.</param>
    /// <exception cref="ArgumentException">The channel counts differ from the number of means, or the tensors are the same.</exception>
    public void ApplyCropped(ImageTensor source, int top, int left, ImageTensor destination, FlipMode flip = FlipMode.None)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Channels != _mean.Length || destination.Channels != _mean.Length)
        {
            throw new ArgumentException($"Normalize has {_mean.Length} channel statistics, the images {source.Channels} and {destination.Channels} channels.", nameof(source));
        }

        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("A crop cannot write into its own source.", nameof(destination));
        }

        Span<AffineOperator> operators = _scale.Length <= 16 ? stackalloc AffineOperator[_scale.Length] : new AffineOperator[_scale.Length];
        for (int c = 0; c < operators.Length; c++)
        {
            operators[c] = new AffineOperator(_scale[c], _offset[c]);
        }

        CropKernels.Crop<AffineOperator>(source.Data, source.Channels, source.Size, top, left, destination.Data, destination.Size, flip, 0f, operators);
    }

    /// <summary>Writes the normalized <paramref name="source"/> into <paramref name="destination"/> (which may be <paramref name="source"/>).</summary>
    /// <param name="source">An image with one channel per mean.</param>
    /// <param name="destination">A tensor of the same shape.</param>
    /// <exception cref="ArgumentException">The channel count differs from the number of means, or the shapes differ.</exception>
    public void Apply(ImageTensor source, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Channels != _mean.Length)
        {
            throw new ArgumentException($"Normalize has {_mean.Length} channel statistics, the image {source.Channels} channels.", nameof(source));
        }

        source.ThrowIfShapeDiffers(destination, nameof(destination));
        for (int c = 0; c < _scale.Length; c++)
        {
            Pointwise.Apply(source.Plane(c), destination.Plane(c), new AffineOperator(_scale[c], _offset[c]));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Normalize(mean=[{string.Join(", ", _mean)}], std=[{string.Join(", ", _std)}])";
}
