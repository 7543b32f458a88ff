using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Inverts the values at or above a threshold (torchvision's <c>RandomSolarize</c> with p = 1; wrap in
/// <see cref="RandomApply"/> for a probability); see <see cref="ToneKernels.Solarize(ImageTensor, float)"/>.
/// </summary>
public sealed class Solarize : Transform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="threshold">The threshold on the [0, 1] scale (an 8-bit threshold t is t / 255).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or negative.</exception>
    public Solarize(float threshold)
    {
        if (!(threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold must be non-negative, got {threshold}.");
        }

        Threshold = threshold;
    }

    /// <summary>The threshold on the [0, 1] scale.</summary>
    public float Threshold { get; }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ToneKernels.Solarize(image, Threshold);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"Solarize(threshold={Threshold})";
}
