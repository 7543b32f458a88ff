using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Augment.Kernels;

/// <summary>
/// Reads interleaved 8-bit pixels of one <see cref="Imaging.PixelLayout"/> as packed 32-bit words whose bytes at
/// <see cref="RedShift"/>, <see cref="GreenShift"/> and <see cref="BlueShift"/> hold the channels, at every vector
/// width. <see cref="PixelConversion"/> runs the one loop that turns the words into float planes.
/// Loads never read past the last byte of the pixels they return.
/// </summary>
internal interface IPixelReader
{
    /// <summary>Bytes per pixel.</summary>
    static abstract int BytesPerPixel { get; }

    /// <summary>Bit offset of the red byte in a packed word.</summary>
    static abstract int RedShift { get; }

    /// <summary>Bit offset of the green byte in a packed word.</summary>
    static abstract int GreenShift { get; }

    /// <summary>Bit offset of the blue byte in a packed word.</summary>
    static abstract int BlueShift { get; }

    /// <summary>Packs the pixel at <paramref name="pixel"/>.</summary>
    static abstract uint Load(ref byte pixel);

    /// <summary>Packs the 4 pixels starting at <paramref name="pixel"/>.</summary>
    static abstract Vector128<uint> Load128(ref byte pixel);

    /// <summary>Packs the 8 pixels starting at <paramref name="pixel"/>.</summary>
    static abstract Vector256<uint> Load256(ref byte pixel);

    /// <summary>Packs the 16 pixels starting at <paramref name="pixel"/>.</summary>
    static abstract Vector512<uint> Load512(ref byte pixel);
}

/// <summary>Red, green, blue, alpha bytes: a pixel already is a little-endian packed word.</summary>
internal readonly struct Rgba32Reader : IPixelReader
{
    public static int BytesPerPixel => 4;

    public static int RedShift => 0;

    public static int GreenShift => 8;

    public static int BlueShift => 16;

    public static uint Load(ref byte pixel) => Unsafe.ReadUnaligned<uint>(ref pixel);

    public static Vector128<uint> Load128(ref byte pixel) => Vector128.LoadUnsafe(ref pixel).AsUInt32();

    public static Vector256<uint> Load256(ref byte pixel) => Vector256.LoadUnsafe(ref pixel).AsUInt32();

    public static Vector512<uint> Load512(ref byte pixel) => Vector512.LoadUnsafe(ref pixel).AsUInt32();
}

/// <summary>Blue, green, red, alpha bytes: the red and blue shifts swap.</summary>
internal readonly struct Bgra32Reader : IPixelReader
{
    public static int BytesPerPixel => 4;

    public static int RedShift => 16;

    public static int GreenShift => 8;

    public static int BlueShift => 0;

    public static uint Load(ref byte pixel) => Rgba32Reader.Load(ref pixel);

    public static Vector128<uint> Load128(ref byte pixel) => Rgba32Reader.Load128(ref pixel);

    public static Vector256<uint> Load256(ref byte pixel) => Rgba32Reader.Load256(ref pixel);

    public static Vector512<uint> Load512(ref byte pixel) => Rgba32Reader.Load512(ref pixel);
}

/// <summary>
/// Red, green, blue bytes: each group of 4 pixels (12 bytes) is read as 8 + 4 bytes and spread to 4 words by a
/// byte shuffle, so no load crosses the end of the row.
/// </summary>
internal readonly struct Rgb24Reader : IPixelReader
{
    public static int BytesPerPixel => 3;

    public static int RedShift => 0;

    public static int GreenShift => 8;

    public static int BlueShift => 16;

    public static uint Load(ref byte pixel) =>
        pixel | ((uint)Unsafe.Add(ref pixel, 1) << 8) | ((uint)Unsafe.Add(ref pixel, 2) << 16);

    public static Vector128<uint> Load128(ref byte pixel)
    {
        Vector128<byte> bytes = Vector128.Create(
            Unsafe.ReadUnaligned<ulong>(ref pixel),
            Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref pixel, 8))).AsByte();
        return Vector128.Shuffle(bytes, Vector128.Create((byte)0, 1, 2, 0xFF, 3, 4, 5, 0xFF, 6, 7, 8, 0xFF, 9, 10, 11, 0xFF)).AsUInt32();
    }

    public static Vector256<uint> Load256(ref byte pixel) =>
        Vector256.Create(Load128(ref pixel), Load128(ref Unsafe.Add(ref pixel, 12)));

    public static Vector512<uint> Load512(ref byte pixel)
    {
        if (!Avx512Vbmi.IsSupported)
        {
            return Vector512.Create(Load256(ref pixel), Load256(ref Unsafe.Add(ref pixel, 24)));
        }

        // The 48 bytes in three 16-byte loads (none reaches past the 16th pixel), then one byte permute puts pixel k's
        // bytes at word k (its fourth byte is pixel k + 1's red, which the shifts and masks of the caller drop).
        Vector512<byte> bytes = Vector512.Create(
            Vector256.Create(Vector128.LoadUnsafe(ref pixel), Vector128.LoadUnsafe(ref pixel, 16)),
            Vector128.LoadUnsafe(ref pixel, 32).ToVector256());
        return Avx512Vbmi.PermuteVar64x8(bytes, Spread).AsUInt32();
    }

    // Byte 4k + j of the result takes byte 3k + j of the pixels (j = 3 takes the next pixel's first byte).
    private static readonly Vector512<byte> Spread = Vector512.Create(
        (byte)0, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 14, 15, 15, 16, 17, 18, 18, 19, 20, 21, 21, 22, 23, 24,
        24, 25, 26, 27, 27, 28, 29, 30, 30, 31, 32, 33, 33, 34, 35, 36, 36, 37, 38, 39, 39, 40, 41, 42, 42, 43, 44, 45, 45, 46, 47, 47);
}

/// <summary>One gray byte per pixel, widened to a word; all three shifts are 0, so gray replicates to RGB.</summary>
internal readonly struct Gray8Reader : IPixelReader
{
    public static int BytesPerPixel => 1;

    public static int RedShift => 0;

    public static int GreenShift => 0;

    public static int BlueShift => 0;

    public static uint Load(ref byte pixel) => pixel;

    public static Vector128<uint> Load128(ref byte pixel) =>
        Vector128.WidenLower(Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref pixel)).AsByte()));

    public static Vector256<uint> Load256(ref byte pixel) =>
        Vector256.WidenLower(Vector256.WidenLower(Vector256.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref pixel)).AsByte()));

    public static Vector512<uint> Load512(ref byte pixel) =>
        Vector512.WidenLower(Vector512.WidenLower(Vector128.LoadUnsafe(ref pixel).ToVector256Unsafe().ToVector512Unsafe()));
}
