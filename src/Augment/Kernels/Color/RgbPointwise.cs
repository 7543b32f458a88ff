using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Color;

/// <summary>
/// The shared loop that runs an <see cref="IRgbOperator"/> in place over the three planes of an RGB image, through
/// <see cref="LaneLoop"/>.
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

    /// <summary>
    /// Runs <paramref name="op"/> in place on every pixel of the planes, which must have the same length and must not
    /// partly overlap one another.
    /// </summary>
    /// <remarks>
    /// Not inlined into its callers: an operator such as hue's is some sixty lane operations, and inlined into a large
    /// caller (e.g. <c>ColorJitter</c>, once dynamic PGO has made the 512-bit loop hot) it ran the JIT's inlining budget
    /// out, leaving every lane operation a call: hue ran 31 times slower (1.3 ms against 42 µs on 3×224×224).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Apply<TOp>(Span<float> red, Span<float> green, Span<float> blue, TOp op)
        where TOp : struct, IRgbOperator
    {
        if (green.Length != red.Length || blue.Length != red.Length)
        {
            throw new ArgumentException($"The planes differ in length: {red.Length}, {green.Length} and {blue.Length}.", nameof(green));
        }

        LaneLoop.ThrowIfPartlyOverlapping<float>(red, green, nameof(green));
        LaneLoop.ThrowIfPartlyOverlapping<float>(red, blue, nameof(blue));
        LaneLoop.ThrowIfPartlyOverlapping<float>(green, blue, nameof(blue));
        LaneLoop.Run(new Body<TOp> { Red = red, Green = green, Blue = blue, Op = op }, (nuint)red.Length);
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

    private ref struct Body<TOp> : ILaneBody
        where TOp : struct, IRgbOperator
    {
        public required Span<float> Red;

        public required Span<float> Green;

        public required Span<float> Blue;

        public required TOp Op;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane>
        {
            ref float pr = ref MemoryMarshal.GetReference(Red), pg = ref MemoryMarshal.GetReference(Green), pb = ref MemoryMarshal.GetReference(Blue);
            TLane r = TLane.Load(ref pr, index), g = TLane.Load(ref pg, index), b = TLane.Load(ref pb, index);
            Op.Invoke(ref r, ref g, ref b);
            TLane.Store(r, ref pr, index);
            TLane.Store(g, ref pg, index);
            TLane.Store(b, ref pb, index);
        }
    }
}
