using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>The drawn decision of a <see cref="RandomVerticalFlip"/>.</summary>
/// <param name="Flipped">Whether the image is mirrored.</param>
public readonly record struct RandomVerticalFlipParams(bool Flipped);

/// <summary>Mirrors the image top-bottom with probability <see cref="P"/>, in place (torchvision's <c>RandomVerticalFlip</c>).</summary>
public sealed class RandomVerticalFlip : RandomTransform<RandomVerticalFlipParams>, ISamplingStep
{
    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of mirroring, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public RandomVerticalFlip(double p = 0.5) => P = Probability.Validate(p, nameof(p));

    /// <summary>The probability of mirroring.</summary>
    public double P { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Flip;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Flip(horizontal: false, Draw(3, plan.Size, ref random).Flipped);

    /// <inheritdoc />
    public override RandomVerticalFlipParams Draw(int channels, ImageSize size, ref RandomSource random) => new(random.NextBoolean(P));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomVerticalFlipParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (parameters.Flipped)
        {
            FlipKernels.FlipVertical(image);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomVerticalFlip(p={P})";
}
