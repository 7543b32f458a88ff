namespace Augment.Imaging;

/// <summary>
/// How a resampling transform computes a pixel from its source neighbourhood (torchvision's <c>InterpolationMode</c>).
/// Resizes support all three; affine warps and rotations support <see cref="Nearest"/> and <see cref="Bilinear"/>,
/// as torchvision's tensor backend does.
/// </summary>
public enum Interpolation
{
    /// <summary>
    /// The nearest source pixel. Resizes align pixel centres, <c>src = floor((dst + 0.5) * in / out)</c>, and never
    /// antialias; warps round the mapped coordinate half to even, as <c>grid_sample</c> does.
    /// </summary>
    Nearest,

    /// <summary>Linear in each direction (a triangle filter, widened by the scale factor on downscale when antialiased).</summary>
    Bilinear,

    /// <summary>Cubic convolution in each direction: a = -0.5 when antialiased (PIL), a = -0.75 otherwise (ATen).</summary>
    Bicubic,
}
