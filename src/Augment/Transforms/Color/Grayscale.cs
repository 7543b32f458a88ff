using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>
/// Converts an RGB image to grayscale with torchvision's weights (<c>Grayscale(num_output_channels)</c>), as one
/// channel or replicated to three; see <see cref="ColorKernels.Grayscale(ImageTensor)"/>.
/// </summary>
public sealed class Grayscale : Transform
{
    /// <summary>Creates the transform.</summary>
    /// <param name="outputChannels">1, or 3 to keep an RGB-shaped tensor.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputChannels"/> is neither 1 nor 3.</exception>
    public Grayscale(int outputChannels = 1)
    {
        if (outputChannels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(outputChannels), outputChannels, $"outputChannels must be 1 or 3, got {outputChannels}.");
        }

        OutputChannels = outputChannels;
    }

    /// <summary>The number of output channels, 1 or 3.</summary>
    public int OutputChannels { get; }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (OutputChannels == 3)
        {
            ColorKernels.Grayscale(image);
            return image;
        }

        var gray = ImageTensor.Create(1, image.Size);
        try
        {
            ColorKernels.Grayscale(image, gray.Data);
        }
        catch
        {
            gray.Dispose();
            throw;
        }

        image.Dispose();
        return gray;
    }

    /// <inheritdoc />
    public override string ToString() => $"Grayscale(outputChannels={OutputChannels})";
}
