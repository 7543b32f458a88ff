namespace Augment.Data;

/// <summary>
/// The transform pipeline failed on a sample that was read and decoded without error: a problem of the pipeline
/// (e.g. a crop larger than the image without padding), not of the file, so it is raised under every
/// <see cref="BadFilePolicy"/>. The message names the file, its decoded shape and the cause.
/// </summary>
public sealed class SampleTransformException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file or member whose image the pipeline failed on.</param>
    /// <param name="shape">The decoded image's shape, e.g. <c>3x20x30</c>.</param>
    /// <param name="innerException">The cause.</param>
    public SampleTransformException(string sourceName, string shape, Exception innerException)
        : base($"The transform pipeline (DataLoaderOptions.Transform) failed on '{sourceName}' (decoded as {shape}): {innerException?.Message}", innerException)
    {
        SourceName = sourceName;
    }

    /// <summary>The file or member whose image the pipeline failed on.</summary>
    public string SourceName { get; }
}
