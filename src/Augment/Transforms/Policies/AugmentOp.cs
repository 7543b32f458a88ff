namespace Augment.Transforms.Policies;

/// <summary>The operations of the AutoAugment family (torchvision's <c>_apply_op</c> names).</summary>
public enum AugmentOp : byte
{
    /// <summary>No change.</summary>
    Identity,

    /// <summary>Shear along x by <c>atan(m)</c> degrees about the top-left corner.</summary>
    ShearX,

    /// <summary>Shear along y by <c>atan(m)</c> degrees about the top-left corner.</summary>
    ShearY,

    /// <summary>Translate along x by <c>trunc(m)</c> pixels.</summary>
    TranslateX,

    /// <summary>Translate along y by <c>trunc(m)</c> pixels.</summary>
    TranslateY,

    /// <summary>Rotate by m degrees counter-clockwise.</summary>
    Rotate,

    /// <summary>Brightness with factor <c>1 + m</c>.</summary>
    Brightness,

    /// <summary>Saturation with factor <c>1 + m</c>.</summary>
    Color,

    /// <summary>Contrast with factor <c>1 + m</c>.</summary>
    Contrast,

    /// <summary>Sharpness with factor <c>1 + m</c>.</summary>
    Sharpness,

    /// <summary>Keep <c>trunc(m)</c> bits of each 8-bit value.</summary>
    Posterize,

    /// <summary>Invert the values at or above the 8-bit threshold m.</summary>
    Solarize,

    /// <summary>Stretch each channel to the full range.</summary>
    AutoContrast,

    /// <summary>Equalize each channel's histogram.</summary>
    Equalize,

    /// <summary>Invert the image.</summary>
    Invert,
}
