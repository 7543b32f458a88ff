using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Multi-scale training resize (torchvision v2's <c>RandomShortestSize</c>): picks a shorter-side length uniformly
/// from <see cref="MinSizes"/> and resizes by <c>r = minSize / min(H, W)</c>, lowered to <c>maxSize / max(H, W)</c>
/// when the longer side would exceed <see cref="MaxSize"/>; each side becomes <c>trunc(side · r)</c> (at least 1).
/// </summary>
public sealed class RandomShortestSize : RandomResize
{
    private readonly int[] _minSizes;

    /// <summary>Creates the transform.</summary>
    /// <param name="minSizes">The candidate shorter-side lengths, positive; at least one.</param>
    /// <param name="maxSize">The largest longer side, positive, or <see langword="null"/> for no limit.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentException"><paramref name="minSizes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the interpolation is unknown.</exception>
    public RandomShortestSize(IReadOnlyList<int> minSizes, int? maxSize = null, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
        : base(interpolation, antialias)
    {
        ArgumentNullException.ThrowIfNull(minSizes);
        if (minSizes.Count == 0)
        {
            throw new ArgumentException("RandomShortestSize needs at least one shorter-side length.", nameof(minSizes));
        }

        _minSizes = [.. minSizes];
        foreach (int minSize in _minSizes)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSize, nameof(minSizes));
        }

        if (maxSize is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxSize));
        }

        MaxSize = maxSize;
    }

    /// <summary>Creates the transform with one shorter-side length.</summary>
    /// <param name="minSize">The shorter-side length, positive.</param>
    /// <param name="maxSize">The largest longer side, positive, or <see langword="null"/> for no limit.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    public RandomShortestSize(int minSize, int? maxSize = null, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
        : this([minSize], maxSize, interpolation, antialias)
    {
    }

    /// <summary>The candidate shorter-side lengths.</summary>
    public IReadOnlyList<int> MinSizes => _minSizes;

    /// <summary>The largest longer side, or <see langword="null"/>.</summary>
    public int? MaxSize { get; }

    /// <inheritdoc />
    public override RandomResizeParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        size.ThrowIfEmpty(nameof(size));
        int minSize = _minSizes[random.NextInt32(_minSizes.Length)];
        double ratio = (double)minSize / Math.Min(size.Height, size.Width);
        if (MaxSize is { } max)
        {
            ratio = Math.Min(ratio, (double)max / Math.Max(size.Height, size.Width));
        }

        return Scaled(size, ratio);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomShortestSize(minSize=[{string.Join(", ", _minSizes)}], maxSize={(MaxSize is { } m ? $"{m}" : "None")}, interpolation={Interpolation}, antialias={Antialias})";
}
