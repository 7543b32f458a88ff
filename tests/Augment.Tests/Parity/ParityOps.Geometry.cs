using System.Text.Json;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Parity;

/// <summary>The index-only geometric ops and normalize, through the public transforms.</summary>
public static partial class ParityOps
{
    [ParityOp("center_crop")]
    private static ImageTensor[] CenterCrop(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        int[] size = Ints(op.GetProperty("size"));
        return One(ApplyTransform(new CenterCrop(size[0], size[1]), image));
    }

    [ParityOp("crop")]
    private static ImageTensor[] Crop(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        var crop = new Crop(
            op.GetProperty("top").GetInt32(),
            op.GetProperty("left").GetInt32(),
            op.GetProperty("height").GetInt32(),
            op.GetProperty("width").GetInt32());
        return One(ApplyTransform(crop, image));
    }

    [ParityOp("hflip")]
    private static ImageTensor[] HorizontalFlip(ImageTensor image, JsonElement op, ParityCase parityCase) =>
        One(ApplyTransform(new HorizontalFlip(), image));

    [ParityOp("vflip")]
    private static ImageTensor[] VerticalFlip(ImageTensor image, JsonElement op, ParityCase parityCase) =>
        One(ApplyTransform(new VerticalFlip(), image));

    [ParityOp("five_crop")]
    private static ImageTensor[] FiveCrop(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            int[] size = Ints(op.GetProperty("size"));
            return new FiveCrop(size[0], size[1]).Apply(image);
        }
    }

    [ParityOp("ten_crop")]
    private static ImageTensor[] TenCrop(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using (image)
        {
            int[] size = Ints(op.GetProperty("size"));
            bool vertical = op.TryGetProperty("vertical", out JsonElement v) && v.GetBoolean();
            return new TenCrop(size[0], size[1], vertical).Apply(image);
        }
    }

    [ParityOp("normalize")]
    private static ImageTensor[] Normalize(ImageTensor image, JsonElement op, ParityCase parityCase) =>
        One(ApplyTransform(new Normalize(Floats(op.GetProperty("mean")), Floats(op.GetProperty("std"))), image));

    private static ImageTensor ApplyTransform(ITransform transform, ImageTensor image)
    {
        RandomSource random = RandomSource.FromSeed(0);
        return transform.Apply(image, ref random);
    }
}
