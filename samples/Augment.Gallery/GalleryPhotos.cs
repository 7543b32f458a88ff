using Augment.Imaging;

namespace Augment.Gallery;

/// <summary>The embedded photos, decoded once; each use clones them (transforms take ownership of their input).</summary>
internal sealed class GalleryPhotos : IDisposable
{
    private readonly ImageTensor[] _images;

    public GalleryPhotos(IImageDecoder decoder)
    {
        var assembly = typeof(GalleryPhotos).Assembly;
        string[] resources = [.. assembly.GetManifestResourceNames().Order(StringComparer.Ordinal)];
        _images = new ImageTensor[resources.Length];
        Names = new string[resources.Length];
        for (int i = 0; i < resources.Length; i++)
        {
            using Stream stream = assembly.GetManifestResourceStream(resources[i])!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            _images[i] = decoder.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), resources[i]);
            Names[i] = Path.GetFileNameWithoutExtension(resources[i]);
        }
    }

    public int Count => _images.Length;

    public string[] Names { get; }

    /// <summary>A fresh copy of photo <c>index % Count</c>.</summary>
    public ImageTensor Take(int index) => _images[index % _images.Length].Clone();

    public void Dispose()
    {
        foreach (ImageTensor image in _images)
        {
            image.Dispose();
        }
    }
}
