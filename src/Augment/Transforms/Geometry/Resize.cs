using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Resizes the image (torchvision's <c>Resize</c>): to a shorter side, optionally capped, or to an explicit
/// (height, width), with PIL-exact antialiased bilinear or bicubic, plain bilinear or bicubic, or nearest.
/// </summary>
public sealed class Resize : Transform, ISamplingStep
{
    /// <summary>Creates a resize to an output size.</summary>
    /// <param name="size">The output size.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentException"><paramref name="size"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interpolation"/> is not defined.</exception>
    public Resize(ResizeSize size, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
    {
        if (size.IsExplicit && size.Height == 0)
        {
            throw new ArgumentException("A default ResizeSize states no size; use ResizeSize.FromShorterSide or ResizeSize.Exact.", nameof(size));
        }

        Size = size;
        Interpolation = InterpolationValidation.Validate(interpolation, nameof(interpolation));
        Antialias = antialias;
    }

    /// <summary>Creates a resize of the shorter side to <paramref name="size"/> (see <see cref="ResizeSize.FromShorterSide"/>).</summary>
    /// <param name="size">The shorter side, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <param name="maxSize">The cap on the longer side, or <see langword="null"/>.</param>
    public Resize(int size, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true, int? maxSize = null)
        : this(ResizeSize.FromShorterSide(size, maxSize), interpolation, antialias)
    {
    }

    /// <summary>The output size.</summary>
    public ResizeSize Size { get; }

    /// <summary>The interpolation.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Whether bilinear and bicubic downscaling are antialiased.</summary>
    public bool Antialias { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Resize;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Resize(Size.Resolve(plan.Size), Interpolation, Antialias);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder) => Apply(image);

    /// <summary>Resizes <paramref name="image"/>. Takes ownership of it; returns it unchanged when the size already matches.</summary>
    /// <param name="image">The image; ownership passes to the transform.</param>
    /// <returns>The resized image.</returns>
    public ImageTensor Apply(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageSize size = Size.Resolve(image.Size);
        if (size == image.Size)
        {
            return image;
        }

        ImageTensor output = ResizeKernels.Resize(image, 0, 0, image.Height, image.Width, size, Interpolation, Antialias);
        image.Dispose();
        return output;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Resize(size={(Size.IsExplicit ? $"[{Size.Height}, {Size.Width}]" : $"{Size.ShorterSide}")}, interpolation={Interpolation}, maxSize={(Size.MaxSize is { } max ? $"{max}" : "None")}, antialias={Antialias})";
}
