namespace Augment.Transforms.Policies;

/// <summary>One operation of an AutoAugment sub-policy.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Probability">The probability that it runs.</param>
/// <param name="MagnitudeBin">The magnitude bin (0 to 9), or <see langword="null"/> for operations without a magnitude.</param>
public readonly record struct PolicyOpSpec(AugmentOp Op, double Probability, int? MagnitudeBin);

/// <summary>An AutoAugment sub-policy: two operations, each run with its own probability.</summary>
/// <param name="First">The first operation.</param>
/// <param name="Second">The second operation.</param>
public readonly record struct AutoAugmentSubPolicy(PolicyOpSpec First, PolicyOpSpec Second);
