using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>Mirrors the image left-right, in place (torchvision's <c>hflip</c>).</summary>
public sealed class HorizontalFlip : Transform, ISamplingStep
{
    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Flip;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Flip(horizontal: true, vertical: false);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        FlipKernels.FlipHorizontal(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        "HorizontalFlip()";
}
