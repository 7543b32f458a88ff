using System.Buffers;

namespace Augment.Data;

/// <summary>
/// One sample read from a WebDataset shard: the members sharing a key. The image bytes live in an array rented
/// from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns it.
/// </summary>
public sealed class WebDatasetSample : IDisposable
{
    private byte[]? _image;
    private readonly int _imageLength;

    internal WebDatasetSample(string shard, string key, long ordinal, byte[]? image, int imageLength, int? label, string? error)
    {
        Shard = shard;
        Key = key;
        Ordinal = ordinal;
        _image = image;
        _imageLength = imageLength;
        Label = label;
        Error = error;
    }

    /// <summary>The shard's path.</summary>
    public string Shard { get; }

    /// <summary>The sample's key (the member names without their extensions).</summary>
    public string Key { get; }

    /// <summary>The sample's position in its shard, from 0.</summary>
    public long Ordinal { get; }

    /// <summary>The class index from the <c>.cls</c> member, or <see langword="null"/> when missing or unreadable.</summary>
    public int? Label { get; }

    /// <summary>Why the sample is unusable (no image, no or bad label), or <see langword="null"/> when it is complete.</summary>
    public string? Error { get; }

    /// <summary>The name used in reports: <c>shard:key</c>.</summary>
    public string Name => $"{Shard}:{Key}";

    /// <summary>The encoded image bytes (empty when there is no image member or after <see cref="Dispose"/>).</summary>
    public ReadOnlyMemory<byte> Image => _image is null ? ReadOnlyMemory<byte>.Empty : _image.AsMemory(0, _imageLength);

    /// <summary>Returns the image bytes to the pool.</summary>
    public void Dispose()
    {
        byte[]? image = Interlocked.Exchange(ref _image, null);
        if (image is not null)
        {
            ArrayPool<byte>.Shared.Return(image);
        }
    }
}
