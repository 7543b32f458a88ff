namespace Augment.Transforms.Policies;

/// <summary>One operation of a drawn policy with its final, signed magnitude (the value torchvision's <c>_apply_op</c> receives).</summary>
/// <param name="Op">The operation.</param>
/// <param name="Magnitude">
/// The magnitude: degrees for Rotate, <c>tan</c> of the shear angle for ShearX/Y, pixels for TranslateX/Y, the
/// factor minus one for Brightness, Color, Contrast and Sharpness, bits for Posterize, the 8-bit threshold for
/// Solarize, and 0 for the operations without one.
/// </param>
public readonly record struct PolicyStep(AugmentOp Op, float Magnitude);
