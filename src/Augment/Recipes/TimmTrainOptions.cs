using Augment.Imaging;
using Augment.Transforms;

namespace Augment.Recipes;

/// <summary>
/// The arguments of timm's <c>transforms_imagenet_train</c> (timm/data/transforms_factory.py, huggingface/pytorch-image-models
/// at 0893f5d), with its defaults and meanings; <see cref="TimmTransforms.CreateTrain"/> turns them into a pipeline.
/// </summary>
/// <remarks>
/// Not carried over: <c>train_crop_mode</c> other than <c>'rrc'</c>, <c>gaussian_blur_prob</c>, <c>re_num_splits</c>,
/// <c>use_prefetcher</c>, <c>separate</c> and the NaFlex options.
/// </remarks>
public sealed record TimmTrainOptions
{
    /// <summary>timm's <c>img_size</c>: the output size. Default 224 × 224.</summary>
    public ImageSize InputSize { get; init; } = new(224, 224);

    /// <summary>timm's <c>scale</c>: the crop's area fraction range; <see langword="null"/> for (0.08, 1).</summary>
    public ValueRange? Scale { get; init; }

    /// <summary>timm's <c>ratio</c>: the crop's aspect ratio range; <see langword="null"/> for (3/4, 4/3).</summary>
    public ValueRange? Ratio { get; init; }

    /// <summary>timm's <c>hflip</c>: the horizontal flip probability (0 leaves the flip out). Default 0.5.</summary>
    public double HFlip { get; init; } = 0.5;

    /// <summary>timm's <c>vflip</c>: the vertical flip probability (0 leaves the flip out). Default 0.</summary>
    public double VFlip { get; init; }

    /// <summary>
    /// timm's scalar <c>color_jitter</c>: brightness, contrast and saturation strength, no hue; <see langword="null"/>
    /// leaves colour jitter out. Default 0.4. Colour jitter is also left out when <see cref="AutoAugment"/> is set,
    /// unless <see cref="ForceColorJitter"/>.
    /// </summary>
    public double? ColorJitter { get; init; } = 0.4;

    /// <summary>timm's tuple <c>color_jitter</c>: 3 (brightness, contrast, saturation) or 4 (plus hue) strengths; overrides <see cref="ColorJitter"/>.</summary>
    public IReadOnlyList<double>? ColorJitterFactors { get; init; }

    /// <summary>timm's <c>color_jitter_prob</c>: applies colour jitter with this probability when set. Default <see langword="null"/> (always).</summary>
    public double? ColorJitterProb { get; init; }

    /// <summary>timm's <c>force_color_jitter</c>: keeps colour jitter even with an auto-augment policy. Default false.</summary>
    public bool ForceColorJitter { get; init; }

    /// <summary>timm's <c>grayscale_prob</c>: the probability of converting to grayscale (0 leaves it out). Default 0.</summary>
    public double GrayscaleProb { get; init; }

    /// <summary>
    /// timm's <c>auto_augment</c>: <c>rand-…</c> (RandAugment), <c>augmix-…</c> (AugMix), <c>trivialaugment</c>
    /// (TrivialAugmentWide) or an AutoAugment policy (<c>original</c> or <c>imagenet</c>, <c>cifar10</c>, <c>svhn</c>);
    /// <see langword="null"/> for none. Default <see langword="null"/>.
    /// </summary>
    public string? AutoAugment { get; init; }

    /// <summary>timm's <c>interpolation</c>: <c>random</c> (bilinear or bicubic per image), <c>bilinear</c>, <c>bicubic</c> or <c>nearest</c>. Default <c>random</c>.</summary>
    public string Interpolation { get; init; } = "random";

    /// <summary>timm's <c>mean</c>: the normalization means (and the policies' fill). Default ImageNet's.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [.. Transforms.Normalize.ImageNetMean];

    /// <summary>timm's <c>std</c>: the normalization standard deviations. Default ImageNet's.</summary>
    public IReadOnlyList<float> Std { get; init; } = [.. Transforms.Normalize.ImageNetStd];

    /// <summary>timm's <c>re_prob</c>: the random erasing probability (0 leaves it out). Default 0.</summary>
    public double ReProb { get; init; }

    /// <summary>timm's <c>re_mode</c>: <c>const</c> (zeros), <c>rand</c> (one normal value per channel) or <c>pixel</c> (per-pixel normal). Default <c>const</c>.</summary>
    public string ReMode { get; init; } = "const";

    /// <summary>timm's <c>re_count</c>: the largest number of erased boxes (uniform from 1). Default 1.</summary>
    public int ReCount { get; init; } = 1;

    /// <summary>timm's <c>normalize</c>: whether Normalize (and random erasing, which timm only adds with it) end the pipeline. Default true.</summary>
    public bool Normalize { get; init; } = true;
}
