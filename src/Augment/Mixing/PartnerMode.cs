namespace Augment.Mixing;

/// <summary>How a batch mixer pairs sample <c>i</c> with the partner it is mixed with.</summary>
public enum PartnerMode
{
    /// <summary>A uniformly random permutation of the batch (mixup's original <c>randperm</c>).</summary>
    Permutation,

    /// <summary>The batch reversed: partner of <c>i</c> is <c>N - 1 - i</c> (timm's <c>x.flip(0)</c>).</summary>
    Flip,

    /// <summary>The batch rolled by one: partner of <c>i</c> is <c>i - 1</c>, of 0 is <c>N - 1</c> (torchvision's <c>roll(1, 0)</c>).</summary>
    Roll,
}
