using System.Text.Json;
using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Kernels.Warp;

namespace Augment.Tests.Parity;

/// <summary>Parity ops of the warp and tone family: rotate, affine, posterize, solarize, equalize, autocontrast, sharpness, invert.</summary>
public static partial class ParityOps
{
    [ParityOp("rotate")]
    private static ImageTensor[] Rotate(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            return One(WarpKernels.Rotate(image, op.GetProperty("angle").GetDouble(), WarpInterpolationOf(op), FillOf(op)));
        }
    }

    [ParityOp("affine")]
    private static ImageTensor[] Affine(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            float[] translate = Floats(op.GetProperty("translate"));
            float[] shear = Floats(op.GetProperty("shear"));
            return One(WarpKernels.Affine(
                image,
                op.GetProperty("angle").GetDouble(),
                translate[0],
                translate[1],
                op.GetProperty("scale").GetDouble(),
                shear[0],
                shear[1],
                WarpInterpolationOf(op),
                FillOf(op)));
        }
    }

    [ParityOp("posterize")]
    private static ImageTensor[] Posterize(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ToneKernels.Posterize(image, op.GetProperty("bits").GetInt32());
        return One(image);
    }

    [ParityOp("solarize")]
    private static ImageTensor[] Solarize(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ToneKernels.Solarize(image, op.GetProperty("threshold").GetSingle() / 255f);
        return One(image);
    }

    [ParityOp("equalize")]
    private static ImageTensor[] Equalize(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ToneKernels.Equalize(image);
        return One(image);
    }

    [ParityOp("autocontrast")]
    private static ImageTensor[] AutoContrast(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ToneKernels.AutoContrast(image);
        return One(image);
    }

    [ParityOp("sharpness")]
    private static ImageTensor[] Sharpness(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            return One(ToneKernels.Sharpness(image, op.GetProperty("factor").GetSingle()));
        }
    }

    [ParityOp("invert")]
    private static ImageTensor[] Invert(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ToneKernels.Invert(image);
        return One(image);
    }

    private static Interpolation WarpInterpolationOf(JsonElement op) => op.GetProperty("interpolation").GetString() switch
    {
        "nearest" => Interpolation.Nearest,
        "bilinear" => Interpolation.Bilinear,
        var other => throw new NotSupportedException($"Unknown warp interpolation '{other}'."),
    };

    private static float[] FillOf(JsonElement op) =>
        op.TryGetProperty("fill", out JsonElement fill) && fill.ValueKind == JsonValueKind.Array ? Floats(fill) : [];
}
