using Augment.Imaging;
using Augment.Kernels.Occlusion;
using Augment.Randomness;

namespace Augment.Transforms.Occlusion;

/// <summary>The drawn holes of a <see cref="Cutout"/>, already clipped to the image (a hole may be empty).</summary>
/// <param name="Holes">The rectangles to fill.</param>
public readonly record struct CutoutParams(BoxList Holes);

/// <summary>
/// Cutout (DeVries and Taylor, 2017): fills <see cref="Holes"/> squares of side <see cref="Length"/> whose centres are
/// drawn uniformly over the image, so a square may lie partly outside and is clipped; see
/// <see cref="OcclusionKernels.Cutout"/>.
/// </summary>
/// <remarks>
/// The reference implementation runs after normalization and fills with 0, which there is the dataset mean; before
/// normalization pass the mean itself as the fill. Draws, for each hole, the centre row then the centre column.
/// </remarks>
public sealed class Cutout : RandomTransform<CutoutParams>
{
    private readonly float[] _fill;

    /// <summary>Creates the transform with one fill value for every channel.</summary>
    /// <param name="holes">The number of squares, 1 to <see cref="BoxList.Capacity"/>.</param>
    /// <param name="length">The side of each square in pixels, non-negative.</param>
    /// <param name="fill">The fill value, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public Cutout(int holes, int length, float fill = 0f)
        : this(holes, length, [fill])
    {
    }

    /// <summary>Creates the transform with one fill value per channel.</summary>
    /// <param name="holes">The number of squares, 1 to <see cref="BoxList.Capacity"/>.</param>
    /// <param name="length">The side of each square in pixels, non-negative.</param>
    /// <param name="fill">One finite value, or one per channel.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is empty.</exception>
    public Cutout(int holes, int length, ReadOnlySpan<float> fill)
    {
        if (holes is < 1 or > BoxList.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(holes), holes, $"holes must lie in [1, {BoxList.Capacity}], got {holes}.");
        }

        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be non-negative, got {length}.");
        }

        if (fill.IsEmpty)
        {
            throw new ArgumentException("fill needs at least one value.", nameof(fill));
        }

        foreach (float value in fill)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(fill), value, $"fill values must be finite, got {value}.");
            }
        }

        Holes = holes;
        Length = length;
        _fill = fill.ToArray();
    }

    /// <summary>The number of squares.</summary>
    public int Holes { get; }

    /// <summary>The side of each square in pixels.</summary>
    public int Length { get; }

    /// <summary>The fill: one value, or one per channel.</summary>
    public ReadOnlySpan<float> Fill => _fill;

    /// <inheritdoc />
    public override CutoutParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        size.ThrowIfEmpty(nameof(size));
        Span<PixelBox> holes = stackalloc PixelBox[Holes];
        for (int i = 0; i < holes.Length; i++)
        {
            int centerY = random.NextInt32(size.Height);
            int centerX = random.NextInt32(size.Width);
            (int top, int left, int height, int width) = OcclusionKernels.CutoutBox(size, centerY, centerX, Length);
            holes[i] = new PixelBox(top, left, height, width);
        }

        return new CutoutParams(new BoxList(holes));
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in CutoutParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        BoxList holes = parameters.Holes;
        for (int i = 0; i < holes.Count; i++)
        {
            PixelBox box = holes[i];
            OcclusionKernels.Erase(image, box.Top, box.Left, box.Height, box.Width, _fill);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"Cutout(holes={Holes}, length={Length}, fill=[{string.Join(", ", _fill)}])";
}
