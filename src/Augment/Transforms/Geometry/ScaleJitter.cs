using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>
/// Large-scale jitter (Ghiasi et al., 2021; torchvision v2's <c>ScaleJitter</c>): resizes the image, keeping its
/// aspect ratio, by <c>r = min(targetW / W, targetH / H) · s</c> with <c>s ~ U(scaleRange)</c>; each side becomes
/// <c>trunc(side · r)</c> (at least 1).
/// </summary>
public sealed class ScaleJitter : RandomResize
{
    /// <summary>Creates the transform.</summary>
    /// <param name="targetSize">The size the scale is relative to, positive in both dimensions.</param>
    /// <param name="scaleRange">The range of the scale factor s: positive, finite, min ≤ max. Default (0.1, 2.0).</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased; ignored by nearest.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ScaleJitter(ImageSize targetSize, ValueRange? scaleRange = null, Interpolation interpolation = Interpolation.Bilinear, bool antialias = true)
        : base(interpolation, antialias)
    {
        targetSize.ThrowIfEmpty(nameof(targetSize));
        TargetSize = targetSize;
        ScaleRange = (scaleRange ?? (0.1, 2.0)).Validate(0, double.PositiveInfinity, nameof(scaleRange), lowerExclusive: true);
    }

    /// <summary>The size the scale is relative to.</summary>
    public ImageSize TargetSize { get; }

    /// <summary>The range of the scale factor.</summary>
    public ValueRange ScaleRange { get; }

    /// <inheritdoc />
    public override RandomResizeParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        size.ThrowIfEmpty(nameof(size));
        double scale = random.Uniform(ScaleRange.Min, ScaleRange.Max);
        double ratio = Math.Min((double)TargetSize.Width / size.Width, (double)TargetSize.Height / size.Height) * scale;
        return Scaled(size, ratio);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ScaleJitter(targetSize={TargetSize}, scaleRange={ScaleRange}, interpolation={Interpolation}, antialias={Antialias})";
}
