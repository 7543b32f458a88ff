using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// A per-thread cache of <see cref="ResizeKernelMap"/>s: <see cref="Slots"/> reusable maps per thread, keyed by every
/// input of their construction. A hit returns the map as it is; a miss rebuilds the least recently used map in place
/// (see <see cref="ResizeKernelMap.Build"/>), which allocates nothing once the thread's maps have grown to the sizes
/// in use. Random crops, whose source lengths rarely repeat, therefore cost a rebuild but no allocation.
/// </summary>
/// <remarks>
/// <b>Lifetime:</b> a returned map belongs to the calling thread and stays valid until <see cref="Slots"/> - 1 further
/// misses on that thread, after which its object may be rebuilt for another key. A caller must therefore use the maps
/// it gets before asking for more than <see cref="Slots"/> - 1 others, and never keep one or hand it to another
/// thread. <see cref="Resampler"/> takes two maps and uses them before any other <see cref="Get"/>.
/// </remarks>
internal static class ResizeKernelMapCache
{
    /// <summary>The number of maps each thread keeps.</summary>
    public const int Slots = 8;

    [ThreadStatic]
    private static Entry[]? t_entries;

    [ThreadStatic]
    private static long t_clock;

    /// <summary>Returns this thread's map for the given arguments, rebuilding its least recently used map on a miss.</summary>
    /// <param name="sourceLength">The number of source samples, positive.</param>
    /// <param name="destinationLength">The number of output samples, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic use PIL's antialiased filters (ignored by nearest).</param>
    /// <param name="mirror">Whether output <c>i</c> takes the taps of output <c>out - 1 - i</c>.</param>
    /// <param name="blockWidth">The lane count of the band form, positive.</param>
    public static ResizeKernelMap Get(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias, bool mirror, int blockWidth)
    {
        var key = new Key(sourceLength, destinationLength, interpolation, antialias && interpolation != Interpolation.Nearest, mirror, blockWidth);
        Entry[] slots = t_entries ??= new Entry[Slots];
        long now = ++t_clock;
        int oldest = 0;
        for (int s = 0; s < slots.Length; s++)
        {
            ref Entry entry = ref slots[s];
            if (entry.Filled && entry.Key == key)
            {
                entry.LastUse = now;
                return entry.Map!;
            }

            if (entry.LastUse < slots[oldest].LastUse)
            {
                oldest = s;
            }
        }

        // Marked empty while it is rebuilt, so that a build that throws leaves no half-built map behind a key.
        ref Entry victim = ref slots[oldest];
        victim.Filled = false;
        victim.Map ??= new ResizeKernelMap();
        victim.Map.Build(sourceLength, destinationLength, interpolation, key.Antialias, mirror, blockWidth);
        victim.Key = key;
        victim.LastUse = now;
        victim.Filled = true;
        return victim.Map;
    }

    private readonly record struct Key(int Source, int Destination, Interpolation Interpolation, bool Antialias, bool Mirror, int BlockWidth);

    private struct Entry
    {
        public Key Key;
        public ResizeKernelMap? Map;
        public long LastUse;
        public bool Filled;
    }
}
