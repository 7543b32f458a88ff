using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Equalizes each channel's histogram on its 8-bit values (torchvision's <c>RandomEqualize</c> with p = 1; wrap in <see cref="RandomApply"/> for a probability); see
/// <see cref="ToneKernels.Equalize(ImageTensor)"/>.
/// </summary>
public sealed class Equalize : Transform
{
    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ToneKernels.Equalize(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => "Equalize()";
}
