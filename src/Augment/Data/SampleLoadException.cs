namespace Augment.Data;

/// <summary>A sample could not be read or decoded; the message names the file (or shard member) and the cause.</summary>
public sealed class SampleLoadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file or member that failed.</param>
    /// <param name="innerException">The cause.</param>
    public SampleLoadException(string sourceName, Exception innerException)
        : base($"Could not load '{sourceName}': {innerException?.Message}", innerException)
    {
        SourceName = sourceName;
    }

    /// <summary>The file or member that failed.</summary>
    public string SourceName { get; }
}
