using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Policies;

/// <summary>
/// TrivialAugmentWide (Müller and Hutter, 2021) as torchvision defines it: one operation chosen uniformly from
/// the 14 of RandAugment, at a magnitude bin chosen uniformly from the wide augmentation space, with a random sign
/// for the signed operations.
/// </summary>
public sealed class TrivialAugmentWide : PolicyTransform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="numMagnitudeBins">The number of magnitude bins, at least 2 (torchvision's default 31).</param>
    /// <param name="interpolation">The sampling of the geometric operations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public TrivialAugmentWide(int numMagnitudeBins = 31, Interpolation interpolation = Interpolation.Nearest, IReadOnlyList<float>? fill = null)
        : base(interpolation, fill)
    {
        if (numMagnitudeBins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(numMagnitudeBins), numMagnitudeBins, $"At least 2 magnitude bins are needed, got {numMagnitudeBins}.");
        }

        NumMagnitudeBins = numMagnitudeBins;
    }

    /// <summary>The number of magnitude bins.</summary>
    public int NumMagnitudeBins { get; }

    /// <summary>The operations chosen from, in torchvision's order.</summary>
    public static IReadOnlyList<AugmentOp> Operations => AugmentationSpace.RandomOpsView;

    /// <inheritdoc />
    public override PolicyParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        AugmentOp op = AugmentationSpace.RandomOps[random.NextInt32(AugmentationSpace.RandomOps.Length)];
        int bin = random.NextInt32(NumMagnitudeBins);
        bool negative = random.NextBoolean(0.5);
        float magnitude = AugmentationSpace.Magnitude(op, bin, NumMagnitudeBins, size, wide: true);
        ReadOnlySpan<PolicyStep> step = [new PolicyStep(op, negative && AugmentationSpace.IsSigned(op) ? -magnitude : magnitude)];
        return new PolicyParams(-1, step);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"TrivialAugmentWide(numMagnitudeBins={NumMagnitudeBins}, interpolation={Interpolation})";
}
