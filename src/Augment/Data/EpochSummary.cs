namespace Augment.Data;

/// <summary>What a loader delivered during one complete epoch.</summary>
/// <param name="Epoch">The epoch.</param>
/// <param name="Batches">The number of batches delivered.</param>
/// <param name="Images">The number of images delivered.</param>
/// <param name="Skipped">The samples skipped, ordered by position.</param>
/// <param name="Elapsed">The epoch's duration.</param>
public sealed record EpochSummary(int Epoch, long Batches, long Images, IReadOnlyList<SkippedSample> Skipped, TimeSpan Elapsed);
