namespace Augment.Data;

/// <summary>What a <see cref="DataLoader"/> does with a sample it cannot read or decode.</summary>
public enum BadFilePolicy
{
    /// <summary>Stop: the batch holding the sample throws a <see cref="SampleLoadException"/> naming the file and the cause.</summary>
    Raise,

    /// <summary>
    /// Replace the sample by the next valid one (in the epoch's order for indexed sources, in the batch for
    /// WebDataset shards) so every batch keeps its size, and report the file through
    /// <see cref="DataLoader.SampleSkipped"/> and the epoch's <see cref="EpochSummary"/>.
    /// </summary>
    Skip,
}
