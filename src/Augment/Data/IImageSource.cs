namespace Augment.Data;

/// <summary>
/// A labelled image dataset whose samples can be read in any order, by index (a map-style dataset).
/// Implementations are safe to read from several threads at once.
/// </summary>
public interface IImageSource
{
    /// <summary>The number of samples.</summary>
    int Count { get; }

    /// <summary>
    /// The number of classes K: every label lies in [0, K). A <see cref="Batching.Collator"/> that builds soft targets
    /// for this source needs at least K classes (the loader checks it).
    /// </summary>
    int ClassCount { get; }

    /// <summary>Returns the class index of sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample index, in [0, <see cref="Count"/>).</param>
    int GetLabel(int index);

    /// <summary>Returns a name for sample <paramref name="index"/> (usually its path), used in error reports.</summary>
    /// <param name="index">The sample index, in [0, <see cref="Count"/>).</param>
    string GetName(int index);

    /// <summary>
    /// Returns the encoded bytes of sample <paramref name="index"/>. Sources that must read them into memory use
    /// <paramref name="buffer"/>, a scratch array the caller owns: they may replace it by a larger array rented
    /// from <see cref="System.Buffers.ArrayPool{T}.Shared"/> (returning the old one), and the caller returns the
    /// last one to that pool when done.
    /// </summary>
    /// <param name="index">The sample index, in [0, <see cref="Count"/>).</param>
    /// <param name="buffer">The caller's scratch array, or <see langword="null"/>.</param>
    /// <returns>The bytes, valid until the next call with the same <paramref name="buffer"/>.</returns>
    /// <exception cref="IOException">The bytes cannot be read.</exception>
    ReadOnlyMemory<byte> Read(int index, ref byte[]? buffer);
}
