using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// What <see cref="Resampler"/> computes: a source window resized to <see cref="Resized"/> (by default the output
/// size), of which the <see cref="DestinationHeight"/> x <see cref="DestinationWidth"/> block at
/// (<see cref="RowOffset"/>, <see cref="ColumnOffset"/>) is produced, optionally mirrored on either axis.
/// </summary>
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
    bool Mirror = false)
{
    /// <summary>Whether the output is mirrored top-bottom (a vertical flip folded into the resampling).</summary>
    public bool MirrorVertical { get; init; }

    /// <summary>
    /// The size the whole window is resized to when only a block of that resize is wanted (resize, then crop, with
    /// the kernel map of the full resize evaluated for the block's rows and columns only); the default value means
    /// the output size.
    /// </summary>
    public ImageSize Resized { get; init; }

    /// <summary>The row of the resized window that output row 0 holds before mirroring.</summary>
    public int RowOffset { get; init; }

    /// <summary>The column of the resized window that output column 0 holds before mirroring.</summary>
    public int ColumnOffset { get; init; }

    /// <summary>The size the window is resized to: <see cref="Resized"/>, or the output size when that is the default.</summary>
    public ImageSize FullSize => Resized.Height == 0 ? new ImageSize(DestinationHeight, DestinationWidth) : Resized;
}
