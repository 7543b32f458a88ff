using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>
/// Row copies, plain or mirrored, with streaming (non-temporal) stores: for outputs of megabytes that are not read
/// again soon, such as the ten views of a sample written into a batch, where ordinary stores would first read every
/// destination line into the cache. The writer calls <see cref="Fence"/> once it has written its block, before the
/// memory is handed to another thread.
/// </summary>
internal static class StreamingRows
{
    /// <summary>The output size from which streaming stores pay: more than a core's L2 cache holds.</summary>
    public const long MinimumBytes = 2L << 20;

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, reversed when <paramref name="mirror"/> is set.</summary>
    /// <param name="source">The row to copy.</param>
    /// <param name="destination">At least as long as <paramref name="source"/>, not overlapping it.</param>
    /// <param name="mirror">Whether to reverse the order of the elements.</param>
    public static unsafe void Copy(ReadOnlySpan<float> source, Span<float> destination, bool mirror)
    {
        LaneLoop.ThrowIfTooShort(destination, source.Length, nameof(destination));
        if (source.Overlaps(destination))
        {
            throw new ArgumentException("A streaming copy cannot write over its source.", nameof(destination));
        }

        fixed (float* pinned = destination)
        {
            ref float to = ref Unsafe.AsRef<float>(pinned);
            var length = (nuint)source.Length;
            if (mirror)
            {
                LaneLoop.RunStreaming(
                    new FlipKernels.MirrorBody<CachedStore> { Source = source, Destination = destination },
                    new FlipKernels.MirrorBody<StreamingStore> { Source = source, Destination = destination },
                    ref to,
                    length);
            }
            else
            {
                LaneLoop.RunStreaming(
                    new CopyBody<CachedStore> { Source = source, Destination = destination },
                    new CopyBody<StreamingStore> { Source = source, Destination = destination },
                    ref to,
                    length);
            }
        }
    }

    /// <summary>Orders the streaming stores before any later store (a store fence), so that the memory can be published.</summary>
    public static void Fence()
    {
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
        else
        {
            Interlocked.MemoryBarrier();
        }
    }

    /// <summary>Copies the block of the source at each index, with <typeparamref name="TStore"/>'s stores.</summary>
    private ref struct CopyBody<TStore> : ILaneBody
        where TStore : struct, ILaneStore
    {
        public required ReadOnlySpan<float> Source;

        public required Span<float> Destination;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane> =>
            TStore.Store(TLane.Load(ref MemoryMarshal.GetReference(Source), index), ref MemoryMarshal.GetReference(Destination), index);
    }
}
