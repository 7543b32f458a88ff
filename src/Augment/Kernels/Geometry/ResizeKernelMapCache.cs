using System.Collections.Concurrent;
using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// A process-wide, thread-safe cache of <see cref="ResizeKernelMap"/>s keyed by every input of their construction.
/// A hit allocates nothing. The cache is cleared when it reaches <see cref="Capacity"/> maps, which random crops of
/// many sizes can reach.
/// </summary>
internal static class ResizeKernelMapCache
{
    /// <summary>The number of maps kept before the cache is cleared.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<Key, ResizeKernelMap> Maps = new();

    /// <summary>Returns the map for the given arguments, building it on first use (see <see cref="ResizeKernelMap.Create"/>).</summary>
    public static ResizeKernelMap Get(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias, bool mirror, int blockWidth)
    {
        var key = new Key(sourceLength, destinationLength, interpolation, antialias && interpolation != Interpolation.Nearest, mirror, blockWidth);
        if (Maps.TryGetValue(key, out ResizeKernelMap? map))
        {
            return map;
        }

        map = ResizeKernelMap.Create(sourceLength, destinationLength, interpolation, key.Antialias, mirror, blockWidth);
        if (Maps.Count >= Capacity)
        {
            Maps.Clear();
        }

        return Maps.GetOrAdd(key, map);
    }

    private readonly record struct Key(int Source, int Destination, Interpolation Interpolation, bool Antialias, bool Mirror, int BlockWidth);
}
