using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>The output size drawn by a <see cref="RandomResize"/> (<see cref="ScaleJitter"/>, <see cref="RandomShortestSize"/>).</summary>
/// <param name="Size">The size the whole image is resized to.</param>
public readonly record struct RandomResizeParams(ImageSize Size);

/// <summary>
/// The base of the multi-scale resizes: a subclass draws the output size from the input's, and
/// <see cref="ApplyCore(ImageTensor, in RandomResizeParams)"/> resamples the whole image to it.
/// </summary>
public abstract class RandomResize : RandomTransform<RandomResizeParams>, ISamplingStep
{
    /// <summary>Sets the resampling.</summary>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interpolation is unknown.</exception>
    private protected RandomResize(Interpolation interpolation, bool antialias)
    {
        Interpolation = InterpolationValidation.Validate(interpolation, nameof(interpolation));
        Antialias = antialias;
    }

    /// <summary>The interpolation.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Whether bilinear and bicubic downscaling are antialiased.</summary>
    public bool Antialias { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Resize;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Resize(Draw(3, plan.Size, ref random).Size, Interpolation, Antialias);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomResizeParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageTensor output = ResizeKernels.Resize(image, 0, 0, image.Height, image.Width, parameters.Size, Interpolation, Antialias);
        image.Dispose();
        return output;
    }

    /// <summary>torchvision's size rule: each side times <paramref name="ratio"/>, truncated (kept at least 1 pixel).</summary>
    private protected static RandomResizeParams Scaled(ImageSize size, double ratio) =>
        new(new ImageSize(Math.Max(1, (int)(size.Height * ratio)), Math.Max(1, (int)(size.Width * ratio))));
}
