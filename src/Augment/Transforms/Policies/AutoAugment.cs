using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Policies;

/// <summary>
/// AutoAugment (Cubuk et al., 2019) as torchvision defines it: one of the policy's 25 sub-policies is chosen
/// uniformly; each of its two operations runs with its probability, at its magnitude bin of 10 in the standard
/// augmentation space, with a random sign for the signed operations.
/// </summary>
public sealed class AutoAugment : PolicyTransform
{
    private const int MagnitudeBins = 10;
    private readonly AutoAugmentSubPolicy[] _subPolicies;

    /// <summary>Creates the transform for a learned policy.</summary>
    /// <param name="policy">The dataset whose policy to use.</param>
    /// <param name="interpolation">The sampling of the geometric operations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">The policy or interpolation is unknown, or a fill value is not finite.</exception>
    public AutoAugment(AutoAugmentPolicy policy = AutoAugmentPolicy.ImageNet, Interpolation interpolation = Interpolation.Nearest, IReadOnlyList<float>? fill = null)
        : base(interpolation, fill)
    {
        Policy = policy;
        _subPolicies = AutoAugmentPolicies.Get(policy);
    }

    /// <summary>The dataset whose policy this is.</summary>
    public AutoAugmentPolicy Policy { get; }

    /// <summary>The 25 sub-policies.</summary>
    public IReadOnlyList<AutoAugmentSubPolicy> SubPolicies => _subPolicies;

    /// <inheritdoc />
    public override PolicyParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        int index = random.NextInt32(_subPolicies.Length);
        AutoAugmentSubPolicy subPolicy = _subPolicies[index];
        Span<PolicyStep> steps = stackalloc PolicyStep[2];
        int count = 0;
        for (int i = 0; i < 2; i++)
        {
            PolicyOpSpec spec = i == 0 ? subPolicy.First : subPolicy.Second;
            double u = random.NextDouble();
            bool negative = random.NextBoolean(0.5);
            if (u < spec.Probability)
            {
                float magnitude = spec.MagnitudeBin is { } bin ? AugmentationSpace.Magnitude(spec.Op, bin, MagnitudeBins, size, wide: false) : 0f;
                steps[count++] = new PolicyStep(spec.Op, negative && AugmentationSpace.IsSigned(spec.Op) ? -magnitude : magnitude);
            }
        }

        return new PolicyParams(index, steps[..count]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"AutoAugment(policy={Policy}, interpolation={Interpolation})";
}
