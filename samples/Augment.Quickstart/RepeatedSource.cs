using Augment.Data;

namespace Augment.Samples;

/// <summary>A source that lists another one <c>times</c> times over, so that a throughput figure is not dominated by the start of an epoch.</summary>
internal sealed class RepeatedSource(IImageSource inner, int times) : IImageSource
{
    public int Count => inner.Count * times;

    public int ClassCount => inner.ClassCount;

    public int GetLabel(int index) => inner.GetLabel(index % inner.Count);

    public string GetName(int index) => inner.GetName(index % inner.Count);

    public ReadOnlyMemory<byte> Read(int index, ref byte[]? buffer) => inner.Read(index % inner.Count, ref buffer);
}
