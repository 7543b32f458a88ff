using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Augment.Kernels;

/// <summary>
/// The shared vector loops that run <see cref="IUnaryOperator"/> and <see cref="IBinaryOperator"/> structs:
/// the widest accelerated width, then one overlapping last vector preloaded before the loop (so in-place
/// calls stay correct), and a scalar loop only for spans shorter than one 128-bit vector.
/// </summary>
internal static class Pointwise
{
    /// <summary>Computes <c>destination[i] = op(x[i])</c>. <paramref name="x"/> and <paramref name="destination"/> may be the same span.</summary>
    public static void Apply<TOp>(ReadOnlySpan<float> x, Span<float> destination, TOp op)
        where TOp : struct, IUnaryOperator
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, the source {x.Length}.", nameof(destination));
        }

        ref float src = ref MemoryMarshal.GetReference(x);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint last = length - (nuint)Vector512<float>.Count;
            Vector512<float> tail = Vector512.LoadUnsafe(ref src, last);
            for (nuint i = 0; i < last; i += (nuint)Vector512<float>.Count)
            {
                op.Invoke(Vector512.LoadUnsafe(ref src, i)).StoreUnsafe(ref dst, i);
            }

            op.Invoke(tail).StoreUnsafe(ref dst, last);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint last = length - (nuint)Vector256<float>.Count;
            Vector256<float> tail = Vector256.LoadUnsafe(ref src, last);
            for (nuint i = 0; i < last; i += (nuint)Vector256<float>.Count)
            {
                op.Invoke(Vector256.LoadUnsafe(ref src, i)).StoreUnsafe(ref dst, i);
            }

            op.Invoke(tail).StoreUnsafe(ref dst, last);
        }
        else if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<float>.Count)
        {
            nuint last = length - (nuint)Vector128<float>.Count;
            Vector128<float> tail = Vector128.LoadUnsafe(ref src, last);
            for (nuint i = 0; i < last; i += (nuint)Vector128<float>.Count)
            {
                op.Invoke(Vector128.LoadUnsafe(ref src, i)).StoreUnsafe(ref dst, i);
            }

            op.Invoke(tail).StoreUnsafe(ref dst, last);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                Unsafe.Add(ref dst, i) = op.Invoke(Unsafe.Add(ref src, i));
            }
        }
    }

    /// <summary>Computes <c>x[i] = op(x[i])</c> in place.</summary>
    public static void ApplyInPlace<TOp>(Span<float> x, TOp op)
        where TOp : struct, IUnaryOperator => Apply(x, x, op);

    /// <summary>
    /// Computes <c>destination[i] = op(x[i], y[i])</c>. <paramref name="destination"/> may be the same span as
    /// <paramref name="x"/> or <paramref name="y"/>.
    /// </summary>
    public static void Apply<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination, TOp op)
        where TOp : struct, IBinaryOperator
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"The inputs differ in length: {x.Length} and {y.Length}.", nameof(y));
        }

        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements, the source {x.Length}.", nameof(destination));
        }

        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint last = length - (nuint)Vector512<float>.Count;
            Vector512<float> tail = op.Invoke(Vector512.LoadUnsafe(ref xs, last), Vector512.LoadUnsafe(ref ys, last));
            for (nuint i = 0; i < last; i += (nuint)Vector512<float>.Count)
            {
                op.Invoke(Vector512.LoadUnsafe(ref xs, i), Vector512.LoadUnsafe(ref ys, i)).StoreUnsafe(ref dst, i);
            }

            tail.StoreUnsafe(ref dst, last);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint last = length - (nuint)Vector256<float>.Count;
            Vector256<float> tail = op.Invoke(Vector256.LoadUnsafe(ref xs, last), Vector256.LoadUnsafe(ref ys, last));
            for (nuint i = 0; i < last; i += (nuint)Vector256<float>.Count)
            {
                op.Invoke(Vector256.LoadUnsafe(ref xs, i), Vector256.LoadUnsafe(ref ys, i)).StoreUnsafe(ref dst, i);
            }

            tail.StoreUnsafe(ref dst, last);
        }
        else if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<float>.Count)
        {
            nuint last = length - (nuint)Vector128<float>.Count;
            Vector128<float> tail = op.Invoke(Vector128.LoadUnsafe(ref xs, last), Vector128.LoadUnsafe(ref ys, last));
            for (nuint i = 0; i < last; i += (nuint)Vector128<float>.Count)
            {
                op.Invoke(Vector128.LoadUnsafe(ref xs, i), Vector128.LoadUnsafe(ref ys, i)).StoreUnsafe(ref dst, i);
            }

            tail.StoreUnsafe(ref dst, last);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                Unsafe.Add(ref dst, i) = op.Invoke(Unsafe.Add(ref xs, i), Unsafe.Add(ref ys, i));
            }
        }
    }
}
