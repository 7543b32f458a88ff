using Augment.Imaging;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Transforms.Policies;

namespace Augment.Recipes;

/// <summary>
/// timm's recipe factory (<c>create_transform</c>, <c>transforms_imagenet_train</c>, <c>transforms_imagenet_eval</c> in
/// timm/data/transforms_factory.py, huggingface/pytorch-image-models at 0893f5d): the same transforms, in the same
/// order, with the same parameters, as ordinary <see cref="Compose"/> pipelines (which the loader fuses where it can:
/// a fixed interpolation gives a fusable <see cref="RandomResizedCrop"/>).
/// </summary>
/// <remarks>
/// <para>
/// Train: <c>RandomResizedCropAndInterpolation → [RandomHorizontalFlip] → [RandomVerticalFlip] → [auto-augment] →
/// [ColorJitter, possibly in RandomApply] → [RandomGrayscale] → Normalize → [RandomErasing]</c>. Eval:
/// <c>Resize(floor(size / crop_pct)) → CenterCrop(size) → Normalize</c>.
/// </para>
/// <para>
/// Differences that come from this library rather than the recipe: images are float CHW in [0, 1] throughout (timm
/// converts PIL images to tensors just before Normalize); the policies' geometric operations use bilinear sampling
/// when timm would pick bilinear or bicubic at random, or bicubic (the warps offer nearest and bilinear, as
/// torchvision's tensor backend); RandAugment translates by torchvision's <c>150/331 · side</c> where timm uses
/// <c>0.45 · min(size)</c>; AugMix has torchvision's operation space (see <see cref="AugMix"/>).
/// </para>
/// </remarks>
public static class TimmTransforms
{
    /// <summary>timm's <c>DEFAULT_CROP_PCT</c>.</summary>
    public const double DefaultCropPct = 0.875;

    /// <summary>
    /// timm's <c>create_transform(input_size, is_training, …)</c>: <see cref="CreateTrain"/> or <see cref="CreateEval"/>.
    /// Unlike <c>transforms_imagenet_train</c>, <c>create_transform</c>'s interpolation defaults to <c>bilinear</c>.
    /// </summary>
    /// <param name="inputSize">The output size.</param>
    /// <param name="isTraining">Whether to build the training pipeline.</param>
    /// <param name="interpolation">timm's interpolation name (<c>bilinear</c> by default, as <c>create_transform</c>'s).</param>
    /// <returns>The pipeline.</returns>
    public static Compose Create(ImageSize inputSize, bool isTraining, string interpolation = "bilinear") =>
        isTraining
            ? CreateTrain(new TimmTrainOptions { InputSize = inputSize, Interpolation = interpolation })
            : CreateEval(new TimmEvalOptions { InputSize = inputSize, Interpolation = interpolation });

    /// <summary>timm's <c>transforms_imagenet_train(**options)</c>.</summary>
    /// <param name="options">The arguments; <see langword="null"/> for timm's defaults.</param>
    /// <returns>The training pipeline.</returns>
    /// <exception cref="ArgumentException">A name (interpolation, auto-augment, erasing mode) is unknown or unsupported, or a list has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public static Compose CreateTrain(TimmTrainOptions? options = null)
    {
        options ??= new TimmTrainOptions();
        options.InputSize.ThrowIfEmpty(nameof(options.InputSize));
        var steps = new List<ITransform>();
        bool random = options.Interpolation == "random";
        if (random)
        {
            steps.Add(new RandomResizedCropAndInterpolation(options.InputSize, options.Scale, options.Ratio));
        }
        else
        {
            steps.Add(new RandomResizedCrop(options.InputSize, options.Scale, options.Ratio, ParseInterpolation(options.Interpolation, nameof(options.Interpolation))));
        }

        if (options.HFlip > 0)
        {
            steps.Add(new RandomHorizontalFlip(options.HFlip));
        }

        if (options.VFlip > 0)
        {
            steps.Add(new RandomVerticalFlip(options.VFlip));
        }

        bool disableColorJitter = false;
        if (options.AutoAugment is { } policy)
        {
            disableColorJitter = !(options.ForceColorJitter || policy.Contains("3a", StringComparison.Ordinal));
            Interpolation warp = random ? Interpolation.Bilinear : PolicyInterpolation(ParseInterpolation(options.Interpolation, nameof(options.Interpolation)));
            steps.Add(AutoAugmentFromName(policy, warp, MeanFill(options.Mean)));
        }

        if ((options.ColorJitter is not null || options.ColorJitterFactors is not null) && !disableColorJitter)
        {
            ITransform jitter = MakeColorJitter(options);
            steps.Add(options.ColorJitterProb is { } p ? new RandomApply(jitter, p) : jitter);
        }

        if (options.GrayscaleProb > 0)
        {
            steps.Add(new RandomGrayscale(options.GrayscaleProb));
        }

        if (options.Normalize)
        {
            steps.Add(MakeNormalize(options.Mean, options.Std));
            if (options.ReProb > 0)
            {
                steps.Add(new RandomErasing(options.ReProb, (0.02, 1.0 / 3.0), (0.3, 1.0 / 0.3), ErasingFillFromMode(options.ReMode), 1, options.ReCount));
            }
        }

        return new Compose(steps);
    }

    /// <summary>timm's <c>transforms_imagenet_eval(**options)</c>.</summary>
    /// <param name="options">The arguments; <see langword="null"/> for timm's defaults.</param>
    /// <returns>The evaluation pipeline.</returns>
    /// <exception cref="ArgumentException">A name is unknown, or the crop mode is unsupported (<c>border</c>; <c>center</c> with a non-square size).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The crop fraction lies outside (0, 1] or the size is empty.</exception>
    public static Compose CreateEval(TimmEvalOptions? options = null)
    {
        options ??= new TimmEvalOptions();
        ImageSize size = options.InputSize;
        size.ThrowIfEmpty(nameof(options.InputSize));
        double cropPct = options.CropPct ?? DefaultCropPct;
        if (!(cropPct > 0 && cropPct <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), cropPct, $"CropPct must lie in (0, 1], got {cropPct}.");
        }

        Interpolation interpolation = ParseInterpolation(options.Interpolation, nameof(options.Interpolation), allowRandom: false);
        int scaleHeight = (int)Math.Floor(size.Height / cropPct), scaleWidth = (int)Math.Floor(size.Width / cropPct);
        var steps = new List<ITransform>();
        switch (options.CropMode ?? "center")
        {
            case "squash":
                steps.Add(new Resize(ResizeSize.Exact(scaleHeight, scaleWidth), interpolation));
                break;
            case "center" when scaleHeight == scaleWidth:
                steps.Add(new Resize(scaleHeight, interpolation));
                break;
            case "center":
                throw new ArgumentException($"crop_mode 'center' with the non-square size {size} needs timm's ResizeKeepRatio, which Augment lacks; use CropMode = \"squash\" or a square size.", nameof(options));
            default:
                throw new ArgumentException($"Unsupported crop_mode '{options.CropMode}': use 'center' or 'squash' ('border' is not available).", nameof(options));
        }

        steps.Add(new CenterCrop(size.Height, size.Width));
        if (options.Normalize)
        {
            steps.Add(MakeNormalize(options.Mean, options.Std));
        }

        return new Compose(steps);
    }

    /// <summary>The transform an auto-augment name or configuration string stands for.</summary>
    private static ITransform AutoAugmentFromName(string policy, Interpolation interpolation, float[] fill)
    {
        if (policy.StartsWith("rand", StringComparison.Ordinal))
        {
            return RandAugment.FromConfig(policy, interpolation: interpolation, fill: fill);
        }

        if (policy.StartsWith("augmix", StringComparison.Ordinal))
        {
            return AugMix.FromConfig(policy, interpolation, fill);
        }

        return policy switch
        {
            "trivialaugment" => new TrivialAugmentWide(interpolation: interpolation, fill: fill),
            "original" or "imagenet" => new AutoAugment(AutoAugmentPolicy.ImageNet, interpolation, fill),
            "cifar10" => new AutoAugment(AutoAugmentPolicy.Cifar10, interpolation, fill),
            "svhn" => new AutoAugment(AutoAugmentPolicy.Svhn, interpolation, fill),
            _ => throw new ArgumentException(
                $"Unsupported auto-augment '{policy}': use 'rand-…', 'augmix-…', 'trivialaugment', or an AutoAugment policy ('original'/'imagenet', 'cifar10', 'svhn'); timm's 'v0', 'v0r', 'originalr' and '3a' are not available.",
                nameof(policy)),
        };
    }

    /// <summary>timm's <c>img_mean</c> fill, <c>min(255, round(255 · mean))</c>, on the [0, 1] scale.</summary>
    private static float[] MeanFill(IReadOnlyList<float> mean) => [.. mean.Select(m => Math.Min(255f, MathF.Round(255f * m)) / 255f)];

    private static ITransform MakeColorJitter(TimmTrainOptions options)
    {
        if (options.ColorJitterFactors is { } factors)
        {
            if (factors.Count is not (3 or 4))
            {
                throw new ArgumentException($"ColorJitterFactors holds 3 (brightness, contrast, saturation) or 4 (plus hue) values, got {factors.Count}.", nameof(options));
            }

            return new ColorJitter(factors[0], factors[1], factors[2], factors.Count == 4 ? factors[3] : 0);
        }

        double strength = options.ColorJitter!.Value;
        return new ColorJitter(strength, strength, strength);
    }

    private static Normalize MakeNormalize(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        return new Normalize([.. mean], [.. std]);
    }

    private static ErasingFill ErasingFillFromMode(string mode) => mode switch
    {
        "const" => ErasingFill.Zero,
        "rand" => ErasingFill.PerChannelNormal,
        "pixel" => ErasingFill.PerPixelNormal,
        _ => throw new ArgumentException($"Unknown re_mode '{mode}': use 'const', 'rand' or 'pixel'.", nameof(mode)),
    };

    private static Interpolation ParseInterpolation(string name, string paramName, bool allowRandom = true) => name switch
    {
        "bilinear" => Interpolation.Bilinear,
        "bicubic" => Interpolation.Bicubic,
        "nearest" => Interpolation.Nearest,
        _ => throw new ArgumentException(
            $"Unknown interpolation '{name}': use {(allowRandom ? "'random', " : string.Empty)}'bilinear', 'bicubic' or 'nearest'.", paramName),
    };

    /// <summary>The warps support nearest and bilinear; bicubic becomes bilinear.</summary>
    private static Interpolation PolicyInterpolation(Interpolation interpolation) =>
        interpolation == Interpolation.Nearest ? Interpolation.Nearest : Interpolation.Bilinear;
}
