using System.Buffers.Binary;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace Augment.ImageSharp;

/// <summary>
/// Tells whether an encoded file holds all the data its structure announces. ImageSharp fills in what is missing
/// from a truncated file without an error, so the decoder walks the container itself: JPEG segments and scans up to
/// EOI, PNG chunks up to IEND, GIF blocks up to the end of the first image, the WebP RIFF length and the rows of an
/// uncompressed BMP. Other formats (TIFF, TGA, PBM, RLE BMP) are left to ImageSharp's own checks.
/// </summary>
internal static class TruncationCheck
{
    /// <summary>Whether <paramref name="encoded"/> is complete for its format.</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="format">The format ImageSharp detected.</param>
    /// <returns><see langword="false"/> when the data ends before the structure does.</returns>
    public static bool IsComplete(ReadOnlySpan<byte> encoded, IImageFormat format) => format switch
    {
        JpegFormat => JpegIsComplete(encoded),
        PngFormat => PngIsComplete(encoded),
        GifFormat => GifIsComplete(encoded),
        WebpFormat => encoded.Length >= 12 && 8L + BinaryPrimitives.ReadUInt32LittleEndian(encoded[4..]) <= encoded.Length,
        BmpFormat => BmpIsComplete(encoded),
        _ => true,
    };

    /// <summary>For uncompressed BMPs (BI_RGB, BI_BITFIELDS), whether the pixel rows fit after the pixel-data offset.</summary>
    private static bool BmpIsComplete(ReadOnlySpan<byte> bmp)
    {
        if (bmp.Length < 34 || BinaryPrimitives.ReadUInt32LittleEndian(bmp[14..]) < 40)
        {
            return true; // an old core header: ImageSharp's own checks apply
        }

        uint compression = BinaryPrimitives.ReadUInt32LittleEndian(bmp[30..]);
        if (compression is not (0 or 3))
        {
            return true;
        }

        long offset = BinaryPrimitives.ReadUInt32LittleEndian(bmp[10..]);
        long width = BinaryPrimitives.ReadInt32LittleEndian(bmp[18..]);
        long height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(bmp[22..]));
        int bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(bmp[28..]);
        long rowBytes = ((width * bitsPerPixel) + 31) / 32 * 4;
        return offset + (rowBytes * height) <= bmp.Length;
    }

    /// <summary>Walks the marker segments from SOI, skipping each scan's entropy-coded data, up to EOI.</summary>
    private static bool JpegIsComplete(ReadOnlySpan<byte> jpeg)
    {
        int i = 2;
        while (true)
        {
            if (i + 2 > jpeg.Length || jpeg[i] != 0xFF)
            {
                return false;
            }

            byte marker = jpeg[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return true;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            if (i + 4 > jpeg.Length)
            {
                return false;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg[(i + 2)..]);
            if (marker == 0xDA && (i = ScanEnd(jpeg, i)) < 0)
            {
                return false;
            }
        }
    }

    /// <summary>The offset of the first marker after entropy-coded data starting at <paramref name="start"/>, or -1 if the data ends first.</summary>
    private static int ScanEnd(ReadOnlySpan<byte> jpeg, int start)
    {
        int i = start;
        while (i < jpeg.Length)
        {
            int ff = jpeg[i..].IndexOf((byte)0xFF);
            if (ff < 0 || i + ff + 1 >= jpeg.Length)
            {
                return -1;
            }

            i += ff;
            byte next = jpeg[i + 1];
            if (next != 0x00 && next != 0xFF && next is not (>= 0xD0 and <= 0xD7))
            {
                return i; // a marker: the scan's data ends here (stuffed zeros, fill bytes and restarts continue it)
            }

            i += next == 0xFF ? 1 : 2;
        }

        return -1;
    }

    /// <summary>Walks the chunks after the signature up to IEND, checking that each lies within the data.</summary>
    private static bool PngIsComplete(ReadOnlySpan<byte> png)
    {
        long i = 8;
        while (i + 8 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[(int)i..]);
            if (i + 12 + length > png.Length)
            {
                return false;
            }

            if (png.Slice((int)i + 4, 4).SequenceEqual("IEND"u8))
            {
                return true;
            }

            i += 12 + length;
        }

        return false;
    }

    /// <summary>Walks the blocks after the screen descriptor up to the end of the first image's data.</summary>
    private static bool GifIsComplete(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13)
        {
            return false;
        }

        int i = 13 + ColorTableLength(gif[10]);
        while (i < gif.Length)
        {
            switch (gif[i])
            {
                case 0x21: // extension: label, then sub-blocks
                    i = SkipSubBlocks(gif, i + 2);
                    break;
                case 0x2C: // image descriptor, local colour table, LZW code size, then the image's sub-blocks
                    if (i + 10 > gif.Length)
                    {
                        return false;
                    }

                    return SkipSubBlocks(gif, i + 10 + ColorTableLength(gif[i + 9]) + 1) >= 0;
                default:
                    return false; // trailer before any image, or garbage
            }

            if (i < 0)
            {
                return false;
            }
        }

        return false;
    }

    private static int ColorTableLength(byte flags) => (flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0;

    /// <summary>The offset after the sub-blocks starting at <paramref name="i"/> and their zero terminator, or -1 if the data ends first.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int i)
    {
        while (i < gif.Length)
        {
            int size = gif[i];
            if (size == 0)
            {
                return i + 1;
            }

            i += 1 + size;
        }

        return -1;
    }
}
