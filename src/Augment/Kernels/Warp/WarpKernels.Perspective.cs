using Augment.Imaging;

namespace Augment.Kernels.Warp;

public static partial class WarpKernels
{
    /// <summary>
    /// Applies torchvision's <c>F.perspective</c>: the map that takes <paramref name="endpoints"/> to
    /// <paramref name="startpoints"/> (<see cref="PerspectiveCoefficients.FromPoints"/>) sends each output pixel to
    /// the input position it samples; outside pixels take the fill.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="startpoints">Corners in the input image.</param>
    /// <param name="endpoints">Where those corners land in the output.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <returns>A new image of the same size.</returns>
    /// <exception cref="ArgumentException">The fill has neither 0, 1 nor C values, or the corners are degenerate.</exception>
    public static ImageTensor Perspective(ImageTensor source, in PerspectiveQuad startpoints, in PerspectiveQuad endpoints, Interpolation interpolation, ReadOnlySpan<float> fill) =>
        Perspective(source, PerspectiveCoefficients.FromPoints(startpoints, endpoints), interpolation, fill);

    /// <summary>Samples <paramref name="source"/> through the perspective map <paramref name="coefficients"/> (torchvision's tensor <c>perspective</c>).</summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="coefficients">The map from output pixels to input positions.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <returns>A new image of the same size.</returns>
    /// <exception cref="ArgumentException">The fill has neither 0, 1 nor C values.</exception>
    public static ImageTensor Perspective(ImageTensor source, in PerspectiveCoefficients coefficients, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateSampling(source.Channels, interpolation, fill);
        var destination = ImageTensor.Create(source.Channels, source.Size);
        Sample(source, destination, new PerspectiveMap(coefficients, source.Width, source.Height), interpolation, fill);
        return destination;
    }

    /// <summary>
    /// Writes the perspective warp of <paramref name="source"/> into <paramref name="destination"/>, as
    /// <see cref="Perspective(ImageTensor, in PerspectiveCoefficients, Interpolation, ReadOnlySpan{float})"/> does,
    /// allocating nothing.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="coefficients">The map from output pixels to input positions.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <param name="destination">An image of the source's shape, not the source itself.</param>
    /// <exception cref="ArgumentException">The fill has neither 0, 1 nor C values, or the destination's shape differs.</exception>
    public static void Perspective(ImageTensor source, in PerspectiveCoefficients coefficients, Interpolation interpolation, ReadOnlySpan<float> fill, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateSampling(source.Channels, interpolation, fill);
        ValidateDestination(source, destination, source.Size);
        Sample(source, destination, new PerspectiveMap(coefficients, source.Width, source.Height), interpolation, fill);
    }
}
