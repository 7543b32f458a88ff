using System.Buffers.Binary;
using Augment.Imaging;

namespace Augment.Tests.Codec;

/// <summary>One malformed image file: a name usable on disk (its extension is the format it claims), what is wrong, its bytes.</summary>
/// <param name="Name">A file name such as <c>truncated-half.jpg</c>.</param>
/// <param name="Kind">A short description of what is wrong.</param>
/// <param name="Bytes">The file's bytes.</param>
internal sealed record BadFile(string Name, string Kind, byte[] Bytes)
{
    /// <summary>
    /// The (oriented) size the file's header declares when the header itself is intact, so <c>Identify</c> may return
    /// it (or throw); <see langword="null"/> when the header is unreadable and <c>Identify</c> must throw too.
    /// </summary>
    public ImageSize? Declared { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Every kind of bad image file, built from the committed valid files <c>noise.jpg</c> and <c>noise.png</c> (64x48,
/// written by make_codec_data.py): every decoder must reject each with <see cref="InvalidDataException"/> naming the
/// source, and a loader must report it.
/// </summary>
internal static class BadFileCorpus
{
    private static readonly byte[] s_pngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Every bad file, in a fixed order with distinct names.</summary>
    public static IReadOnlyList<BadFile> All { get; } = Build();

    private static BadFile[] Build()
    {
        byte[] jpeg = CodecData.Read("noise.jpg");
        byte[] png = CodecData.Read("noise.png");
        var size = new ImageSize(48, 64);
        var bomb = new ImageSize(65000, 65000);
        int sof = JpegMarker(jpeg, 0xC0);
        int sos = JpegMarker(jpeg, 0xDA);
        int scan = sos + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(sos + 2));
        int idat = PngChunk(png, "IDAT");
        int idatEnd = idat + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat));

        return
        [
            new("empty.jpg", "an empty file", []),
            new("garbage.jpg", "300 bytes of noise with no image signature", Garbage(300)),
            new("text.png", "a text file named .png", "this is not an image\n"u8.ToArray()),
            new("soi-eoi.jpg", "a JPEG that is only SOI and EOI markers (FF D8 FF D9)", [0xFF, 0xD8, 0xFF, 0xD9]),
            new("signature.jpg", "a JPEG signature alone (FF D8 FF)", [0xFF, 0xD8, 0xFF]),
            new("signature.png", "the 8-byte PNG signature alone", s_pngSignature),
            new("truncated-in-header.jpg", "a JPEG cut between its frame header and its scan header", jpeg[..((sof + sos) / 2)]) { Declared = size },
            new("truncated-after-header.jpg", "a JPEG cut right after its scan header: no entropy-coded data", jpeg[..scan]) { Declared = size },
            new("truncated-quarter.jpg", "a JPEG cut a quarter of the way into its scan", jpeg[..(scan + ((jpeg.Length - scan) / 4))]) { Declared = size },
            new("truncated-half.jpg", "a JPEG cut half way into its scan", jpeg[..(scan + ((jpeg.Length - scan) / 2))]) { Declared = size },
            new("truncated-95.jpg", "a JPEG cut at 95% of its length", jpeg[..(jpeg.Length * 95 / 100)]) { Declared = size },
            new("truncated-in-ihdr.png", "a PNG cut inside its IHDR chunk", png[..20]),
            new("truncated-after-ihdr.png", "a PNG of signature and IHDR only: no image data", png[..33]) { Declared = size },
            new("truncated-half.png", "a PNG cut half way into its image data", png[..(idat + ((idatEnd - idat) / 2))]) { Declared = size },
            new("bad-crc-ihdr.png", "a PNG whose IHDR chunk CRC is wrong", FlipCrc(png, PngChunk(png, "IHDR"))),
            new("bad-crc-idat.png", "a PNG whose IDAT chunk CRC is wrong", FlipCrc(png, idat)) { Declared = size },
            new("corrupt-idat.png", "a PNG whose compressed data is corrupt (with a correct CRC)", CorruptIdat(png, idat)) { Declared = size },
            new("zero-size.jpg", "a JPEG whose frame header declares 0x0 pixels", WithJpegSize(jpeg, sof, 0, 0)),
            new("zero-size.png", "a PNG whose IHDR declares 0x0 pixels (CRC fixed)", WithPngSize(png, 0, 0)),
            new("bomb.jpg", "a JPEG bomb: a frame header declaring 65000x65000 over 64x48 of data", WithJpegSize(jpeg, sof, 65000, 65000)) { Declared = bomb },
            new("bomb.png", "a PNG bomb: an IHDR declaring 65000x65000 over 64x48 of data (CRC fixed)", WithPngSize(png, 65000, 65000)) { Declared = bomb },
            new("jpeg-garbage.png", "a .png holding a JPEG signature followed by garbage", [0xFF, 0xD8, 0xFF, 0xE0, .. Garbage(200)]),
            new("png-signature-jpeg-body.png", "a PNG signature followed by a JPEG's bytes", [.. s_pngSignature, .. jpeg]),
        ];
    }

    /// <summary>Deterministic bytes that match no image signature.</summary>
    private static byte[] Garbage(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + 7))];

    /// <summary>The offset of the first marker <c>FF <paramref name="marker"/></c>, walking the segments from SOI.</summary>
    private static int JpegMarker(byte[] jpeg, byte marker)
    {
        int i = 2;
        while (jpeg[i + 1] != marker)
        {
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return i;
    }

    private static byte[] WithJpegSize(byte[] jpeg, int sof, int width, int height)
    {
        byte[] copy = [.. jpeg];
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 7), (ushort)width);
        return copy;
    }

    /// <summary>The offset of the first chunk of type <paramref name="type"/> (its length field).</summary>
    private static int PngChunk(byte[] png, string type)
    {
        int i = 8;
        while (!png.AsSpan(i + 4, 4).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(type)))
        {
            i += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
        }

        return i;
    }

    private static byte[] WithPngSize(byte[] png, int width, int height)
    {
        byte[] copy = [.. png];
        int ihdr = PngChunk(copy, "IHDR");
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(ihdr + 8), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(ihdr + 12), height);
        FixCrc(copy, ihdr);
        return copy;
    }

    private static byte[] FlipCrc(byte[] png, int chunk)
    {
        byte[] copy = [.. png];
        copy[chunk + 8 + BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(chunk)) + 3] ^= 0x5A;
        return copy;
    }

    /// <summary>Overwrites the middle of the IDAT payload with noise and recomputes the chunk's CRC.</summary>
    private static byte[] CorruptIdat(byte[] png, int idat)
    {
        byte[] copy = [.. png];
        int length = BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(idat));
        Garbage(64).CopyTo(copy.AsSpan(idat + 8 + (length / 2)));
        FixCrc(copy, idat);
        return copy;
    }

    private static void FixCrc(byte[] png, int chunk)
    {
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(chunk));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(chunk + 8 + length), Crc32(png.AsSpan(chunk + 4, 4 + length)));
    }

    /// <summary>The PNG (ISO 3309) CRC-32 of <paramref name="data"/>, bit by bit.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
