using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Keeps the top bits of each 8-bit value (torchvision's <c>RandomPosterize</c> with p = 1; wrap in
/// <see cref="RandomApply"/> for a probability); see <see cref="ToneKernels.Posterize(ImageTensor, int)"/>.
/// </summary>
public sealed class Posterize : Transform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="bits">The bits kept, 0 to 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is outside [0, 8].</exception>
    public Posterize(int bits)
    {
        if ((uint)bits > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"Posterize keeps 0 to 8 bits, got {bits}.");
        }

        Bits = bits;
    }

    /// <summary>The bits kept.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ToneKernels.Posterize(image, Bits);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"Posterize(bits={Bits})";
}
