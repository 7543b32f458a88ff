namespace Augment.Transforms.Policies;

/// <summary>
/// The published AutoAugment sub-policies (Cubuk et al., 2019, appendix), 25 per dataset, as torchvision's
/// <c>AutoAugment._get_policies</c> lists them: (operation, probability, magnitude bin of 10).
/// </summary>
internal static class AutoAugmentPolicies
{
    /// <summary>The sub-policies of <paramref name="policy"/>.</summary>
    public static AutoAugmentSubPolicy[] Get(AutoAugmentPolicy policy) => policy switch
    {
        AutoAugmentPolicy.ImageNet => ImageNet,
        AutoAugmentPolicy.Cifar10 => Cifar10,
        AutoAugmentPolicy.Svhn => Svhn,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown AutoAugment policy."),
    };

    private static readonly AutoAugmentSubPolicy[] ImageNet =
    [
        new(new(AugmentOp.Posterize, 0.4, 8), new(AugmentOp.Rotate, 0.6, 9)),
        new(new(AugmentOp.Solarize, 0.6, 5), new(AugmentOp.AutoContrast, 0.6, null)),
        new(new(AugmentOp.Equalize, 0.8, null), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Posterize, 0.6, 7), new(AugmentOp.Posterize, 0.6, 6)),
        new(new(AugmentOp.Equalize, 0.4, null), new(AugmentOp.Solarize, 0.2, 4)),
        new(new(AugmentOp.Equalize, 0.4, null), new(AugmentOp.Rotate, 0.8, 8)),
        new(new(AugmentOp.Solarize, 0.6, 3), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Posterize, 0.8, 5), new(AugmentOp.Equalize, 1.0, null)),
        new(new(AugmentOp.Rotate, 0.2, 3), new(AugmentOp.Solarize, 0.6, 8)),
        new(new(AugmentOp.Equalize, 0.6, null), new(AugmentOp.Posterize, 0.4, 6)),
        new(new(AugmentOp.Rotate, 0.8, 8), new(AugmentOp.Color, 0.4, 0)),
        new(new(AugmentOp.Rotate, 0.4, 9), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Equalize, 0.0, null), new(AugmentOp.Equalize, 0.8, null)),
        new(new(AugmentOp.Invert, 0.6, null), new(AugmentOp.Equalize, 1.0, null)),
        new(new(AugmentOp.Color, 0.6, 4), new(AugmentOp.Contrast, 1.0, 8)),
        new(new(AugmentOp.Rotate, 0.8, 8), new(AugmentOp.Color, 1.0, 2)),
        new(new(AugmentOp.Color, 0.8, 8), new(AugmentOp.Solarize, 0.8, 7)),
        new(new(AugmentOp.Sharpness, 0.4, 7), new(AugmentOp.Invert, 0.6, null)),
        new(new(AugmentOp.ShearX, 0.6, 5), new(AugmentOp.Equalize, 1.0, null)),
        new(new(AugmentOp.Color, 0.4, 0), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Equalize, 0.4, null), new(AugmentOp.Solarize, 0.2, 4)),
        new(new(AugmentOp.Solarize, 0.6, 5), new(AugmentOp.AutoContrast, 0.6, null)),
        new(new(AugmentOp.Invert, 0.6, null), new(AugmentOp.Equalize, 1.0, null)),
        new(new(AugmentOp.Color, 0.6, 4), new(AugmentOp.Contrast, 1.0, 8)),
        new(new(AugmentOp.Equalize, 0.8, null), new(AugmentOp.Equalize, 0.6, null)),
    ];

    private static readonly AutoAugmentSubPolicy[] Cifar10 =
    [
        new(new(AugmentOp.Invert, 0.1, null), new(AugmentOp.Contrast, 0.2, 6)),
        new(new(AugmentOp.Rotate, 0.7, 2), new(AugmentOp.TranslateX, 0.3, 9)),
        new(new(AugmentOp.Sharpness, 0.8, 1), new(AugmentOp.Sharpness, 0.9, 3)),
        new(new(AugmentOp.ShearY, 0.5, 8), new(AugmentOp.TranslateY, 0.7, 9)),
        new(new(AugmentOp.AutoContrast, 0.5, null), new(AugmentOp.Equalize, 0.9, null)),
        new(new(AugmentOp.ShearY, 0.2, 7), new(AugmentOp.Posterize, 0.3, 7)),
        new(new(AugmentOp.Color, 0.4, 3), new(AugmentOp.Brightness, 0.6, 7)),
        new(new(AugmentOp.Sharpness, 0.3, 9), new(AugmentOp.Brightness, 0.7, 9)),
        new(new(AugmentOp.Equalize, 0.6, null), new(AugmentOp.Equalize, 0.5, null)),
        new(new(AugmentOp.Contrast, 0.6, 7), new(AugmentOp.Sharpness, 0.6, 5)),
        new(new(AugmentOp.Color, 0.7, 7), new(AugmentOp.TranslateX, 0.5, 8)),
        new(new(AugmentOp.Equalize, 0.3, null), new(AugmentOp.AutoContrast, 0.4, null)),
        new(new(AugmentOp.TranslateY, 0.4, 3), new(AugmentOp.Sharpness, 0.2, 6)),
        new(new(AugmentOp.Brightness, 0.9, 6), new(AugmentOp.Color, 0.2, 8)),
        new(new(AugmentOp.Solarize, 0.5, 2), new(AugmentOp.Invert, 0.0, null)),
        new(new(AugmentOp.Equalize, 0.2, null), new(AugmentOp.AutoContrast, 0.6, null)),
        new(new(AugmentOp.Equalize, 0.2, null), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Color, 0.9, 9), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.AutoContrast, 0.8, null), new(AugmentOp.Solarize, 0.2, 8)),
        new(new(AugmentOp.Brightness, 0.1, 3), new(AugmentOp.Color, 0.7, 0)),
        new(new(AugmentOp.Solarize, 0.4, 5), new(AugmentOp.AutoContrast, 0.9, null)),
        new(new(AugmentOp.TranslateY, 0.9, 9), new(AugmentOp.TranslateY, 0.7, 9)),
        new(new(AugmentOp.AutoContrast, 0.9, null), new(AugmentOp.Solarize, 0.8, 3)),
        new(new(AugmentOp.Equalize, 0.8, null), new(AugmentOp.Invert, 0.1, null)),
        new(new(AugmentOp.TranslateY, 0.7, 9), new(AugmentOp.AutoContrast, 0.9, null)),
    ];

    private static readonly AutoAugmentSubPolicy[] Svhn =
    [
        new(new(AugmentOp.ShearX, 0.9, 4), new(AugmentOp.Invert, 0.2, null)),
        new(new(AugmentOp.ShearY, 0.9, 8), new(AugmentOp.Invert, 0.7, null)),
        new(new(AugmentOp.Equalize, 0.6, null), new(AugmentOp.Solarize, 0.6, 6)),
        new(new(AugmentOp.Invert, 0.9, null), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Equalize, 0.6, null), new(AugmentOp.Rotate, 0.9, 3)),
        new(new(AugmentOp.ShearX, 0.9, 4), new(AugmentOp.AutoContrast, 0.8, null)),
        new(new(AugmentOp.ShearY, 0.9, 8), new(AugmentOp.Invert, 0.4, null)),
        new(new(AugmentOp.ShearY, 0.9, 5), new(AugmentOp.Solarize, 0.2, 6)),
        new(new(AugmentOp.Invert, 0.9, null), new(AugmentOp.AutoContrast, 0.8, null)),
        new(new(AugmentOp.Equalize, 0.6, null), new(AugmentOp.Rotate, 0.9, 3)),
        new(new(AugmentOp.ShearX, 0.9, 4), new(AugmentOp.Solarize, 0.3, 3)),
        new(new(AugmentOp.ShearY, 0.8, 8), new(AugmentOp.Invert, 0.7, null)),
        new(new(AugmentOp.Equalize, 0.9, null), new(AugmentOp.TranslateY, 0.6, 6)),
        new(new(AugmentOp.Invert, 0.9, null), new(AugmentOp.Equalize, 0.6, null)),
        new(new(AugmentOp.Contrast, 0.3, 3), new(AugmentOp.Rotate, 0.8, 4)),
        new(new(AugmentOp.Invert, 0.8, null), new(AugmentOp.TranslateY, 0.0, 2)),
        new(new(AugmentOp.ShearY, 0.7, 6), new(AugmentOp.Solarize, 0.4, 8)),
        new(new(AugmentOp.Invert, 0.6, null), new(AugmentOp.Rotate, 0.8, 4)),
        new(new(AugmentOp.ShearY, 0.3, 7), new(AugmentOp.TranslateX, 0.9, 3)),
        new(new(AugmentOp.ShearX, 0.1, 6), new(AugmentOp.Invert, 0.6, null)),
        new(new(AugmentOp.Solarize, 0.7, 2), new(AugmentOp.TranslateY, 0.6, 7)),
        new(new(AugmentOp.ShearY, 0.8, 4), new(AugmentOp.Invert, 0.8, null)),
        new(new(AugmentOp.ShearX, 0.7, 9), new(AugmentOp.TranslateY, 0.8, 3)),
        new(new(AugmentOp.ShearY, 0.8, 5), new(AugmentOp.AutoContrast, 0.7, null)),
        new(new(AugmentOp.ShearX, 0.7, 2), new(AugmentOp.Invert, 0.1, null)),
    ];
}
