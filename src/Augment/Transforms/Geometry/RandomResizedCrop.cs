using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms.Sampling;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Crops a random box of random area and aspect ratio and resizes it to a fixed size (torchvision's
/// <c>RandomResizedCrop</c>, the Inception-style training crop). The box is resampled in place: it is never copied.
/// </summary>
/// <remarks>
/// Sampling follows torchvision: up to 10 attempts draw an area fraction uniformly from <see cref="Scale"/> and a
/// log-uniform aspect ratio (width / height) from <see cref="Ratio"/>, round the sides to nearest (half to even) and
/// keep the first box that fits, placed uniformly. If none fits, the fallback is a central box: the whole image,
/// narrowed or shortened to the nearest bound of <see cref="Ratio"/> when the image's own ratio lies outside it.
/// </remarks>
public sealed class RandomResizedCrop : RandomTransform<RandomResizedCropParams>, ISamplingStep
{
    private const int Attempts = 10;

    /// <summary>Creates the transform.</summary>
    /// <param name="size">The output size, positive in both dimensions.</param>
    /// <param name="scale">The range of the box's area as a fraction of the image's: <c>0 &lt; min &lt;= max</c>, finite. Default (0.08, 1).</param>
    /// <param name="ratio">The range of the box's aspect ratio (width / height): <c>0 &lt; min &lt;= max</c>, finite. Default (3/4, 4/3).</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a range is reversed, non-positive or not finite.</exception>
    public RandomResizedCrop(
        ImageSize size,
        ValueRange? scale = null,
        ValueRange? ratio = null,
        Interpolation interpolation = Interpolation.Bilinear,
        bool antialias = true)
    {
        size.ThrowIfEmpty(nameof(size));
        Size = size;
        Scale = (scale ?? (0.08, 1.0)).Validate(0, double.PositiveInfinity, nameof(scale), lowerExclusive: true);
        Ratio = (ratio ?? (3.0 / 4.0, 4.0 / 3.0)).Validate(0, double.PositiveInfinity, nameof(ratio), lowerExclusive: true);
        Interpolation = InterpolationValidation.Validate(interpolation, nameof(interpolation));
        Antialias = antialias;
    }

    /// <summary>Creates the transform with a square output of side <paramref name="size"/>.</summary>
    /// <param name="size">The output side, positive.</param>
    /// <param name="scale">The range of the box's area fraction. Default (0.08, 1).</param>
    /// <param name="ratio">The range of the box's aspect ratio. Default (3/4, 4/3).</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    public RandomResizedCrop(
        int size,
        ValueRange? scale = null,
        ValueRange? ratio = null,
        Interpolation interpolation = Interpolation.Bilinear,
        bool antialias = true)
        : this(new ImageSize(size, size), scale, ratio, interpolation, antialias)
    {
    }

    /// <summary>The output size.</summary>
    public ImageSize Size { get; }

    /// <summary>The range of the box's area as a fraction of the image's.</summary>
    public ValueRange Scale { get; }

    /// <summary>The range of the box's aspect ratio (width / height).</summary>
    public ValueRange Ratio { get; }

    /// <summary>The interpolation.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Whether bilinear and bicubic downscaling are antialiased.</summary>
    public bool Antialias { get; }

    /// <inheritdoc />
    SamplingEffects ISamplingStep.Effects => SamplingEffects.Window | SamplingEffects.Resize;

    /// <inheritdoc />
    void ISamplingStep.Plan(ref SamplingPlan plan, ref RandomSource random)
    {
        RandomResizedCropParams p = Draw(3, plan.Size, ref random);
        plan.Crop(p.Top, p.Left, p.Height, p.Width);
        plan.Resize(Size, Interpolation, Antialias);
    }

    /// <inheritdoc />
    public override RandomResizedCropParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        size.ThrowIfEmpty(nameof(size));
        int height = size.Height, width = size.Width;
        double area = (double)height * width;
        double logMin = Math.Log(Ratio.Min), logMax = Math.Log(Ratio.Max);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            double targetArea = area * random.Uniform(Scale.Min, Scale.Max);
            double aspect = Math.Exp(random.Uniform(logMin, logMax));
            double w = Math.Round(Math.Sqrt(targetArea * aspect));
            double h = Math.Round(Math.Sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height)
            {
                int boxHeight = (int)h, boxWidth = (int)w;
                int top = random.NextInt32(height - boxHeight + 1);
                int left = random.NextInt32(width - boxWidth + 1);
                return new RandomResizedCropParams(top, left, boxHeight, boxWidth);
            }
        }

        return CentralFallback(size, Ratio);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomResizedCropParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageTensor output = ResizeKernels.Resize(image, parameters.Top, parameters.Left, parameters.Height, parameters.Width, Size, Interpolation, Antialias);
        image.Dispose();
        return output;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomResizedCrop(size={Size}, scale={Scale}, ratio={Ratio}, interpolation={Interpolation}, antialias={Antialias})";

    /// <summary>torchvision's fallback: a central box, the image clamped to the ratio range.</summary>
    internal static RandomResizedCropParams CentralFallback(ImageSize size, ValueRange ratio)
    {
        int height = size.Height, width = size.Width;
        double inRatio = (double)width / height;
        int h = height, w = width;
        if (inRatio < ratio.Min)
        {
            h = Math.Max(1, (int)Math.Round(w / ratio.Min));
        }
        else if (inRatio > ratio.Max)
        {
            w = Math.Max(1, (int)Math.Round(h * ratio.Max));
        }

        return new RandomResizedCropParams((height - h) / 2, (width - w) / 2, h, w);
    }
}
