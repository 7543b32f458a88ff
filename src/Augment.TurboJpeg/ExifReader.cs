using System.Buffers.Binary;

namespace Augment.TurboJpeg;

/// <summary>
/// Reads the EXIF orientation tag (0x0112) of a JPEG: walks the marker segments up to the first scan, and in the first
/// APP1 <c>Exif</c> segment reads IFD0 of the TIFF structure, in either byte order (<c>II</c> or <c>MM</c>).
/// </summary>
internal static class ExifReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    /// <summary>
    /// Returns the orientation (1..8) the JPEG's EXIF data declares, or <see cref="Imaging.ExifOrientation.Upright"/>
    /// when it has none, or a malformed or out-of-range one (as Skia and PIL ignore them).
    /// </summary>
    /// <param name="jpeg">The JPEG's bytes, starting with its SOI marker.</param>
    /// <returns>The orientation, 1 to 8.</returns>
    public static int Orientation(ReadOnlySpan<byte> jpeg)
    {
        int i = 2;
        while (i + 4 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF)
            {
                return Imaging.ExifOrientation.Upright;
            }

            byte marker = jpeg[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                i += 2; // markers without a length
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                return Imaging.ExifOrientation.Upright; // start of scan or end of image: no EXIF before the pixels
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(i + 2)..]);
            if (length < 2 || i + 2 + length > jpeg.Length)
            {
                return Imaging.ExifOrientation.Upright;
            }

            ReadOnlySpan<byte> payload = jpeg.Slice(i + 4, length - 2);
            if (marker == 0xE1 && payload.StartsWith("Exif\0\0"u8))
            {
                return FromTiff(payload[6..]);
            }

            i += 2 + length;
        }

        return Imaging.ExifOrientation.Upright;
    }

    /// <summary>The orientation in IFD0 of a TIFF structure, or upright.</summary>
    private static int FromTiff(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return Imaging.ExifOrientation.Upright;
        }

        bool little;
        if (tiff.StartsWith("II*\0"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM\0*"u8))
        {
            little = false;
        }
        else
        {
            return Imaging.ExifOrientation.Upright;
        }

        uint ifd = ReadUInt32(tiff[4..], little);
        if (ifd > (uint)tiff.Length - 2)
        {
            return Imaging.ExifOrientation.Upright;
        }

        int count = ReadUInt16(tiff[(int)ifd..], little);
        int entries = (int)ifd + 2;
        for (int e = 0; e < count && entries + (12 * (e + 1)) <= tiff.Length; e++)
        {
            ReadOnlySpan<byte> entry = tiff.Slice(entries + (12 * e), 12);
            if (ReadUInt16(entry, little) == OrientationTag)
            {
                int value = ReadUInt16(entry[2..], little) == ShortType ? ReadUInt16(entry[8..], little) : 0;
                return Imaging.ExifOrientation.IsValid(value) ? value : Imaging.ExifOrientation.Upright;
            }
        }

        return Imaging.ExifOrientation.Upright;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);
}
