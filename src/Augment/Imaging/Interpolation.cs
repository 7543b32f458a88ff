namespace Augment.Imaging;

/// <summary>How a resampling transform computes a pixel from its source neighbourhood (torchvision's <c>InterpolationMode</c>).</summary>
public enum Interpolation
{
    /// <summary>The nearest source pixel, pixel-centre aligned: <c>src = floor((dst + 0.5) * in / out)</c>. Never antialiased.</summary>
    Nearest,

    /// <summary>Linear in each direction (a triangle filter, widened by the scale factor on downscale when antialiased).</summary>
    Bilinear,

    /// <summary>Cubic convolution in each direction: a = -0.5 when antialiased (PIL), a = -0.75 otherwise (ATen).</summary>
    Bicubic,
}
