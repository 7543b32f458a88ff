using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Transforms.Warp;

/// <summary>The drawn decision and corners of a <see cref="RandomPerspective"/>.</summary>
/// <param name="Applied">Whether the image is warped.</param>
/// <param name="Startpoints">The image's corners.</param>
/// <param name="Endpoints">Where they land in the output.</param>
public readonly record struct RandomPerspectiveParams(bool Applied, PerspectiveQuad Startpoints, PerspectiveQuad Endpoints);

/// <summary>
/// With probability <see cref="P"/>, moves each corner of the image inwards by a random amount and warps the image
/// by the perspective map between the two quadrilaterals (torchvision's <c>RandomPerspective</c>); outside pixels
/// take the fill.
/// </summary>
/// <remarks>
/// The draw is torchvision's <c>get_params</c>: with <c>dx = int(d * (W // 2))</c> and <c>dy = int(d * (H // 2))</c>,
/// the top-left corner lands in <c>[0, dx] × [0, dy]</c>, the top-right in <c>[W - dx - 1, W - 1] × [0, dy]</c>, the
/// bottom-right in <c>[W - dx - 1, W - 1] × [H - dy - 1, H - 1]</c> and the bottom-left in
/// <c>[0, dx] × [H - dy - 1, H - 1]</c>, each coordinate uniform over the integers, drawn in that order.
/// </remarks>
public sealed class RandomPerspective : RandomTransform<RandomPerspectiveParams>
{
    private readonly float[] _fill;

    /// <summary>Creates the transform.</summary>
    /// <param name="distortionScale">How far corners may move, as a fraction of half the image, in [0, 1].</param>
    /// <param name="p">The probability of warping, in [0, 1].</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fill">The fill per channel, or one value for all; <see langword="null"/> for 0; empty for plain zero padding.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN, or the interpolation is unsupported.</exception>
    public RandomPerspective(double distortionScale = 0.5, double p = 0.5, Interpolation interpolation = Interpolation.Bilinear, IReadOnlyList<float>? fill = null)
    {
        if (!(distortionScale >= 0 && distortionScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(distortionScale), distortionScale, $"The distortion scale must lie in [0, 1], got {distortionScale}.");
        }

        DistortionScale = distortionScale;
        P = Probability.Validate(p, nameof(p));
        Interpolation = WarpValidation.Interpolation(interpolation, nameof(interpolation));
        _fill = WarpValidation.Fill(fill, nameof(fill)) ?? [0f];
    }

    /// <summary>How far corners may move, as a fraction of half the image.</summary>
    public double DistortionScale { get; }

    /// <summary>The probability of warping.</summary>
    public double P { get; }

    /// <summary>The sampling.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>The fill values (empty: plain zero padding).</summary>
    public IReadOnlyList<float> Fill => _fill;

    /// <inheritdoc />
    public override RandomPerspectiveParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        int width = size.Width, height = size.Height;
        var start = PerspectiveQuad.Image(width, height);
        if (!random.NextBoolean(P))
        {
            return new RandomPerspectiveParams(false, start, start);
        }

        int dx = (int)(DistortionScale * (width / 2)), dy = (int)(DistortionScale * (height / 2));
        (int, int) topLeft = (random.NextInt32(0, dx), random.NextInt32(0, dy));
        (int, int) topRight = (random.NextInt32(width - dx - 1, width - 1), random.NextInt32(0, dy));
        (int, int) bottomRight = (random.NextInt32(width - dx - 1, width - 1), random.NextInt32(height - dy - 1, height - 1));
        (int, int) bottomLeft = (random.NextInt32(0, dx), random.NextInt32(height - dy - 1, height - 1));
        return new RandomPerspectiveParams(true, start, new PerspectiveQuad(topLeft, topRight, bottomRight, bottomLeft));
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomPerspectiveParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!parameters.Applied)
        {
            return image;
        }

        using (image)
        {
            return WarpKernels.Perspective(image, parameters.Startpoints, parameters.Endpoints, Interpolation, _fill);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RandomPerspective(distortionScale={DistortionScale}, p={P}, interpolation={Interpolation})";
}
