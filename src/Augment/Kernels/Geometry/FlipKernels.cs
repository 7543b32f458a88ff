using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Imaging;

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
    /// one reversed vector (512, 256 or 128 bits) at a time with one overlapping last vector, scalar below 4 elements.
    /// </summary>
    /// <param name="source">The elements to copy.</param>
    /// <param name="destination">Receives them in reverse order; at least as long as <paramref name="source"/>, not overlapping it.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or overlaps <paramref name="source"/>.</exception>
    public static void MirrorCopy(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, the source {source.Length}.", nameof(destination));
        }

        if (source.Overlaps(destination))
        {
            throw new ArgumentException("A mirrored copy cannot write over its source; use Span.Reverse to mirror in place.", nameof(destination));
        }

        ref float src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)source.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint last = length - (nuint)Vector512<float>.Count;
            for (nuint i = 0; i < last; i += (nuint)Vector512<float>.Count)
            {
                Reverse(Vector512.LoadUnsafe(ref src, last - i)).StoreUnsafe(ref dst, i);
            }

            Reverse(Vector512.LoadUnsafe(ref src)).StoreUnsafe(ref dst, last);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint last = length - (nuint)Vector256<float>.Count;
            for (nuint i = 0; i < last; i += (nuint)Vector256<float>.Count)
            {
                Reverse(Vector256.LoadUnsafe(ref src, last - i)).StoreUnsafe(ref dst, i);
            }

            Reverse(Vector256.LoadUnsafe(ref src)).StoreUnsafe(ref dst, last);
        }
        else if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<float>.Count)
        {
            nuint last = length - (nuint)Vector128<float>.Count;
            for (nuint i = 0; i < last; i += (nuint)Vector128<float>.Count)
            {
                Reverse(Vector128.LoadUnsafe(ref src, last - i)).StoreUnsafe(ref dst, i);
            }

            Reverse(Vector128.LoadUnsafe(ref src)).StoreUnsafe(ref dst, last);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, length - 1 - i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Reverse(Vector512<float> x) =>
        Vector512.Shuffle(x, Vector512.Create(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Reverse(Vector256<float> x) =>
        Vector256.Shuffle(x, Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Reverse(Vector128<float> x) =>
        Vector128.Shuffle(x, Vector128.Create(3, 2, 1, 0));
}
