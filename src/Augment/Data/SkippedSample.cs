namespace Augment.Data;

/// <summary>A sample the loader skipped under <see cref="BadFilePolicy.Skip"/>.</summary>
/// <param name="Name">The file (or <c>shard:key</c> of a WebDataset member, or the shard itself when the whole rest of it was unreadable).</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Position">Its position in this rank's epoch order (for shards: the position its batch slot had), which orders the report.</param>
public sealed record SkippedSample(string Name, string Reason, long Position);
