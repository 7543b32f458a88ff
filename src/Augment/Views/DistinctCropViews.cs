using System.Buffers;
using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Views;

/// <summary>
/// A <see cref="ViewGroup"/> of k distinct crops of each image: after <see cref="Before"/>, k corners drawn without
/// repetition from the image's grid of valid corners (each k-subset equally likely, in random order), the crops cut
/// straight into the sample's rows of the batch.
/// </summary>
/// <remarks>
/// <see cref="Draw"/> (the corners, a replayable parameter record per view) and <see cref="Apply"/> (a pure crop) are
/// split as in every random transform. The corners draw from <c>Fork(g).Fork(0)</c>, <see cref="Before"/> from
/// <c>Fork(g).Fork(1)</c>. A draw allocates nothing whatever the image's size.
/// </remarks>
internal sealed class DistinctCropViews : ViewGroup
{
    /// <summary>The most views whose corners are drawn into stack scratch.</summary>
    private const int StackViews = 64;

    public DistinctCropViews(string name, int count, int cropHeight, int cropWidth, ITransform? before, int strideY, int strideX)
        : base(name, count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideX);
        CropSize = new ImageSize(cropHeight, cropWidth);
        Before = before;
        StrideY = strideY;
        StrideX = strideX;
    }

    /// <summary>The size of every crop.</summary>
    public ImageSize CropSize { get; }

    /// <summary>What runs before the crops are cut (e.g. a resize), or <see langword="null"/>.</summary>
    public ITransform? Before { get; }

    /// <summary>The vertical distance between candidate corners.</summary>
    public int StrideY { get; }

    /// <summary>The horizontal distance between candidate corners.</summary>
    public int StrideX { get; }

    internal override IEnumerable<ITransform> Pipelines => Before is null ? [] : [Before];

    internal override ITransform? Prefix => Before;

    internal override RandomSource PrefixStream(RandomSource group) => group.Fork(1);

    internal override void WriteAfterPrefix(ImageTensor prepared, RandomSource group, IViewTarget target) => WriteCrops(prepared, group.Fork(0), target);

    /// <summary>Draws <see cref="ViewGroup.Count"/> distinct corners for an image of <paramref name="size"/> (after <see cref="Before"/>).</summary>
    /// <param name="size">The size of the image the crops are cut from.</param>
    /// <param name="random">The corners' stream.</param>
    /// <param name="destination">Receives the corners, <see cref="ViewGroup.Count"/> long.</param>
    /// <exception cref="ArgumentException">The image has fewer valid corners than views.</exception>
    public void Draw(ImageSize size, ref RandomSource random, Span<CropCorner> destination)
    {
        if (destination.Length != Count)
        {
            throw new ArgumentException($"Got room for {destination.Length} corners, the group has {Count} views.", nameof(destination));
        }

        CornerGrid grid = CornerGrid.Of(size, CropSize, StrideY, StrideX);
        if (grid.Count < Count)
        {
            throw new ArgumentException(
                $"View group '{Name}' cuts {Count} distinct {CropSize} crops on strides {StrideY}x{StrideX} (vertical x horizontal), but the {size} image " +
                $"has only {grid.Count} valid corners ({grid.Rows}x{grid.Columns}). Resize the image larger first (the group's before step, e.g. a Resize whose shorter side exceeds the crop), " +
                "or use a smaller crop, smaller strides or fewer views.",
                nameof(size));
        }

        grid.Draw(ref random, destination);
    }

    /// <summary>Cuts the crops at <paramref name="corners"/> of <paramref name="image"/> (read, not consumed) into the sample's rows, and completes them.</summary>
    /// <param name="image">The image after <see cref="Before"/>.</param>
    /// <param name="corners">One corner per view, e.g. from <see cref="Draw"/>.</param>
    /// <param name="target">The sample's rows.</param>
    /// <exception cref="ArgumentOutOfRangeException">A window leaves the image.</exception>
    public void Apply(ImageTensor image, ReadOnlySpan<CropCorner> corners, IViewTarget target)
    {
        for (int v = 0; v < corners.Length; v++)
        {
            image.ThrowIfWindowOutside(corners[v].Top, corners[v].Left, CropSize.Height, CropSize.Width);
            CropKernels.Crop(image.Data, image.Channels, image.Size, corners[v].Top, corners[v].Left, target.Row(v, image.Channels, CropSize), CropSize);
        }

        target.Complete();
    }

    internal override void Write(ImageTensor image, RandomSource group, IViewTarget target)
    {
        if (Before is null)
        {
            WriteCrops(image, group.Fork(0), target);
            return;
        }

        RandomSource before = group.Fork(1);
        using ImageTensor prepared = Before.Apply(image.Clone(), ref before);
        WriteCrops(prepared, group.Fork(0), target);
    }

    public override string ToString() =>
        $"{Name}: {Count} distinct {CropSize} crops on strides {StrideY}x{StrideX}" + (Before is null ? string.Empty : $" after {Before}");

    private void WriteCrops(ImageTensor image, RandomSource random, IViewTarget target)
    {
        CropCorner[]? rented = Count <= StackViews ? null : ArrayPool<CropCorner>.Shared.Rent(Count);
        Span<CropCorner> corners = rented is null ? stackalloc CropCorner[StackViews] : rented;
        corners = corners[..Count];
        Draw(image.Size, ref random, corners);
        Apply(image, corners, target);
        if (rented is not null)
        {
            ArrayPool<CropCorner>.Shared.Return(rented);
        }
    }
}
