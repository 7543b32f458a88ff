using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Stretches each channel to the full [0, 1] range (torchvision's <c>RandomAutocontrast</c> with p = 1; wrap in <see cref="RandomApply"/> for a probability); see
/// <see cref="ToneKernels.AutoContrast(ImageTensor)"/>.
/// </summary>
public sealed class AutoContrast : Transform
{
    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ToneKernels.AutoContrast(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => "AutoContrast()";
}
