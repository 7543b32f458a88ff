namespace Augment.Data;

/// <summary>A dataset given as a list of samples, each encoded bytes in memory or a file path, with its label.</summary>
public sealed class InMemorySource : IImageSource
{
    private readonly InMemorySample[] _samples;

    /// <summary>Creates the dataset.</summary>
    /// <param name="samples">The samples, in index order; none may be <see langword="null"/>.</param>
    public InMemorySource(IEnumerable<InMemorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _samples = [.. samples];
        for (int i = 0; i < _samples.Length; i++)
        {
            if (_samples[i] is null)
            {
                throw new ArgumentNullException(nameof(samples), $"Sample #{i} is null.");
            }

            ClassCount = Math.Max(ClassCount, _samples[i].Label + 1);
        }
    }

    /// <summary>The samples, in index order.</summary>
    public IReadOnlyList<InMemorySample> Samples => _samples;

    /// <inheritdoc />
    public int Count => _samples.Length;

    /// <inheritdoc />
    /// <remarks>One more than the largest label.</remarks>
    public int ClassCount { get; }

    /// <inheritdoc />
    public int GetLabel(int index) => _samples[index].Label;

    /// <inheritdoc />
    public string GetName(int index) => _samples[index].Name;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Read(int index, ref byte[]? buffer)
    {
        InMemorySample sample = _samples[index];
        return sample.Path is null ? sample.Bytes : FileBytes.Read(sample.Path, ref buffer);
    }
}
