namespace Augment.Tta;

/// <summary>What <see cref="ViewAveraging"/> averages over an image's views.</summary>
public enum ViewAverage
{
    /// <summary>The raw model outputs (logits): the result is the mean logit row.</summary>
    Logits,

    /// <summary>The softmax of each view's outputs: the result is the mean probability row (it sums to 1).</summary>
    Probabilities,
}
