using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Transforms.Tone;

/// <summary>
/// Adjusts sharpness by a fixed factor (torchvision's <c>RandomAdjustSharpness</c> with p = 1; wrap in
/// <see cref="RandomApply"/> for a probability); see <see cref="ToneKernels.Sharpness"/>.
/// </summary>
public sealed class AdjustSharpness : Transform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="factor">The sharpness factor, finite and non-negative: 0 smooths, 1 keeps, 2 sharpens.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative or not finite.</exception>
    public AdjustSharpness(float factor)
    {
        Factor = ValidateFactor(factor, nameof(factor));
    }

    /// <summary>The sharpness factor.</summary>
    public float Factor { get; }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (image)
        {
            return ToneKernels.Sharpness(image, Factor);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"AdjustSharpness(factor={Factor})";

    /// <summary>Returns <paramref name="factor"/> if it is finite and non-negative; throws naming <paramref name="paramName"/> otherwise.</summary>
    internal static float ValidateFactor(float factor, string paramName) =>
        factor >= 0 && !float.IsInfinity(factor)
            ? factor
            : throw new ArgumentOutOfRangeException(paramName, factor, $"The sharpness factor must be finite and non-negative, got {factor}.");
}
