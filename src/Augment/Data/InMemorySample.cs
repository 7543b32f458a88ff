namespace Augment.Data;

/// <summary>One sample of an <see cref="InMemorySource"/>: encoded bytes held in memory, or a file path, and a label.</summary>
public sealed class InMemorySample
{
    private InMemorySample(ReadOnlyMemory<byte> bytes, string? path, int label, string name)
    {
        if (label < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, "A class label is a non-negative index.");
        }

        Bytes = bytes;
        Path = path;
        Label = label;
        Name = name;
    }

    /// <summary>The encoded bytes, empty when the sample is read from <see cref="Path"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The file to read, or <see langword="null"/> when the bytes are in memory.</summary>
    public string? Path { get; }

    /// <summary>The class index.</summary>
    public int Label { get; }

    /// <summary>The name used in error reports.</summary>
    public string Name { get; }

    /// <summary>A sample whose encoded bytes are in memory.</summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="label">The class index, non-negative.</param>
    /// <param name="name">A name for error reports; <c>"#label"</c>-style placeholder when <see langword="null"/>.</param>
    public static InMemorySample FromBytes(ReadOnlyMemory<byte> bytes, int label, string? name = null) =>
        new(bytes, null, label, name ?? $"<{bytes.Length} bytes, label {label}>");

    /// <summary>A sample read from a file when needed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="label">The class index, non-negative.</param>
    public static InMemorySample FromPath(string path, int label)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(ReadOnlyMemory<byte>.Empty, path, label, path);
    }
}
