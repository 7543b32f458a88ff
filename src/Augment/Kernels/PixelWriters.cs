using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Augment.Kernels;

/// <summary>
/// Stores packed 32-bit words (channel bytes at <see cref="RedShift"/>, <see cref="GreenShift"/> and
/// <see cref="BlueShift"/>, <see cref="Opaque"/> or-ed in) as interleaved 8-bit pixels of one
/// <see cref="Imaging.PixelLayout"/>, at every vector width. Stores never write past the pixels they are given.
/// </summary>
internal interface IPixelWriter
{
    /// <summary>Bytes per pixel.</summary>
    static abstract int BytesPerPixel { get; }

    /// <summary>Bit offset of the red byte in a packed word.</summary>
    static abstract int RedShift { get; }

    /// <summary>Bit offset of the green byte in a packed word.</summary>
    static abstract int GreenShift { get; }

    /// <summary>Bit offset of the blue byte in a packed word.</summary>
    static abstract int BlueShift { get; }

    /// <summary>Bits or-ed into every word: an opaque alpha byte, or 0.</summary>
    static abstract uint Opaque { get; }

    /// <summary>Stores one pixel.</summary>
    static abstract void Store(uint packed, ref byte pixel);

    /// <summary>Stores 4 pixels.</summary>
    static abstract void Store128(Vector128<uint> packed, ref byte pixel);

    /// <summary>Stores 8 pixels.</summary>
    static abstract void Store256(Vector256<uint> packed, ref byte pixel);

    /// <summary>Stores 16 pixels.</summary>
    static abstract void Store512(Vector512<uint> packed, ref byte pixel);
}

/// <summary>Red, green, blue, 255: a packed word is the pixel.</summary>
internal readonly struct Rgba32Writer : IPixelWriter
{
    public static int BytesPerPixel => 4;

    public static int RedShift => 0;

    public static int GreenShift => 8;

    public static int BlueShift => 16;

    public static uint Opaque => 0xFF00_0000u;

    public static void Store(uint packed, ref byte pixel) => Unsafe.WriteUnaligned(ref pixel, packed);

    public static void Store128(Vector128<uint> packed, ref byte pixel) => packed.AsByte().StoreUnsafe(ref pixel);

    public static void Store256(Vector256<uint> packed, ref byte pixel) => packed.AsByte().StoreUnsafe(ref pixel);

    public static void Store512(Vector512<uint> packed, ref byte pixel) => packed.AsByte().StoreUnsafe(ref pixel);
}

/// <summary>Blue, green, red, 255: the red and blue shifts swap.</summary>
internal readonly struct Bgra32Writer : IPixelWriter
{
    public static int BytesPerPixel => 4;

    public static int RedShift => 16;

    public static int GreenShift => 8;

    public static int BlueShift => 0;

    public static uint Opaque => 0xFF00_0000u;

    public static void Store(uint packed, ref byte pixel) => Rgba32Writer.Store(packed, ref pixel);

    public static void Store128(Vector128<uint> packed, ref byte pixel) => Rgba32Writer.Store128(packed, ref pixel);

    public static void Store256(Vector256<uint> packed, ref byte pixel) => Rgba32Writer.Store256(packed, ref pixel);

    public static void Store512(Vector512<uint> packed, ref byte pixel) => Rgba32Writer.Store512(packed, ref pixel);
}

/// <summary>Red, green, blue: each group of 4 words is compacted to 12 bytes by a byte shuffle and written as 8 + 4 bytes.</summary>
internal readonly struct Rgb24Writer : IPixelWriter
{
    public static int BytesPerPixel => 3;

    public static int RedShift => 0;

    public static int GreenShift => 8;

    public static int BlueShift => 16;

    public static uint Opaque => 0;

    public static void Store(uint packed, ref byte pixel)
    {
        pixel = (byte)packed;
        Unsafe.Add(ref pixel, 1) = (byte)(packed >> 8);
        Unsafe.Add(ref pixel, 2) = (byte)(packed >> 16);
    }

    public static void Store128(Vector128<uint> packed, ref byte pixel)
    {
        Vector128<ulong> bytes = Vector128.Shuffle(
            packed.AsByte(),
            Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0xFF, 0xFF, 0xFF, 0xFF)).AsUInt64();
        Unsafe.WriteUnaligned(ref pixel, bytes.GetElement(0));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref pixel, 8), (uint)bytes.GetElement(1));
    }

    public static void Store256(Vector256<uint> packed, ref byte pixel)
    {
        Store128(packed.GetLower(), ref pixel);
        Store128(packed.GetUpper(), ref Unsafe.Add(ref pixel, 12));
    }

    public static void Store512(Vector512<uint> packed, ref byte pixel)
    {
        Store256(packed.GetLower(), ref pixel);
        Store256(packed.GetUpper(), ref Unsafe.Add(ref pixel, 24));
    }
}
