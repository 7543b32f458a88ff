namespace Augment.Mixing;

/// <summary>What a batch mixer does to one sample.</summary>
public enum MixKind : byte
{
    /// <summary>Nothing: the sample and its targets are kept.</summary>
    None,

    /// <summary>Mixup: <c>x = λ · x + (1 - λ) · partner</c>, targets likewise.</summary>
    Blend,

    /// <summary>CutMix: the box is copied from the partner; targets mixed with λ = 1 - box area / image area.</summary>
    Paste,
}
