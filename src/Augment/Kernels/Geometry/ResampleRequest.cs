using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>What <see cref="Resampler"/> computes: a source window, the output size, the interpolation and an optional horizontal mirror.</summary>
/// <param name="Top">The window's first row.</param>
/// <param name="Left">The window's first column.</param>
/// <param name="Height">The window's height.</param>
/// <param name="Width">The window's width.</param>
/// <param name="DestinationHeight">The output height.</param>
/// <param name="DestinationWidth">The output width.</param>
/// <param name="Interpolation">The interpolation.</param>
/// <param name="Antialias">Whether bilinear and bicubic downscaling use PIL's antialiased filters.</param>
/// <param name="Mirror">Whether the output is mirrored left-right (a horizontal flip folded into the resampling).</param>
internal readonly record struct ResampleRequest(
    int Top,
    int Left,
    int Height,
    int Width,
    int DestinationHeight,
    int DestinationWidth,
    Interpolation Interpolation,
    bool Antialias,
    bool Mirror = false);
