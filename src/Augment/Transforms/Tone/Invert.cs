using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Inverts the image, <c>1 - x</c> (torchvision's <c>RandomInvert</c> with p = 1; wrap in <see cref="RandomApply"/> for a probability); see
/// <see cref="ToneKernels.Invert(ImageTensor)"/>.
/// </summary>
public sealed class Invert : Transform
{
    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ToneKernels.Invert(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => "Invert()";
}
