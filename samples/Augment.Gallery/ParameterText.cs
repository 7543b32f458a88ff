using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using Augment.Kernels.Warp;
using Augment.Transforms.Blur;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Transforms.Policies;
using Augment.Transforms.Warp;

namespace Augment.Gallery;

/// <summary>Short captions for the parameter records that the transforms report to a <c>ParameterLog</c>.</summary>
internal static class ParameterText
{
    public static string Format(object parameters) => parameters switch
    {
        RandomHorizontalFlipParams p => p.Flipped ? "flipped" : "not flipped",
        RandomCropParams p => $"top {p.Top}, left {p.Left}",
        RandomResizedCropParams p => $"box {p.Height}x{p.Width}\nat top {p.Top}, left {p.Left}",
        ColorJitterParams p => Jitter(p),
        ChannelShiftParams p => $"R {S(p.Red)}  G {S(p.Green)}\nB {S(p.Blue)}",
        PcaLightingParams p => $"alpha {S(p.Alpha0)}, {S(p.Alpha1)},\n{S(p.Alpha2)}",
        CutoutParams p => Boxes(p.Holes, "hole"),
        RandomErasingParams p => p.Boxes.Count == 0 ? "not applied" : Boxes(p.Boxes, "box") + "\nfill N(0, 1) per pixel",
        RandomRotationParams p => $"angle {S(p.Angle, "F1")} deg",
        RandomAffineParams p => $"shear x {S(p.ShearX, "F1")}, y {S(p.ShearY, "F1")}\nscale {F(p.Scale)}, rotate {S(p.Angle, "F1")}\nshift {p.TranslateX}, {p.TranslateY} px",
        ElasticTransformParams p => Elastic(p),
        RandomPerspectiveParams p => p.Applied ? Quad(p.Endpoints) : "not applied",
        GaussianBlurParams p => $"sigma {F(p.Sigma)}",
        ThreeAugmentParams p => p.Op == ThreeAugmentOp.GaussianBlur ? $"blur, sigma {F(p.Sigma)}" : p.Op.ToString().ToLowerInvariant(),
        PolicyParams p => Policy(p),
        _ => parameters.ToString() ?? string.Empty,
    };

    private static string Jitter(ColorJitterParams p)
    {
        var order = new StringBuilder("order ");
        for (int step = 0; step < p.Order.Count; step++)
        {
            order.Append(step > 0 ? ", " : string.Empty).Append(p.Order[step] switch { 0 => "b", 1 => "c", 2 => "s", _ => "h" });
        }

        return $"bright {F(p.Brightness)}, contr {F(p.Contrast)}\nsat {F(p.Saturation)}, hue {S(p.Hue ?? 0)}\n{order}";
    }

    // The largest displacement of the field, in pixels (x offsets are in units of 2 / W, y offsets of 2 / H).
    private static string Elastic(ElasticTransformParams p)
    {
        DisplacementField field = p.Displacement;
        float maxX = TensorPrimitives.MaxMagnitude(field.X) * field.Width / 2, maxY = TensorPrimitives.MaxMagnitude(field.Y) * field.Height / 2;
        return $"field {field.Height}x{field.Width}\nmax shift x {F(Math.Abs(maxX))} px\nmax shift y {F(Math.Abs(maxY))} px";
    }

    private static string Quad(PerspectiveQuad q) =>
        $"tl {q.TopLeft.X},{q.TopLeft.Y}  tr {q.TopRight.X},{q.TopRight.Y}\nbr {q.BottomRight.X},{q.BottomRight.Y}  bl {q.BottomLeft.X},{q.BottomLeft.Y}";

    private static string Boxes(BoxList boxes, string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < boxes.Count; i++)
        {
            PixelBox box = boxes[i];
            text.Append(i > 0 ? "\n" : string.Empty).Append(CultureInfo.InvariantCulture, $"{name} {box.Height}x{box.Width} at {box.Top}, {box.Left}");
        }

        return boxes.Count == 0 ? "none" : text.ToString();
    }

    private static string Policy(PolicyParams p)
    {
        var text = new StringBuilder(p.SubPolicy >= 0 ? $"sub-policy {p.SubPolicy}" : string.Empty);
        for (int i = 0; i < p.Count; i++)
        {
            PolicyStep step = p[i];
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append(step.Op.ToString());
            if (HasMagnitude(step.Op))
            {
                text.Append(' ').Append(step.Magnitude.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        return p.Count == 0 ? text.Append(text.Length > 0 ? "\n" : string.Empty).Append("(no op applied)").ToString() : text.ToString();
    }

    private static bool HasMagnitude(AugmentOp op) =>
        op is not (AugmentOp.Identity or AugmentOp.AutoContrast or AugmentOp.Equalize or AugmentOp.Invert);

    private static string F(double? value) => value is double v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string S(double value, string format = "F3") =>
        (value >= 0 ? "+" : string.Empty) + value.ToString(format, CultureInfo.InvariantCulture);
}
