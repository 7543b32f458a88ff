using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Crops a fixed box and resizes it (torchvision's <c>resized_crop</c>), in one resampling pass over the box: the
/// box is never copied out of the image.
/// </summary>
public sealed class ResizedCrop : Transform, ISamplingStep
{
    /// <summary>Creates a resized crop.</summary>
    /// <param name="top">The box's first row, non-negative.</param>
    /// <param name="left">The box's first column, non-negative.</param>
    /// <param name="height">The box's height, positive.</param>
    /// <param name="width">The box's width, positive.</param>
    /// <param name="size">The output size (a shorter side applies to the box).</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentOutOfRangeException">A box coordinate is negative or a side not positive.</exception>
    public ResizedCrop(int top, int left, int height, int width, ResizeSize size, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
    {
        Top = top >= 0 ? top : throw new ArgumentOutOfRangeException(nameof(top), top, $"The box's top must be non-negative, got {top}.");
        Left = left >= 0 ? left : throw new ArgumentOutOfRangeException(nameof(left), left, $"The box's left must be non-negative, got {left}.");
        Height = height > 0 ? height : throw new ArgumentOutOfRangeException(nameof(height), height, $"The box's height must be positive, got {height}.");
        Width = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width), width, $"The box's width must be positive, got {width}.");
        Resize = new Resize(size, interpolation, antialias);
    }

    /// <summary>The box's first row.</summary>
    public int Top { get; }

    /// <summary>The box's first column.</summary>
    public int Left { get; }

    /// <summary>The box's height.</summary>
    public int Height { get; }

    /// <summary>The box's width.</summary>
    public int Width { get; }

    /// <summary>The output size, interpolation and antialiasing.</summary>
    public Resize Resize { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Window | SamplingEffects.Resize;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random)
    {
        plan.Crop(Top, Left, Height, Width);
        plan.Resize(Resize.Size.Resolve(new ImageSize(Height, Width)), Resize.Interpolation, Resize.Antialias);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder) => Apply(image);

    /// <summary>Crops and resizes <paramref name="image"/>. Takes ownership of it.</summary>
    /// <param name="image">The image; ownership passes to the transform.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The box is not inside the image.</exception>
    public ImageTensor Apply(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageSize size = Resize.Size.Resolve(new ImageSize(Height, Width));
        ImageTensor output = ResizeKernels.Resize(image, Top, Left, Height, Width, size, Resize.Interpolation, Resize.Antialias);
        image.Dispose();
        return output;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ResizedCrop(top={Top}, left={Left}, height={Height}, width={Width}, size={Resize.Size}, interpolation={Resize.Interpolation}, antialias={Resize.Antialias})";
}
