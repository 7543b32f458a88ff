namespace Augment.Kernels.Warp;

/// <summary>How an affine warp samples the source image (torchvision's <c>grid_sample</c> modes).</summary>
public enum WarpInterpolation
{
    /// <summary>The nearest source pixel, ties rounded to even.</summary>
    Nearest,

    /// <summary>Bilinear interpolation of the four surrounding source pixels.</summary>
    Bilinear,
}
