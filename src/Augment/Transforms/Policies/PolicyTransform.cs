using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Transforms.Warp;

namespace Augment.Transforms.Policies;

/// <summary>
/// The base of the learned and random augmentation policies: a subclass draws a <see cref="PolicyParams"/> (which
/// operations, with which magnitudes), and <see cref="ApplyCore(ImageTensor, in PolicyParams)"/> runs its steps in order.
/// </summary>
public abstract class PolicyTransform : RandomTransform<PolicyParams>
{
    private readonly float[] _fill;

    /// <summary>Sets the sampling and fill of the geometric operations.</summary>
    /// <param name="interpolation">The sampling of the shears, translations and rotations.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for torchvision's <c>fill=None</c> (plain zero padding).</param>
    /// <exception cref="ArgumentOutOfRangeException">The interpolation is unknown or a fill value is not finite.</exception>
    protected PolicyTransform(Interpolation interpolation, IReadOnlyList<float>? fill)
    {
        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [];
    }

    /// <summary>The sampling of the geometric operations.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>The fill values; empty for plain zero padding.</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in PolicyParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (int i = 0; i < parameters.Count; i++)
        {
            image = PolicyOps.Apply(image, parameters[i], Interpolation, _fill);
        }

        return image;
    }
}
