using System.Text.Json;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Parity;

public static partial class ParityOps
{
    [ParityOp("resize")]
    private static ImageTensor[] Resize(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        var transform = new Resize(SizeOf(op), InterpolationOf(op), AntialiasOf(op));
        var random = RandomSource.FromSeed(0);
        return One(transform.Apply(image, ref random));
    }

    [ParityOp("resized_crop")]
    private static ImageTensor[] ResizedCrop(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        var transform = new ResizedCrop(
            op.GetProperty("top").GetInt32(),
            op.GetProperty("left").GetInt32(),
            op.GetProperty("height").GetInt32(),
            op.GetProperty("width").GetInt32(),
            SizeOf(op),
            InterpolationOf(op),
            AntialiasOf(op));
        var random = RandomSource.FromSeed(0);
        return One(transform.Apply(image, ref random));
    }

    private static ResizeSize SizeOf(JsonElement op)
    {
        JsonElement size = op.GetProperty("size");
        if (size.ValueKind == JsonValueKind.Number)
        {
            return ResizeSize.FromShorterSide(size.GetInt32(), op.TryGetProperty("max_size", out JsonElement max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32() : null);
        }

        int[] hw = Ints(size);
        return hw.Length == 1 ? ResizeSize.FromShorterSide(hw[0]) : ResizeSize.Exact(hw[0], hw[1]);
    }

    private static Interpolation InterpolationOf(JsonElement op) =>
        op.TryGetProperty("interpolation", out JsonElement value)
            ? value.GetString() switch
            {
                "nearest" => Interpolation.Nearest,
                "bilinear" => Interpolation.Bilinear,
                "bicubic" => Interpolation.Bicubic,
                string other => throw new NotSupportedException($"Unknown interpolation '{other}'."),
                null => throw new NotSupportedException("Null interpolation."),
            }
            : Interpolation.Bilinear;

    private static bool AntialiasOf(JsonElement op) => !op.TryGetProperty("antialias", out JsonElement value) || value.GetBoolean();
}
