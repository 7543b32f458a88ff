using System.Buffers;
using Augment.Imaging;

namespace Augment.Kernels.Warp;

public static partial class WarpKernels
{
    /// <summary>
    /// Applies torchvision's <c>F.elastic_transform</c>: each output pixel samples the input at torch's identity grid
    /// plus <paramref name="displacement"/> (normalised units); outside pixels take the fill.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="displacement">A field of the image's size; it is not modified or returned to its pool.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <returns>A new image of the same size.</returns>
    /// <exception cref="ArgumentException">The fill has neither 0, 1 nor C values, or the field's size differs from the image's.</exception>
    public static ImageTensor Elastic(ImageTensor source, in DisplacementField displacement, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateElastic(source, displacement, interpolation, fill);
        var destination = ImageTensor.Create(source.Channels, source.Size);
        SampleElastic(source, displacement, interpolation, fill, destination);
        return destination;
    }

    /// <summary>
    /// Writes the elastic warp of <paramref name="source"/> into <paramref name="destination"/>, as
    /// <see cref="Elastic(ImageTensor, in DisplacementField, Interpolation, ReadOnlySpan{float})"/> does, allocating nothing.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="displacement">A field of the image's size; it is not modified or returned to its pool.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The value per channel (or one for all) outside the input; empty for plain zero padding.</param>
    /// <param name="destination">An image of the source's shape, not the source itself.</param>
    /// <exception cref="ArgumentException">The fill, the field's size or the destination's shape is wrong.</exception>
    public static void Elastic(ImageTensor source, in DisplacementField displacement, Interpolation interpolation, ReadOnlySpan<float> fill, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ValidateElastic(source, displacement, interpolation, fill);
        ValidateDestination(source, destination, source.Size);
        SampleElastic(source, displacement, interpolation, fill, destination);
    }

    private static void ValidateElastic(ImageTensor source, in DisplacementField displacement, Interpolation interpolation, ReadOnlySpan<float> fill)
    {
        ValidateSampling(source.Channels, interpolation, fill);
        if (!displacement.IsAllocated || displacement.Height != source.Height || displacement.Width != source.Width)
        {
            throw new ArgumentException(
                $"The displacement field is {displacement.Height}x{displacement.Width}; the image is {source.Height}x{source.Width}.", nameof(displacement));
        }
    }

    private static void SampleElastic(ImageTensor source, in DisplacementField displacement, Interpolation interpolation, ReadOnlySpan<float> fill, ImageTensor destination)
    {
        float[] identityX = ArrayPool<float>.Shared.Rent(source.Width);
        try
        {
            DisplacementMap.FillIdentity(identityX.AsSpan(0, source.Width));
            Sample(source, destination, new DisplacementMap(displacement, identityX), interpolation, fill);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(identityX);
        }
    }
}
