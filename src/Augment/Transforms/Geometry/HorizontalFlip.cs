using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>Mirrors the image left-right, in place (torchvision's <c>hflip</c>).</summary>
public sealed class HorizontalFlip : Transform
{
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
