using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Reorders the channels: effectively computes <c>destination[c] = source[order[c]]</c> (torchvision's
    /// <c>permute_channels</c>).
    /// </summary>
    /// <param name="source">The image; left as it is.</param>
    /// <param name="order">For each output channel, the source channel it copies: a permutation of 0..C-1.</param>
    /// <param name="destination">A distinct tensor of the source's shape.</param>
    /// <exception cref="ArgumentException">The order is not a permutation of the channels, the shapes differ, or the tensors are the same.</exception>
    public static void PermuteChannels(ImageTensor source, ReadOnlySpan<int> order, ImageTensor destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        source.ThrowIfShapeDiffers(destination, nameof(destination));
        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("A channel permutation cannot write into its own source.", nameof(destination));
        }

        ThrowIfNotPermutation(order, source.Channels, nameof(order));
        for (int c = 0; c < order.Length; c++)
        {
            source.Plane(order[c]).CopyTo(destination.Plane(c));
        }
    }

    /// <summary>Throws unless <paramref name="order"/> holds each of 0..<paramref name="channels"/>-1 exactly once.</summary>
    /// <param name="order">The candidate permutation.</param>
    /// <param name="channels">The channel count.</param>
    /// <param name="paramName">The argument's name, for the exception.</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation of 0..channels-1.</exception>
    internal static void ThrowIfNotPermutation(ReadOnlySpan<int> order, int channels, string paramName)
    {
        bool valid = order.Length == channels && channels <= 64;
        ulong seen = 0;
        for (int c = 0; valid && c < order.Length; c++)
        {
            valid = (uint)order[c] < (uint)channels && (seen & (1UL << order[c])) == 0;
            seen |= valid ? 1UL << order[c] : 0;
        }

        if (!valid)
        {
            throw new ArgumentException($"The channel order [{string.Join(", ", order.ToArray())}] is not a permutation of the {channels} channels 0..{channels - 1}.", paramName);
        }
    }
}
