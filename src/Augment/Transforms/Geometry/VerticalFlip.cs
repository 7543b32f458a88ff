using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>Mirrors the image top-bottom, in place (torchvision's <c>vflip</c>).</summary>
public sealed class VerticalFlip : Transform
{
    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        FlipKernels.FlipVertical(image);
        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        "VerticalFlip()";
}
