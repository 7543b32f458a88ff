using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Kernels.Tone;
using Augment.Kernels.Warp;

namespace Augment.Transforms.Policies;

/// <summary>Runs one <see cref="PolicyStep"/> as torchvision's <c>_apply_op</c> does.</summary>
internal static class PolicyOps
{
    /// <summary>Applies <paramref name="step"/> to <paramref name="image"/>, taking ownership of it (see <see cref="ITransform"/>).</summary>
    public static ImageTensor Apply(ImageTensor image, PolicyStep step, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        double m = step.Magnitude;
        switch (step.Op)
        {
            case AugmentOp.ShearX:
                return Replace(image, WarpKernels.Affine(image, 0, 0, 0, 1, ShearDegrees(m), 0, interpolation, fill, 0, 0));
            case AugmentOp.ShearY:
                return Replace(image, WarpKernels.Affine(image, 0, 0, 0, 1, 0, ShearDegrees(m), interpolation, fill, 0, 0));
            case AugmentOp.TranslateX:
                return Replace(image, WarpKernels.Affine(image, 0, Math.Truncate(m), 0, 1, 0, 0, interpolation, fill));
            case AugmentOp.TranslateY:
                return Replace(image, WarpKernels.Affine(image, 0, 0, Math.Truncate(m), 1, 0, 0, interpolation, fill));
            case AugmentOp.Rotate:
                return Replace(image, WarpKernels.Rotate(image, m, interpolation, fill));
            case AugmentOp.Brightness:
                ColorKernels.AdjustBrightness(image, (float)(1.0 + m));
                return image;
            case AugmentOp.Color:
                ColorKernels.AdjustSaturation(image, (float)(1.0 + m));
                return image;
            case AugmentOp.Contrast:
                ColorKernels.AdjustContrast(image, (float)(1.0 + m));
                return image;
            case AugmentOp.Sharpness:
                return Replace(image, ToneKernels.Sharpness(image, (float)(1.0 + m)));
            case AugmentOp.Posterize:
                ToneKernels.Posterize(image, (int)m);
                return image;
            case AugmentOp.Solarize:
                ToneKernels.Solarize(image, (float)(m / 255.0));
                return image;
            case AugmentOp.AutoContrast:
                ToneKernels.AutoContrast(image);
                return image;
            case AugmentOp.Equalize:
                ToneKernels.Equalize(image);
                return image;
            case AugmentOp.Invert:
                ToneKernels.Invert(image);
                return image;
            case AugmentOp.Identity:
                return image;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Op, "Unknown operation.");
        }
    }

    /// <summary>torchvision's shear conversion: the magnitude is the shear's tangent.</summary>
    private static double ShearDegrees(double magnitude) => Math.Atan(magnitude) * (180.0 / Math.PI);

    private static ImageTensor Replace(ImageTensor old, ImageTensor result)
    {
        old.Dispose();
        return result;
    }
}
