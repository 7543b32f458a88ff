using Augment.Data;

namespace Augment.Samples;

/// <summary>The photos embedded in this sample (see Photos/LICENSE.md), as an in-memory source, one class each.</summary>
internal static class BundledPhotos
{
    public static InMemorySource Load()
    {
        var assembly = typeof(BundledPhotos).Assembly;
        var samples = new List<InMemorySample>();
        foreach (string resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            samples.Add(InMemorySample.FromBytes(bytes.ToArray(), label: samples.Count, name: resource));
        }

        return new InMemorySource(samples);
    }
}
