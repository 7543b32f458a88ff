namespace Augment.Mixing;

/// <summary>How often a batch mixer draws its parameters (timm's <c>mode</c>).</summary>
public enum MixMode
{
    /// <summary>One draw per batch: every sample shares λ (and the CutMix box). timm's <c>'batch'</c>.</summary>
    Batch,

    /// <summary>One draw per sample: each sample has its own λ (box, choice of mixup or CutMix, apply decision). timm's <c>'elem'</c>.</summary>
    Sample,
}
