using System.Buffers;
using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>The drawn window of a <see cref="RandomCrop"/>: its corner in the coordinates of the padded image.</summary>
/// <param name="Top">The first row, in [0, padded height - crop height].</param>
/// <param name="Left">The first column, in [0, padded width - crop width].</param>
public readonly record struct RandomCropParams(int Top, int Left);

/// <summary>
/// Cuts a <see cref="Height"/> x <see cref="Width"/> window at a uniformly random position (torchvision's
/// <c>RandomCrop</c>), after optional <see cref="Padding"/> and, with <see cref="PadIfNeeded"/>, padding of a side
/// shorter than the crop. The padding is never materialised: the crop reads through an index map.
/// </summary>
/// <remarks>
/// As in torchvision, <see cref="PadIfNeeded"/> pads a short side by <c>crop - side</c> on <em>both</em> ends,
/// after <see cref="Padding"/>; reflect and symmetric padding of an already padded side reflect that padded side.
/// Where torchvision refuses a reflection longer than the side, this one keeps reflecting periodically.
/// </remarks>
public sealed class RandomCrop : RandomTransform<RandomCropParams>, ISamplingStep
{
    private const int StackIndexLimit = 1024;

    /// <summary>Creates the transform.</summary>
    /// <param name="height">The crop height, positive.</param>
    /// <param name="width">The crop width, positive.</param>
    /// <param name="padding">Padding added to every image first; non-negative.</param>
    /// <param name="padIfNeeded">Whether to pad a side shorter than the crop instead of throwing.</param>
    /// <param name="fill">The fill value of <see cref="PaddingMode.Constant"/> padding.</param>
    /// <param name="paddingMode">How padded pixels are made up.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the padding is negative, <paramref name="fill"/> is not finite or the mode is unknown.</exception>
    public RandomCrop(int height, int width, Padding padding = default, bool padIfNeeded = false, float fill = 0f, PaddingMode paddingMode = PaddingMode.Constant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        padding.ThrowIfNegative(nameof(padding));
        if (!float.IsFinite(fill))
        {
            throw new ArgumentOutOfRangeException(nameof(fill), fill, $"The fill value must be finite, got {fill}.");
        }

        if (!Enum.IsDefined(paddingMode))
        {
            throw new ArgumentOutOfRangeException(nameof(paddingMode), paddingMode, $"Unknown padding mode {paddingMode}.");
        }

        Height = height;
        Width = width;
        Padding = padding;
        PadIfNeeded = padIfNeeded;
        Fill = fill;
        PaddingMode = paddingMode;
    }

    /// <summary>Creates a square crop with no padding.</summary>
    /// <param name="size">The side, positive.</param>
    public RandomCrop(int size)
        : this(size, size)
    {
    }

    /// <summary>The crop height.</summary>
    public int Height { get; }

    /// <summary>The crop width.</summary>
    public int Width { get; }

    /// <summary>The padding added to every image first.</summary>
    public Padding Padding { get; }

    /// <summary>Whether a side shorter than the crop is padded.</summary>
    public bool PadIfNeeded { get; }

    /// <summary>The fill value of constant padding.</summary>
    public float Fill { get; }

    /// <summary>How padded pixels are made up.</summary>
    public PaddingMode PaddingMode { get; }

    /// <summary>The size of an image of <paramref name="size"/> once padded, i.e. the space the corner is drawn in.</summary>
    /// <param name="size">The image size.</param>
    /// <exception cref="ArgumentException">The padded image is still smaller than the crop.</exception>
    public ImageSize PaddedSize(ImageSize size)
    {
        size.ThrowIfEmpty(nameof(size));
        (int extraTop, int extraLeft) = Extra(size);
        ImageSize padded = Padding.Apply(size);
        padded = new ImageSize(padded.Height + (2 * extraTop), padded.Width + (2 * extraLeft));
        if (padded.Height < Height || padded.Width < Width)
        {
            throw new ArgumentException(
                $"RandomCrop of {Height}x{Width} is larger than the {size} image (padded to {padded}); add padding or set padIfNeeded.",
                nameof(size));
        }

        return padded;
    }

    /// <inheritdoc />
    /// <remarks>A window inside the image without padding; constant padding fuses as a padded window; other modes do not fuse.</remarks>
    SamplingEffects ISamplingStep.Effects =>
        Padding.IsNone && !PadIfNeeded ? SamplingEffects.Window
        : PaddingMode == PaddingMode.Constant ? SamplingEffects.PaddedWindow
        : SamplingEffects.None;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random)
    {
        ImageSize size = plan.Size;
        (int top, int left) = Corner(size, Draw(3, size, ref random));
        plan.Crop(top, left, Height, Width, Padding.IsNone && !PadIfNeeded ? null : Fill);
    }

    /// <inheritdoc />
    public override RandomCropParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        ImageSize padded = PaddedSize(size);
        int top = random.NextInt32(padded.Height - Height + 1);
        int left = random.NextInt32(padded.Width - Width + 1);
        return new RandomCropParams(top, left);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The window lies outside the padded image.</exception>
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomCropParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageSize padded = PaddedSize(image.Size);
        if ((uint)parameters.Top > (uint)(padded.Height - Height) || (uint)parameters.Left > (uint)(padded.Width - Width))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, $"The {Height}x{Width} window is not inside the padded {padded} image.");
        }

        (int top, int left) = Corner(image.Size, parameters);
        if (PaddingMode == PaddingMode.Constant || (top >= 0 && left >= 0 && top + Height <= image.Height && left + Width <= image.Width))
        {
            // Constant padding in one or two stages only shifts the window; the crop kernel fills the outside.
            return Crop.Window(image, top, left, Height, Width, FlipMode.None, Fill);
        }

        (int extraTop, int extraLeft) = Extra(image.Size);
        return Gather(image, parameters, extraTop, extraLeft);
    }

    // The window's corner in the coordinates of the unpadded image of `size` (negative inside the padding).
    private (int Top, int Left) Corner(ImageSize size, in RandomCropParams parameters)
    {
        (int extraTop, int extraLeft) = Extra(size);
        return (parameters.Top - extraTop - Padding.Top, parameters.Left - extraLeft - Padding.Left);
    }

    private ImageTensor Gather(ImageTensor image, RandomCropParams parameters, int extraTop, int extraLeft)
    {
        int[]? rented = null;
        int length = Height + Width;
        Span<int> maps = length <= StackIndexLimit ? stackalloc int[StackIndexLimit] : (rented = ArrayPool<int>.Shared.Rent(length));
        try
        {
            Span<int> rows = maps[..Height];
            Span<int> columns = maps.Slice(Height, Width);
            Map(rows, parameters.Top, extraTop, Padding.Top, image.Height + Padding.Top + Padding.Bottom, image.Height);
            Map(columns, parameters.Left, extraLeft, Padding.Left, image.Width + Padding.Left + Padding.Right, image.Width);
            var cropped = ImageTensor.Create(image.Channels, Height, Width);
            CropKernels.Gather(image, rows, columns, cropped, Fill);
            image.Dispose();
            return cropped;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    // Padded coordinate -> coordinate after the first padding (length `stage`) -> source coordinate (length `source`).
    private void Map(Span<int> map, int start, int extra, int before, int stage, int source)
    {
        for (int i = 0; i < map.Length; i++)
        {
            int inStage = Padding.MapIndex((long)start + i - extra, stage, PaddingMode);
            map[i] = Padding.MapIndex((long)inStage - before, source, PaddingMode);
        }
    }

    // The pad-if-needed amounts (each added on both ends) for the image once padded by Padding.
    private (int Top, int Left) Extra(ImageSize size)
    {
        if (!PadIfNeeded)
        {
            return (0, 0);
        }

        ImageSize padded = Padding.Apply(size);
        return (Math.Max(Height - padded.Height, 0), Math.Max(Width - padded.Width, 0));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomCrop(height={Height}, width={Width}, padding={Padding}, padIfNeeded={PadIfNeeded}, fill={Fill}, paddingMode={PaddingMode})";
}
