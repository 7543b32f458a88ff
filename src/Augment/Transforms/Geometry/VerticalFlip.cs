using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>Mirrors the image top-bottom, in place (torchvision's <c>vflip</c>).</summary>
public sealed class VerticalFlip : Transform, ISamplingStep
{
    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Flip;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Flip(horizontal: false, vertical: true);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        FlipKernels.FlipVertical(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        "VerticalFlip()";
}
