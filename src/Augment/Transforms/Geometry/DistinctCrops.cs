using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>A crop window's top-left corner.</summary>
/// <param name="Top">The first row.</param>
/// <param name="Left">The first column.</param>
public readonly record struct CropCorner(int Top, int Left);

/// <summary>
/// Draws k distinct crops of one image: the valid corners of a <see cref="CropHeight"/> x <see cref="CropWidth"/>
/// window in an image of <see cref="ImageSize"/> (on a grid of the given strides) are precomputed once, and each
/// draw picks k of them without repetition by a partial Fisher–Yates shuffle of their indices (the draw that
/// <c>ViewGroup.DistinctCrops</c> makes per image in the loader).
/// </summary>
/// <remarks>
/// <see cref="Draw"/> and <see cref="Apply(ImageTensor, ReadOnlySpan{CropCorner}, ReadOnlySpan{ImageTensor})"/>
/// are split as in every random transform, so the corners can be recorded and replayed. The definition is
/// immutable and can be shared between threads; a draw allocates nothing (its index scratch is O(k), on the stack or pooled).
/// </remarks>
public sealed class DistinctCrops
{
    private readonly CornerGrid _grid;
    private readonly CropCorner[] _corners;

    /// <summary>Precomputes the valid corners.</summary>
    /// <param name="imageSize">The size of the images the crops are cut from.</param>
    /// <param name="cropHeight">The crop height, positive, at most the image height.</param>
    /// <param name="cropWidth">The crop width, positive, at most the image width.</param>
    /// <param name="strideY">The vertical distance between candidate corners, positive.</param>
    /// <param name="strideX">The horizontal distance between candidate corners, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is not positive.</exception>
    /// <exception cref="ArgumentException">The crop is larger than the image.</exception>
    public DistinctCrops(ImageSize imageSize, int cropHeight, int cropWidth, int strideY = 1, int strideX = 1)
    {
        imageSize.ThrowIfEmpty(nameof(imageSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideX);
        if (cropHeight > imageSize.Height || cropWidth > imageSize.Width)
        {
            throw new ArgumentException($"The {cropHeight}x{cropWidth} crop is larger than the {imageSize} image.", nameof(cropHeight));
        }

        _grid = CornerGrid.Of(imageSize, new ImageSize(cropHeight, cropWidth), strideY, strideX);
        _corners = new CropCorner[_grid.Count];
        for (int i = 0; i < _corners.Length; i++)
        {
            _corners[i] = _grid[i];
        }

        ImageSize = imageSize;
        CropHeight = cropHeight;
        CropWidth = cropWidth;
    }

    /// <summary>The size of the images the crops are cut from.</summary>
    public ImageSize ImageSize { get; }

    /// <summary>The crop height.</summary>
    public int CropHeight { get; }

    /// <summary>The crop width.</summary>
    public int CropWidth { get; }

    /// <summary>The valid corners, row-major: the most distinct crops one draw can return.</summary>
    public ReadOnlySpan<CropCorner> Corners => _corners;

    /// <summary>Draws <paramref name="destination"/>.Length distinct corners, each k-subset equally likely, in random order.</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="destination">Receives the corners; at most <see cref="Corners"/>.Length long.</param>
    /// <exception cref="ArgumentException">More corners are asked for than exist.</exception>
    public void Draw(ref RandomSource random, Span<CropCorner> destination)
    {
        int n = _corners.Length;
        if (destination.Length > n)
        {
            throw new ArgumentException($"Cannot draw {destination.Length} distinct crops: only {n} corners are valid.", nameof(destination));
        }

        _grid.Draw(ref random, destination);
    }

    /// <summary>Draws <paramref name="count"/> distinct corners and returns the crops as new tensors; <paramref name="image"/> is left as it is.</summary>
    /// <param name="image">An image of <see cref="ImageSize"/>.</param>
    /// <param name="count">How many crops, at most <see cref="Corners"/>.Length.</param>
    /// <param name="random">The random stream.</param>
    /// <exception cref="ArgumentException">The image has another size, or more crops are asked for than exist.</exception>
    public ImageTensor[] Apply(ImageTensor image, int count, ref RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var corners = new CropCorner[count];
        Draw(ref random, corners);
        var crops = new ImageTensor[count];
        for (int i = 0; i < count; i++)
        {
            crops[i] = ImageTensor.Create(image.Channels, CropHeight, CropWidth);
        }

        Apply(image, corners, crops);
        return crops;
    }

    /// <summary>Cuts the crops at <paramref name="corners"/> into caller-provided tensors (the pure apply half).</summary>
    /// <param name="image">An image of <see cref="ImageSize"/>; left as it is.</param>
    /// <param name="corners">The corners, e.g. from <see cref="Draw"/>.</param>
    /// <param name="destination">One tensor of shape (C, <see cref="CropHeight"/>, <see cref="CropWidth"/>) per corner.</param>
    /// <exception cref="ArgumentException">The image has another size, a window leaves the image, or the destinations do not match.</exception>
    public void Apply(ImageTensor image, ReadOnlySpan<CropCorner> corners, ReadOnlySpan<ImageTensor> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Size != ImageSize)
        {
            throw new ArgumentException($"These crops were laid out for {ImageSize} images, got {image.Size}.", nameof(image));
        }

        if (destination.Length != corners.Length)
        {
            throw new ArgumentException($"Got {destination.Length} destinations for {corners.Length} corners.", nameof(destination));
        }

        for (int i = 0; i < corners.Length; i++)
        {
            image.ThrowIfWindowOutside(corners[i].Top, corners[i].Left, CropHeight, CropWidth);
            ImageTensor crop = destination[i] ?? throw new ArgumentNullException(nameof(destination), $"Destination #{i} is null.");
            if (crop.Height != CropHeight || crop.Width != CropWidth)
            {
                throw new ArgumentException($"Destination #{i} is {crop.ShapeString}, expected {image.Channels}x{CropHeight}x{CropWidth}.", nameof(destination));
            }

            CropKernels.Crop(image, corners[i].Top, corners[i].Left, crop);
        }
    }
}
