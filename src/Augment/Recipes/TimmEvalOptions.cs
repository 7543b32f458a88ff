using Augment.Imaging;

namespace Augment.Recipes;

/// <summary>
/// The arguments of timm's <c>transforms_imagenet_eval</c> (timm/data/transforms_factory.py, huggingface/pytorch-image-models
/// at 0893f5d), with its defaults and meanings; <see cref="TimmTransforms.CreateEval"/> turns them into a pipeline.
/// </summary>
/// <remarks>Not carried over: <c>crop_mode='border'</c>, <c>crop_border_pixels</c>, <c>use_prefetcher</c> and the NaFlex options.</remarks>
public sealed record TimmEvalOptions
{
    /// <summary>timm's <c>img_size</c>: the output size. Default 224 × 224.</summary>
    public ImageSize InputSize { get; init; } = new(224, 224);

    /// <summary>timm's <c>crop_pct</c>: output size / resize size, in (0, 1]; <see langword="null"/> for 0.875.</summary>
    public double? CropPct { get; init; }

    /// <summary>
    /// timm's <c>crop_mode</c>: <c>center</c> (shorter side to <c>floor(size / crop_pct)</c>, then a centre crop; square
    /// sizes only) or <c>squash</c> (both sides to <c>floor(size / crop_pct)</c>, then a centre crop);
    /// <see langword="null"/> for <c>center</c>.
    /// </summary>
    public string? CropMode { get; init; }

    /// <summary>timm's <c>interpolation</c>: <c>bilinear</c>, <c>bicubic</c> or <c>nearest</c>. Default <c>bilinear</c>.</summary>
    public string Interpolation { get; init; } = "bilinear";

    /// <summary>timm's <c>mean</c>. Default ImageNet's.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [.. Transforms.Normalize.ImageNetMean];

    /// <summary>timm's <c>std</c>. Default ImageNet's.</summary>
    public IReadOnlyList<float> Std { get; init; } = [.. Transforms.Normalize.ImageNetStd];

    /// <summary>timm's <c>normalize</c>: whether Normalize ends the pipeline. Default true.</summary>
    public bool Normalize { get; init; } = true;
}
