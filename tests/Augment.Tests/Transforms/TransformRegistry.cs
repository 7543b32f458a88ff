using Augment.Imaging;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Transforms.Policies;
using Augment.Transforms.Tone;
using Augment.Transforms.Warp;

namespace Augment.Tests.Transforms;

/// <summary>
/// One row per public <see cref="ITransform"/>: a factory and a sample input. <see cref="TransformContractTests"/> runs
/// every generic check on every row, and fails for an exported transform without a row, so a new transform cannot
/// skip them. A new transform adds its row here.
/// </summary>
internal static class TransformRegistry
{
    /// <summary>The rows, keyed by the name of the transform type the factory builds.</summary>
    public static IReadOnlyDictionary<string, TransformRow> Rows { get; } = Build(
    [
        // Composites: every child that changes the image either draws recorded parameters or is deterministic.
        Row(() => new Compose(new RandomHorizontalFlip(), new ColorJitter(0.4, 0.4, 0.4, 0.1), Normalize.ImageNet())),
        Row(() => new OneOf(new HorizontalFlip(), new ColorJitter(0.4), new RandomCrop(12))),
        Row(() => new RandomApply(new ColorJitter(0.4, 0.4), 0.5)),
        Row(() => new RandomOrder(new RandomHorizontalFlip(), new ColorJitter(0.4), new Grayscale(3))),

        // Transforms/ itself
        Row(() => Normalize.ImageNet()),

        // Color
        Row(() => ChannelShift.Uniform(0.1)),
        Row(() => new ColorJitter(0.4, 0.4, 0.4, 0.1)),
        Row(() => new Grayscale(3)),
        Row(() => new PcaLighting(0.1)),
        Row(() => new RandomChannelPermutation()),
        Row(() => new RandomGrayscale(0.5)),

        // Geometry
        Row(() => new CenterCrop(12, 10)),
        Row(() => new Crop(2, 3, 12, 14)),
        Row(() => new HorizontalFlip()),
        Row(() => new RandomCrop(12, 12, Padding.Uniform(2), paddingMode: PaddingMode.Reflect)),
        Row(() => new RandomHorizontalFlip()),
        Row(() => new RandomResizedCrop(12)),
        Row(() => new RandomResizedCropAndInterpolation(new ImageSize(12, 10), interpolations: [Interpolation.Bilinear, Interpolation.Bicubic])),
        Row(() => new RandomShortestSize([10, 14, 18], maxSize: 30)),
        Row(() => new RandomVerticalFlip()),
        Row(() => new Resize(16)),
        Row(() => new ResizedCrop(2, 3, 12, 14, ResizeSize.Exact(9, 11))),
        Row(() => new ScaleJitter(new ImageSize(16, 16), (0.5, 1.5))),
        Row(() => new VerticalFlip()),

        // Occlusion
        Row(() => new Cutout(2, 6, 0.5f)),
        Row(() => new RandomErasing(1.0, fill: ErasingFill.PerPixelNormal, maxCount: 2)),

        // Policies
        Row(() => new AugMix()),
        Row(() => new AutoAugment()),
        Row(() => new RandAugment(magnitudeStd: 0.5)),
        Row(() => new TrivialAugmentWide()),

        // Tone
        Row(() => new AdjustSharpness(2f)),
        Row(() => new AutoContrast()),
        Row(() => new Equalize()),
        Row(() => new Invert()),
        Row(() => new Posterize(4)),
        Row(() => new RandomAdjustSharpness(2f)),
        Row(() => new RandomAutocontrast()),
        Row(() => new RandomEqualize()),
        Row(() => new RandomInvert()),
        Row(() => new RandomPosterize(4)),
        Row(() => new RandomSolarize(0.5f)),
        Row(() => new Solarize(0.5f)),

        // Warp
        Row(() => new RandomAffine(30, (0.1, 0.1), (0.8, 1.2), [10.0], Interpolation.Bilinear, [0.5f])),
        Row(() => new RandomRotation(45, Interpolation.Bilinear, expand: true)),
    ]);

    /// <summary>The sample input of every row: 3×20×24, 8-bit levels in [0, 1], one image per seed.</summary>
    public static ImageTensor Input(ulong seed) => TestImages.Random(3, 20, 24, seed, levels: 255);

    private static TransformRow Row(Func<ITransform> create) => new(create, Input);

    private static Dictionary<string, TransformRow> Build(TransformRow[] rows) =>
        rows.ToDictionary(r => r.Create().GetType().Name);
}
