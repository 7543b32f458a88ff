using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>The draw of a <see cref="RandomResizedCropAndInterpolation"/>: the box and the interpolation picked for it.</summary>
/// <param name="Box">The box, in source pixels.</param>
/// <param name="Interpolation">The interpolation the box is resampled with.</param>
public readonly record struct RandomResizedCropAndInterpolationParams(RandomResizedCropParams Box, Interpolation Interpolation);

/// <summary>
/// timm's <c>RandomResizedCropAndInterpolation</c>: the box of a <see cref="RandomResizedCrop"/>, then an
/// interpolation chosen uniformly from <see cref="Interpolations"/> (timm's <c>interpolation='random'</c> is bilinear
/// or bicubic). With a single interpolation use <see cref="RandomResizedCrop"/> itself, which the loader can fuse.
/// </summary>
public sealed class RandomResizedCropAndInterpolation : RandomTransform<RandomResizedCropAndInterpolationParams>
{
    private readonly Interpolation[] _interpolations;

    /// <summary>Creates the transform.</summary>
    /// <param name="size">The output size, positive in both dimensions.</param>
    /// <param name="scale">The range of the box's area fraction. Default (0.08, 1).</param>
    /// <param name="ratio">The range of the box's aspect ratio (width / height). Default (3/4, 4/3).</param>
    /// <param name="interpolations">The interpolations chosen from; <see langword="null"/> for timm's random pair, bilinear and bicubic.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased (PIL always is).</param>
    /// <exception cref="ArgumentException"><paramref name="interpolations"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size, range or interpolation is invalid.</exception>
    public RandomResizedCropAndInterpolation(
        ImageSize size,
        ValueRange? scale = null,
        ValueRange? ratio = null,
        IReadOnlyList<Interpolation>? interpolations = null,
        bool antialias = true)
    {
        _interpolations = interpolations is null ? [Interpolation.Bilinear, Interpolation.Bicubic] : [.. interpolations];
        if (_interpolations.Length == 0)
        {
            throw new ArgumentException("At least one interpolation is needed.", nameof(interpolations));
        }

        foreach (Interpolation interpolation in _interpolations)
        {
            InterpolationValidation.Validate(interpolation, nameof(interpolations));
        }

        Crop = new RandomResizedCrop(size, scale, ratio, _interpolations[0], antialias);
    }

    /// <summary>The box sampling (its <see cref="RandomResizedCrop.Interpolation"/> is unused).</summary>
    public RandomResizedCrop Crop { get; }

    /// <summary>The interpolations chosen from, uniformly.</summary>
    public IReadOnlyList<Interpolation> Interpolations => _interpolations;

    /// <inheritdoc />
    public override RandomResizedCropAndInterpolationParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        RandomResizedCropParams box = Crop.Draw(channels, size, ref random);
        Interpolation interpolation = _interpolations.Length == 1 ? _interpolations[0] : _interpolations[random.NextInt32(_interpolations.Length)];
        return new RandomResizedCropAndInterpolationParams(box, interpolation);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomResizedCropAndInterpolationParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        RandomResizedCropParams box = parameters.Box;
        ImageTensor output = ResizeKernels.Resize(image, box.Top, box.Left, box.Height, box.Width, Crop.Size, parameters.Interpolation, Crop.Antialias);
        image.Dispose();
        return output;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomResizedCropAndInterpolation(size={Crop.Size}, scale={Crop.Scale}, ratio={Crop.Ratio}, interpolations=[{string.Join(", ", _interpolations)}], antialias={Crop.Antialias})";
}
