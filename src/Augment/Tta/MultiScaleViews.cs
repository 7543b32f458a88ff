using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Transforms.Geometry;

namespace Augment.Tta;

/// <summary>
/// Multi-scale testing: for each scale s, the image resized so that its shorter side is s, then centre-cropped to
/// the view size (zero-padded if the resized image is smaller); optionally each view is followed by the centre
/// crop of the left-right mirrored image (as <see cref="Transforms.Geometry.TenCrop"/> does). Default: scales 224, 256, 288 and 320 with 224 × 224 crops.
/// </summary>
public sealed class MultiScaleViews : TestTimeViews
{
    private readonly Resize[] _resizes;
    private readonly int[] _scales;

    /// <summary>Creates the recipe.</summary>
    /// <param name="scales">The shorter sides to resize to, each positive; <see langword="null"/> for 224, 256, 288, 320.</param>
    /// <param name="cropHeight">The view height, positive.</param>
    /// <param name="cropWidth">The view width, positive.</param>
    /// <param name="mirror">Whether to add the left-right mirror of every view (doubling <see cref="Count"/>).</param>
    /// <param name="interpolation">The resampling filter.</param>
    /// <param name="antialias">Whether downscaling is antialiased.</param>
    /// <exception cref="ArgumentException"><paramref name="scales"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scale or crop side is not positive.</exception>
    public MultiScaleViews(
        int[]? scales = null,
        int cropHeight = 224,
        int cropWidth = 224,
        bool mirror = false,
        Interpolation interpolation = Interpolation.Bilinear,
        bool antialias = true)
    {
        scales ??= [224, 256, 288, 320];
        if (scales.Length == 0)
        {
            throw new ArgumentException("Multi-scale testing needs at least one scale.", nameof(scales));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropWidth);
        _scales = [.. scales];
        _resizes = new Resize[scales.Length];
        for (int i = 0; i < scales.Length; i++)
        {
            if (scales[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(scales), scales[i], $"Scale {i} must be positive, got {scales[i]}.");
            }

            _resizes[i] = new Resize(scales[i], interpolation, antialias);
        }

        ViewSize = new ImageSize(cropHeight, cropWidth);
        Mirror = mirror;
    }

    /// <summary>The shorter sides, in view order.</summary>
    public ReadOnlySpan<int> Scales => _scales;

    /// <summary>Whether every view is followed by its left-right mirror.</summary>
    public bool Mirror { get; }

    /// <inheritdoc />
    public override int Count => _scales.Length * (Mirror ? 2 : 1);

    /// <inheritdoc />
    public override ImageSize ViewSize { get; }

    /// <inheritdoc />
    public override void Write(ImageTensor image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        int viewLength = image.Channels * ViewSize.Height * ViewSize.Width;
        if (destination.Length < (long)Count * viewLength)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} elements; {Count} views of {image.Channels}x{ViewSize.Height}x{ViewSize.Width} need {(long)Count * viewLength}.",
                nameof(destination));
        }

        int view = 0;
        foreach (Resize resize in _resizes)
        {
            using ImageTensor resized = resize.Apply(image.Clone());
            (int top, int left) = CenterCrop.Corner(resized.Size, ViewSize.Height, ViewSize.Width);
            CropKernels.Crop(resized.Data, resized.Channels, resized.Size, top, left, destination.Slice(view++ * viewLength, viewLength), ViewSize);
            if (Mirror)
            {
                // The centre crop of the mirrored image (as TenCrop takes it): the window at the mirrored corner, mirrored.
                int mirroredLeft = resized.Width - left - ViewSize.Width;
                CropKernels.Crop(resized.Data, resized.Channels, resized.Size, top, mirroredLeft, destination.Slice(view++ * viewLength, viewLength), ViewSize, FlipMode.Horizontal);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"MultiScaleViews [{string.Join(", ", _scales)}] -> {ViewSize}" + (Mirror ? " + mirrors" : string.Empty);
}
