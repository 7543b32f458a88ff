using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// Resampling of CHW float images, exactly as torchvision 0.14's tensor backend does it: antialiased bilinear and
/// bicubic follow PIL's <c>ImagingResample</c> (ATen's <c>_upsample_bilinear2d_aa</c> / <c>_upsample_bicubic2d_aa</c>),
/// plain bilinear and bicubic follow ATen with <c>align_corners = false</c>, and nearest is pixel-centre aligned.
/// </summary>
/// <remarks>
/// The weights of each axis are precomputed per (source length, output length, interpolation) into a few reusable
/// maps per thread, rebuilt in place when the lengths change; the two separable passes are vectorized and use pooled scratch, so a call allocates nothing in steady state (apart
/// from the output tensor of the overloads that return one). The horizontal pass multiplies a band of source samples
/// by weights that are zero outside each output's taps, so a NaN or infinite input sample spreads to the outputs of
/// its whole block of 8 or 16 outputs rather than only to those whose taps cover it.
/// </remarks>
public static class ResizeKernels
{
    /// <summary>Resamples all of <paramref name="source"/> into <paramref name="destination"/> (same channel count, any size).</summary>
    /// <param name="source">The image to read.</param>
    /// <param name="destination">The image to overwrite; its size is the output size.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased (PIL's filters); ignored by nearest.</param>
    /// <exception cref="ArgumentException">The channel counts differ.</exception>
    public static void Resize(ImageTensor source, ImageTensor destination, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        Resize(source, 0, 0, source.Height, source.Width, destination, interpolation, antialias);
    }

    /// <summary>
    /// Resamples the window (<paramref name="top"/>, <paramref name="left"/>, <paramref name="height"/>,
    /// <paramref name="width"/>) of <paramref name="source"/> into <paramref name="destination"/> without copying the
    /// window first: effectively <c>resize(crop(source, top, left, height, width), destination size)</c>.
    /// </summary>
    /// <param name="source">The image to read.</param>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height.</param>
    /// <param name="width">The window's width.</param>
    /// <param name="destination">The image to overwrite; its size is the output size.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased (PIL's filters); ignored by nearest.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or not inside the image.</exception>
    /// <exception cref="ArgumentException">The channel counts differ, or source and destination are the same tensor.</exception>
    public static void Resize(
        ImageTensor source,
        int top,
        int left,
        int height,
        int width,
        ImageTensor destination,
        Interpolation interpolation = Interpolation.Bilinear,
        bool antialias = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Channels != source.Channels)
        {
            throw new ArgumentException($"The destination has {destination.Channels} channels, the source {source.Channels}.", nameof(destination));
        }

        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("Resampling cannot run in place.", nameof(destination));
        }

        source.ThrowIfWindowOutside(top, left, height, width);
        var request = new ResampleRequest(top, left, height, width, destination.Height, destination.Width, interpolation, antialias);
        Resampler.Resample(source.Data, source.Channels, source.Height, source.Width, request, destination.Data);
    }

    /// <summary>Resamples a window of <paramref name="source"/> into a new tensor of spatial size <paramref name="size"/>.</summary>
    /// <param name="source">The image to read; it is not disposed.</param>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height.</param>
    /// <param name="width">The window's width.</param>
    /// <param name="size">The output size.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <returns>A new tensor with the source's channel count.</returns>
    public static ImageTensor Resize(ImageTensor source, int top, int left, int height, int width, ImageSize size, Interpolation interpolation, bool antialias)
    {
        ArgumentNullException.ThrowIfNull(source);
        size.ThrowIfEmpty(nameof(size));
        source.ThrowIfWindowOutside(top, left, height, width);
        var destination = ImageTensor.Create(source.Channels, size);
        Resize(source, top, left, height, width, destination, interpolation, antialias);
        return destination;
    }
}
