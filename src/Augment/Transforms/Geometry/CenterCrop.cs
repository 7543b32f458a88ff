using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Cuts a <see cref="Height"/> x <see cref="Width"/> window out of the centre of the image (torchvision's
/// <c>center_crop</c>): <c>top = round((H - h) / 2)</c> with round-half-to-even, <c>left</c> likewise. A crop larger
/// than the image along a side is zero-padded on that side, symmetrically, the extra pixel going bottom/right.
/// </summary>
public sealed class CenterCrop : Transform, ISamplingStep
{
    /// <summary>Creates the transform.</summary>
    /// <param name="height">The crop height, positive.</param>
    /// <param name="width">The crop width, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    public CenterCrop(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
    }

    /// <summary>Creates a square crop.</summary>
    /// <param name="size">The side, positive.</param>
    public CenterCrop(int size)
        : this(size, size)
    {
    }

    /// <summary>The crop height.</summary>
    public int Height { get; }

    /// <summary>The crop width.</summary>
    public int Width { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.PaddedWindow;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random)
    {
        (int top, int left) = Corner(plan.Size, Height, Width);
        plan.Crop(top, left, Height, Width, fill: 0f);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(image);
        (int top, int left) = Corner(image.Size, Height, Width);
        return Crop.Window(image, top, left, Height, Width);
    }

    /// <summary>
    /// The window's top-left corner in image coordinates for a centred <paramref name="height"/> x
    /// <paramref name="width"/> crop of an image of <paramref name="size"/>; negative where the crop is larger.
    /// </summary>
    /// <param name="size">The image size.</param>
    /// <param name="height">The crop height.</param>
    /// <param name="width">The crop width.</param>
    public static (int Top, int Left) Corner(ImageSize size, int height, int width) =>
        (Offset(size.Height, height), Offset(size.Width, width));

    // torchvision pads (crop - image) // 2 before and the rest after, then crops at round((padded - crop) / 2) = 0.
    private static int Offset(int image, int crop) =>
        crop > image ? -((crop - image) / 2) : (int)Math.Round((image - crop) / 2.0, MidpointRounding.ToEven);

    /// <inheritdoc />
    public override string ToString() =>
        $"CenterCrop(height={Height}, width={Width})";
}
