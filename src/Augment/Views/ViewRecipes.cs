using Augment.Imaging;
using Augment.Transforms;
using Augment.Transforms.Blur;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Policies;
using Augment.Transforms.Tone;
using Augment.Tta;

namespace Augment.Views;

/// <summary>
/// Ready-made view groups for <see cref="Data.DataLoaderOptions.Views"/>, with their papers' published defaults:
/// two-view contrastive learning (SimCLR), multi-crop self-distillation (DINO), AugMix's Jensen-Shannon views, and
/// test-time ten-crop, five-crop and multi-scale evaluation.
/// </summary>
public static class ViewRecipes
{
    /// <summary>Two views of every sample through <paramref name="pipeline"/>, each with its own random stream (SimCLR, BYOL, MoCo).</summary>
    /// <param name="pipeline">The augmentation; it must give every image one shape.</param>
    public static ViewGroup TwoViews(ITransform pipeline) => ViewGroup.Repeat("views", pipeline, 2);

    /// <summary>
    /// SimCLR's ImageNet augmentation (Chen et al. 2020, appendix A): RandomResizedCrop (scale 0.08–1), horizontal
    /// flip, colour distortion of strength <paramref name="strength"/> (ColorJitter(0.8s, 0.8s, 0.8s, 0.2s) with
    /// p 0.8, then RandomGrayscale p 0.2), Gaussian blur with p 0.5 (kernel 10% of the side, σ in [0.1, 2.0]), then
    /// ImageNet normalization.
    /// </summary>
    /// <param name="size">The crop side (224 in the paper).</param>
    /// <param name="strength">s, the colour distortion strength (1.0 in the paper).</param>
    public static Compose SimClrTransform(int size = 224, double strength = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (!(strength > 0 && double.IsFinite(strength)))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "The colour distortion strength must be positive and finite.");
        }

        return new Compose(
            new RandomResizedCrop(size, scale: new(0.08, 1.0)),
            new RandomHorizontalFlip(),
            new RandomApply(new ColorJitter(0.8 * strength, 0.8 * strength, 0.8 * strength, Math.Min(0.5, 0.2 * strength)), 0.8),
            new RandomGrayscale(0.2),
            new RandomApply(new GaussianBlur(OddKernel(size / 10)), 0.5),
            Normalize.ImageNet());
    }

    /// <summary>SimCLR's two views (<see cref="SimClrTransform"/> twice, each with its own random stream).</summary>
    /// <param name="size">The crop side.</param>
    /// <param name="strength">The colour distortion strength.</param>
    public static ViewGroup SimClr(int size = 224, double strength = 1.0) => TwoViews(SimClrTransform(size, strength));

    /// <summary>
    /// DINO's multi-crop augmentation (Caron et al. 2021, <c>DataAugmentationDINO</c> in its main_dino.py): two global
    /// views at <paramref name="globalSize"/> (RandomResizedCrop of scale 0.4–1, bicubic; flip; ColorJitter(0.4, 0.4,
    /// 0.2, 0.1) with p 0.8; grayscale with p 0.2; the first blurred always, the second blurred with p 0.1 and
    /// solarized with p 0.2) and <paramref name="localCount"/> local views at <paramref name="localSize"/> (scale
    /// 0.05–0.4, blurred with p 0.5), all normalized: two groups, "global" and "local".
    /// </summary>
    /// <remarks>
    /// DINO blurs with PIL's <c>GaussianBlur(radius)</c>, radius uniform in [0.1, 2.0]; here a Gaussian kernel with σ in
    /// that range, of 23 taps for the global views and 9 for the local ones (at least ±2.8σ at σ = 2 and ±2σ at the
    /// local size), which matches PIL's filter closely except at its largest radii on the small local crops.
    /// </remarks>
    /// <param name="globalSize">The global views' side (224).</param>
    /// <param name="localSize">The local views' side (96).</param>
    /// <param name="localCount">The number of local views (8).</param>
    public static IReadOnlyList<ViewGroup> Dino(int globalSize = 224, int localSize = 96, int localCount = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(globalSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localSize);
        ArgumentOutOfRangeException.ThrowIfNegative(localCount);
        ITransform[] FlipAndJitter() => [new RandomHorizontalFlip(), new RandomApply(new ColorJitter(0.4, 0.4, 0.2, 0.1), 0.8), new RandomGrayscale(0.2)];
        RandomResizedCrop Crop(int size, ValueRange scale) => new(new ImageSize(size, size), scale, interpolation: Interpolation.Bicubic);
        var global1 = new Compose([Crop(globalSize, new(0.4, 1.0)), .. FlipAndJitter(), new GaussianBlur(23), Normalize.ImageNet()]);
        var global2 = new Compose([Crop(globalSize, new(0.4, 1.0)), .. FlipAndJitter(), new RandomApply(new GaussianBlur(23), 0.1), new RandomSolarize(0.5f, 0.2), Normalize.ImageNet()]);
        var local = new Compose([Crop(localSize, new(0.05, 0.4)), .. FlipAndJitter(), new RandomApply(new GaussianBlur(9), 0.5), Normalize.ImageNet()]);
        ViewGroup globals = ViewGroup.Of("global", global1, global2);
        return localCount == 0 ? [globals] : [globals, ViewGroup.Repeat("local", local, localCount)];
    }

    /// <summary>
    /// AugMix's views for its Jensen-Shannon consistency loss (Hendrycks et al. 2020): one random crop and flip per
    /// sample (<paramref name="crop"/>), then the clean view and two AugMix views of it, each followed by
    /// <paramref name="preprocess"/>; one group "augmix" of three views, clean first.
    /// </summary>
    /// <param name="augMix">The AugMix transform (torchvision's defaults: <c>new AugMix()</c>).</param>
    /// <param name="crop">The shared geometric step; <see langword="null"/> for RandomResizedCrop(224) + horizontal flip.</param>
    /// <param name="preprocess">What every view ends with; <see langword="null"/> for ImageNet normalization.</param>
    public static ViewGroup AugMixJsd(AugMix augMix, ITransform? crop = null, ITransform? preprocess = null)
    {
        ArgumentNullException.ThrowIfNull(augMix);
        crop ??= new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip());
        preprocess ??= Normalize.ImageNet();
        return ViewGroup.Shared("augmix", crop, preprocess, new Compose(augMix, preprocess), new Compose(augMix, preprocess));
    }

    /// <summary>Test-time ten-crop: Resize(<paramref name="resize"/>), then the ten crops of <paramref name="crop"/> (the five of the image, then of its mirror).</summary>
    /// <param name="resize">The shorter side after resizing (256).</param>
    /// <param name="crop">The crop side (224).</param>
    /// <param name="vertical">Whether the mirror is top-bottom.</param>
    public static ViewGroup TenCrop(int resize = 256, int crop = 224, bool vertical = false) =>
        ViewGroup.TestTime("tencrop", TestTimeViews.TenCrop(crop, crop, vertical), new Resize(resize));

    /// <summary>Test-time five-crop: Resize(<paramref name="resize"/>), then the four corner crops and the centre crop.</summary>
    /// <param name="resize">The shorter side after resizing (256).</param>
    /// <param name="crop">The crop side (224).</param>
    public static ViewGroup FiveCrop(int resize = 256, int crop = 224) =>
        ViewGroup.TestTime("fivecrop", TestTimeViews.FiveCrop(crop, crop), new Resize(resize));

    /// <summary>Multi-scale test views: centre crops of <paramref name="crop"/> at several shorter sides (224, 256, 288, 320), optionally with their mirrors.</summary>
    /// <param name="scales">The shorter sides; <see langword="null"/> for 224, 256, 288, 320.</param>
    /// <param name="crop">The crop side (224).</param>
    /// <param name="mirror">Whether to add each view's mirror.</param>
    public static ViewGroup MultiScale(int[]? scales = null, int crop = 224, bool mirror = false) =>
        ViewGroup.TestTime("multiscale", new MultiScaleViews(scales, crop, crop, mirror));

    private static int OddKernel(int size) => Math.Max(3, size | 1);
}
