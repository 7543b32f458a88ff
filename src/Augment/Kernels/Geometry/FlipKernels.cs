using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>Mirroring kernels: in-place horizontal and vertical flips of CHW images, and the mirrored row copy.</summary>
public static class FlipKernels
{
    private const int StackRowLimit = 1024;

    /// <summary>Mirrors every row of <paramref name="image"/> left-right, in place (torchvision's <c>hflip</c>).</summary>
    /// <param name="image">The image to modify.</param>
    public static void FlipHorizontal(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<float> data = image.Data;
        int width = image.Width;
        for (int offset = 0; offset < data.Length; offset += width)
        {
            data.Slice(offset, width).Reverse();
        }
    }

    /// <summary>Mirrors <paramref name="image"/> top-bottom, in place (torchvision's <c>vflip</c>), by swapping rows.</summary>
    /// <param name="image">The image to modify.</param>
    public static void FlipVertical(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int width = image.Width, height = image.Height;
        float[]? rented = null;
        Span<float> scratch = width <= StackRowLimit
            ? stackalloc float[StackRowLimit]
            : (rented = ArrayPool<float>.Shared.Rent(width));
        scratch = scratch[..width];
        try
        {
            for (int c = 0; c < image.Channels; c++)
            {
                Span<float> plane = image.Plane(c);
                for (int y = 0, z = height - 1; y < z; y++, z--)
                {
                    Span<float> upper = plane.Slice(y * width, width);
                    Span<float> lower = plane.Slice(z * width, width);
                    upper.CopyTo(scratch);
                    lower.CopyTo(upper);
                    scratch.CopyTo(lower);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Effectively computes <c>destination[i] = source[n - 1 - i]</c> for <c>n = source.Length</c>: a mirrored copy,
    /// one reversed vector of the widest accelerated width at a time.
    /// </summary>
    /// <param name="source">The elements to copy.</param>
    /// <param name="destination">Receives them in reverse order; at least as long as <paramref name="source"/>, not overlapping it.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or overlaps <paramref name="source"/>.</exception>
    public static void MirrorCopy(ReadOnlySpan<float> source, Span<float> destination)
    {
        LaneLoop.ThrowIfTooShort(destination, source.Length, nameof(destination));
        if (source.Overlaps(destination))
        {
            throw new ArgumentException("A mirrored copy cannot write over its source; use Span.Reverse to mirror in place.", nameof(destination));
        }

        LaneLoop.Run(new MirrorBody<CachedStore> { Source = source, Destination = destination }, (nuint)source.Length);
    }

    /// <summary>Writes the mirrored block of the source's end at each index, with <typeparamref name="TStore"/>'s stores.</summary>
    internal ref struct MirrorBody<TStore> : ILaneBody
        where TStore : struct, ILaneStore
    {
        public required ReadOnlySpan<float> Source;

        public required Span<float> Destination;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane> =>
            TStore.Store(
                TLane.Reverse(TLane.Load(ref MemoryMarshal.GetReference(Source), (nuint)Source.Length - index - (nuint)TLane.Count)),
                ref MemoryMarshal.GetReference(Destination),
                index);
    }
}
