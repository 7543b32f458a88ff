using System.Text.Json;
using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Kernels.Occlusion;

namespace Augment.Tests.Parity;

/// <summary>Photometric and occlusion ops of the parity cases, through the public kernels.</summary>
public static partial class ParityOps
{
    [ParityOp("adjust_brightness")]
    private static ImageTensor[] AdjustBrightness(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.AdjustBrightness(image, op.GetProperty("factor").GetSingle());
        return One(image);
    }

    [ParityOp("adjust_contrast")]
    private static ImageTensor[] AdjustContrast(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.AdjustContrast(image, op.GetProperty("factor").GetSingle());
        return One(image);
    }

    [ParityOp("adjust_saturation")]
    private static ImageTensor[] AdjustSaturation(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.AdjustSaturation(image, op.GetProperty("factor").GetSingle());
        return One(image);
    }

    [ParityOp("adjust_hue")]
    private static ImageTensor[] AdjustHue(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.AdjustHue(image, op.GetProperty("factor").GetSingle());
        return One(image);
    }

    [ParityOp("grayscale")]
    private static ImageTensor[] Grayscale(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.Grayscale(image);
        return One(image);
    }

    [ParityOp("pca_lighting")]
    private static ImageTensor[] PcaLighting(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        float[] eigenvectors = [.. op.GetProperty("eigvec").EnumerateArray().SelectMany(row => Floats(row))];
        ColorKernels.PcaLighting(image, Floats(op.GetProperty("alpha")), Floats(op.GetProperty("eigval")), eigenvectors);
        return One(image);
    }

    [ParityOp("channel_shift")]
    private static ImageTensor[] ChannelShift(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ColorKernels.ChannelShift(image, Floats(op.GetProperty("shift")));
        return One(image);
    }

    [ParityOp("erase")]
    private static ImageTensor[] Erase(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        OcclusionKernels.Erase(
            image,
            op.GetProperty("top").GetInt32(),
            op.GetProperty("left").GetInt32(),
            op.GetProperty("height").GetInt32(),
            op.GetProperty("width").GetInt32(),
            Floats(op.GetProperty("value")));
        return One(image);
    }

    [ParityOp("cutout")]
    private static ImageTensor[] Cutout(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        OcclusionKernels.Cutout(
            image,
            op.GetProperty("center_y").GetInt32(),
            op.GetProperty("center_x").GetInt32(),
            op.GetProperty("length").GetInt32(),
            [0f]);
        return One(image);
    }
}
