using System.Runtime.InteropServices;
using System.Text.Json;
using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Kernels.Warp;

namespace Augment.Tests.Parity;

/// <summary>Parity ops of the local warps and blur: elastic, perspective, gaussian_blur.</summary>
public static partial class ParityOps
{
    [ParityOp("elastic")]
    private static ImageTensor[] Elastic(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        int[] shape = Ints(op.GetProperty("displacement_shape"));
        byte[] bytes = File.ReadAllBytes(parityCase.Resolve(op.GetProperty("displacement").GetString()!));
        DisplacementField field = DisplacementField.FromInterleaved(MemoryMarshal.Cast<byte, float>(bytes), shape[1], shape[2]);
        try
        {
            using (image)
            {
                return One(WarpKernels.Elastic(image, field, WarpInterpolationOf(op), FillOf(op)));
            }
        }
        finally
        {
            field.Return();
        }
    }

    [ParityOp("perspective")]
    private static ImageTensor[] Perspective(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            return One(WarpKernels.Perspective(image, QuadOf(op.GetProperty("startpoints")), QuadOf(op.GetProperty("endpoints")), WarpInterpolationOf(op), FillOf(op)));
        }
    }

    [ParityOp("gaussian_blur")]
    private static ImageTensor[] GaussianBlur(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        int[] size = Ints(op.GetProperty("kernel_size"));
        float[] sigma = Floats(op.GetProperty("sigma"));
        using (image)
        {
            return One(BlurKernels.GaussianBlur(image, size[0], size[1], sigma[0], sigma[1]));
        }
    }

    private static PerspectiveQuad QuadOf(JsonElement points)
    {
        (int, int)[] corners = [.. points.EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32()))];
        return new PerspectiveQuad(corners[0], corners[1], corners[2], corners[3]);
    }
}
