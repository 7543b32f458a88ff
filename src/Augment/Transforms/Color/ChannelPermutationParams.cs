using Augment.Kernels.Color;

namespace Augment.Transforms.Color;

/// <summary>
/// The channel order drawn by <see cref="RandomChannelPermutation"/>: output channel <c>c</c> copies source channel
/// <c>this[c]</c>. Holds up to <see cref="MaxChannels"/> channels, packed in one word so that it is small and
/// compares by value.
/// </summary>
public readonly record struct ChannelPermutationParams
{
    /// <summary>The largest channel count a permutation can hold.</summary>
    public const int MaxChannels = 16;

    private readonly ulong _packed;

    /// <summary>Creates the parameters from an order.</summary>
    /// <param name="order">A permutation of 0..n-1, n at most <see cref="MaxChannels"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is too long or not a permutation.</exception>
    public ChannelPermutationParams(ReadOnlySpan<int> order)
    {
        if (order.Length > MaxChannels)
        {
            throw new ArgumentException($"A channel permutation holds at most {MaxChannels} channels, got {order.Length}.", nameof(order));
        }

        ColorKernels.ThrowIfNotPermutation(order, order.Length, nameof(order));
        for (int c = 0; c < order.Length; c++)
        {
            _packed |= (ulong)order[c] << (4 * c);
        }

        Count = order.Length;
    }

    /// <summary>The channel count.</summary>
    public int Count { get; }

    /// <summary>The source channel of output channel <paramref name="channel"/>.</summary>
    /// <param name="channel">The output channel, below <see cref="Count"/>.</param>
    public int this[int channel] =>
        (uint)channel < (uint)Count ? (int)((_packed >> (4 * channel)) & 0xF) : throw new ArgumentOutOfRangeException(nameof(channel), channel, $"The permutation has {Count} channels.");

    /// <summary>Copies the order into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="Count"/> elements.</param>
    public void CopyTo(Span<int> destination)
    {
        for (int c = 0; c < Count; c++)
        {
            destination[c] = this[c];
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        int[] order = new int[Count];
        CopyTo(order);
        return $"ChannelPermutationParams [{string.Join(", ", order)}]";
    }
}
