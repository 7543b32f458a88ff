using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Cuts the fixed window (<see cref="Top"/>, <see cref="Left"/>, <see cref="Height"/>, <see cref="Width"/>) out of
/// the image (torchvision's <c>crop</c>). Parts of the window outside the image are zero, as in torchvision.
/// </summary>
public sealed class Crop : Transform, ISamplingStep
{
    /// <summary>Creates the transform.</summary>
    /// <param name="top">The window's first row; may be negative (zero padding above).</param>
    /// <param name="left">The window's first column; may be negative (zero padding on the left).</param>
    /// <param name="height">The window's height, positive.</param>
    /// <param name="width">The window's width, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    public Crop(int top, int left, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Top = top;
        Left = left;
        Height = height;
        Width = width;
    }

    /// <summary>The window's first row.</summary>
    public int Top { get; }

    /// <summary>The window's first column.</summary>
    public int Left { get; }

    /// <summary>The window's height.</summary>
    public int Height { get; }

    /// <summary>The window's width.</summary>
    public int Width { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.PaddedWindow;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random) => plan.Crop(Top, Left, Height, Width, fill: 0f);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder) =>
        Window(image, Top, Left, Height, Width);

    /// <summary>
    /// Returns the window of <paramref name="image"/> as a new tensor and disposes <paramref name="image"/>, or
    /// returns <paramref name="image"/> itself when the window is the whole image. Outside the image: <paramref name="fill"/>.
    /// </summary>
    /// <param name="image">The image; ownership passes to the call.</param>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height, positive.</param>
    /// <param name="width">The window's width, positive.</param>
    /// <param name="flip">Mirroring fused into the copy.</param>
    /// <param name="fill">The value of the pixels outside the image.</param>
    public static ImageTensor Window(ImageTensor image, int top, int left, int height, int width, FlipMode flip = FlipMode.None, float fill = 0f)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (top == 0 && left == 0 && height == image.Height && width == image.Width && flip == FlipMode.None)
        {
            return image;
        }

        var result = ImageTensor.Create(image.Channels, height, width);
        try
        {
            CropKernels.Crop(image, top, left, result, flip, fill);
        }
        catch
        {
            result.Dispose();
            throw;
        }

        image.Dispose();
        return result;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Crop(top={Top}, left={Left}, height={Height}, width={Width})";
}
