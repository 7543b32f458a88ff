using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>The drawn decision of a <see cref="RandomGrayscale"/>.</summary>
/// <param name="Applied">Whether the image is converted.</param>
public readonly record struct RandomGrayscaleParams(bool Applied);

/// <summary>
/// Converts an RGB image to grayscale with probability <see cref="P"/>, keeping three channels (torchvision's
/// <c>RandomGrayscale</c>; see <see cref="ColorKernels.Grayscale(ImageTensor)"/>). One-channel images pass unchanged.
/// </summary>
public sealed class RandomGrayscale : RandomTransform<RandomGrayscaleParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of converting, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> lies outside [0, 1] or is NaN.</exception>
    public RandomGrayscale(double p = 0.1)
    {
        P = Probability.Validate(p, nameof(p));
    }

    /// <summary>The probability of converting.</summary>
    public double P { get; }

    /// <inheritdoc />
    public override RandomGrayscaleParams Draw(int channels, ImageSize size, ref RandomSource random) => new(random.NextBoolean(P));

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomGrayscaleParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (parameters.Applied && image.Channels != 1)
        {
            ColorKernels.Grayscale(image);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"RandomGrayscale(p={P})";
}
