using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>Mirrors the image top-bottom, in place (torchvision's <c>vflip</c>).</summary>
public sealed class VerticalFlip : ITransform
{
    /// <inheritdoc />
    public ImageTensor Apply(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null)
    {
        FlipKernels.FlipVertical(image);
        return image;
    }
}
