using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Imaging;

namespace Augment.Kernels.Color;

/// <summary>
/// The shared loop that runs an <see cref="IRgbOperator"/> in place over the three planes of an RGB image, with the
/// same shape as <see cref="Pointwise"/>: the widest accelerated width, one overlapping last vector preloaded before
/// the loop (so re-processing those pixels reads their original values), and a scalar loop only for images shorter
/// than one 128-bit vector.
/// </summary>
internal static class RgbPointwise
{
    /// <summary>Runs <paramref name="op"/> on every pixel of <paramref name="image"/>, which must have three channels.</summary>
    public static void Apply<TOp>(ImageTensor image, TOp op)
        where TOp : struct, IRgbOperator
    {
        ThrowIfNotRgb(image);
        Apply(image.Plane(0), image.Plane(1), image.Plane(2), op);
    }

    /// <summary>Runs <paramref name="op"/> in place on every pixel of the planes, which must have the same length.</summary>
    public static void Apply<TOp>(Span<float> red, Span<float> green, Span<float> blue, TOp op)
        where TOp : struct, IRgbOperator
    {
        if (green.Length != red.Length || blue.Length != red.Length)
        {
            throw new ArgumentException($"The planes differ in length: {red.Length}, {green.Length} and {blue.Length}.", nameof(green));
        }

        ref float r = ref MemoryMarshal.GetReference(red);
        ref float g = ref MemoryMarshal.GetReference(green);
        ref float b = ref MemoryMarshal.GetReference(blue);
        nuint length = (nuint)red.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint last = length - (nuint)Vector512<float>.Count;
            Vector512<float> tr = Vector512.LoadUnsafe(ref r, last), tg = Vector512.LoadUnsafe(ref g, last), tb = Vector512.LoadUnsafe(ref b, last);
            for (nuint i = 0; i < last; i += (nuint)Vector512<float>.Count)
            {
                Vector512<float> vr = Vector512.LoadUnsafe(ref r, i), vg = Vector512.LoadUnsafe(ref g, i), vb = Vector512.LoadUnsafe(ref b, i);
                op.Invoke(ref vr, ref vg, ref vb);
                vr.StoreUnsafe(ref r, i);
                vg.StoreUnsafe(ref g, i);
                vb.StoreUnsafe(ref b, i);
            }

            op.Invoke(ref tr, ref tg, ref tb);
            tr.StoreUnsafe(ref r, last);
            tg.StoreUnsafe(ref g, last);
            tb.StoreUnsafe(ref b, last);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint last = length - (nuint)Vector256<float>.Count;
            Vector256<float> tr = Vector256.LoadUnsafe(ref r, last), tg = Vector256.LoadUnsafe(ref g, last), tb = Vector256.LoadUnsafe(ref b, last);
            for (nuint i = 0; i < last; i += (nuint)Vector256<float>.Count)
            {
                Vector256<float> vr = Vector256.LoadUnsafe(ref r, i), vg = Vector256.LoadUnsafe(ref g, i), vb = Vector256.LoadUnsafe(ref b, i);
                op.Invoke(ref vr, ref vg, ref vb);
                vr.StoreUnsafe(ref r, i);
                vg.StoreUnsafe(ref g, i);
                vb.StoreUnsafe(ref b, i);
            }

            op.Invoke(ref tr, ref tg, ref tb);
            tr.StoreUnsafe(ref r, last);
            tg.StoreUnsafe(ref g, last);
            tb.StoreUnsafe(ref b, last);
        }
        else if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<float>.Count)
        {
            nuint last = length - (nuint)Vector128<float>.Count;
            Vector128<float> tr = Vector128.LoadUnsafe(ref r, last), tg = Vector128.LoadUnsafe(ref g, last), tb = Vector128.LoadUnsafe(ref b, last);
            for (nuint i = 0; i < last; i += (nuint)Vector128<float>.Count)
            {
                Vector128<float> vr = Vector128.LoadUnsafe(ref r, i), vg = Vector128.LoadUnsafe(ref g, i), vb = Vector128.LoadUnsafe(ref b, i);
                op.Invoke(ref vr, ref vg, ref vb);
                vr.StoreUnsafe(ref r, i);
                vg.StoreUnsafe(ref g, i);
                vb.StoreUnsafe(ref b, i);
            }

            op.Invoke(ref tr, ref tg, ref tb);
            tr.StoreUnsafe(ref r, last);
            tg.StoreUnsafe(ref g, last);
            tb.StoreUnsafe(ref b, last);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                op.Invoke(ref Unsafe.Add(ref r, i), ref Unsafe.Add(ref g, i), ref Unsafe.Add(ref b, i));
            }
        }
    }

    /// <summary>Throws unless <paramref name="image"/> has exactly three channels.</summary>
    public static void ThrowIfNotRgb(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels != 3)
        {
            throw new ArgumentException($"This operation needs an RGB image (3 channels), got {image.ShapeString}.", nameof(image));
        }
    }
}
