using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>
/// Reorders the channels by a permutation drawn uniformly from all C! (torchvision v2's
/// <c>RandomChannelPermutation</c>, a Fisher–Yates shuffle); see <see cref="ColorKernels.PermuteChannels"/>.
/// </summary>
public sealed class RandomChannelPermutation : RandomTransform<ChannelPermutationParams>
{
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The image has more than <see cref="ChannelPermutationParams.MaxChannels"/> channels.</exception>
    public override ChannelPermutationParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        if ((uint)channels > ChannelPermutationParams.MaxChannels)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"RandomChannelPermutation handles 0 to {ChannelPermutationParams.MaxChannels} channels, got {channels}.");
        }

        Span<int> order = stackalloc int[channels];
        for (int c = 0; c < channels; c++)
        {
            order[c] = c;
        }

        random.Shuffle(order);
        return new ChannelPermutationParams(order);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in ChannelPermutationParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<int> order = stackalloc int[parameters.Count];
        parameters.CopyTo(order);
        var output = ImageTensor.Create(image.Channels, image.Size);
        try
        {
            ColorKernels.PermuteChannels(image, order, output);
        }
        catch
        {
            output.Dispose();
            throw;
        }

        image.Dispose();
        return output;
    }

    /// <inheritdoc />
    public override string ToString() => "RandomChannelPermutation()";
}
