namespace Augment.Batching;

/// <summary>Where the image in one slot of an <see cref="ImageBatch"/> came from, so that a strange sample can be traced back to its file.</summary>
/// <param name="Index">
/// The sample's index in its source (for WebDataset shards: <c>shard &lt;&lt; 32 | position in the shard</c>, plus the
/// pass <c>&lt;&lt; 56</c> when a rank reads its shards more than once per epoch); -1 when unknown.
/// </param>
/// <param name="Name">The sample's name: its file path, or <c>shard:key</c> for WebDataset; <see langword="null"/> when unknown.</param>
public readonly record struct SampleOrigin(long Index, string? Name)
{
    /// <summary>The origin of a slot filled by hand: index -1, no name.</summary>
    public static SampleOrigin Unknown => new(-1, null);
}
