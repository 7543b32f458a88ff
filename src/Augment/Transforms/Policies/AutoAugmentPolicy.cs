namespace Augment.Transforms.Policies;

/// <summary>The AutoAugment policies learned on three datasets (Cubuk et al., 2019).</summary>
public enum AutoAugmentPolicy
{
    /// <summary>The ImageNet policy.</summary>
    ImageNet,

    /// <summary>The CIFAR-10 policy.</summary>
    Cifar10,

    /// <summary>The SVHN policy.</summary>
    Svhn,
}
