using System.Buffers;

namespace Augment.Data;

/// <summary>Reads whole files into pooled scratch arrays.</summary>
internal static class FileBytes
{
    /// <summary>The largest file read, 1 GiB: anything larger is not a training image.</summary>
    public const long MaxLength = 1L << 30;

    /// <summary>Reads the file at <paramref name="path"/> into <paramref name="buffer"/>, growing it from the shared pool.</summary>
    /// <param name="path">The file.</param>
    /// <param name="buffer">The scratch array; replaced by a larger rented one when too small.</param>
    /// <returns>The file's bytes.</returns>
    public static ReadOnlyMemory<byte> Read(string path, ref byte[]? buffer)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        if (length > MaxLength)
        {
            throw new InvalidDataException($"The file is {length} bytes long, more than the {MaxLength}-byte limit.");
        }

        EnsureCapacity(ref buffer, (int)length);
        int total = 0;
        while (total < length)
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(total, (int)length - total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer.AsMemory(0, total);
    }

    /// <summary>Makes <paramref name="buffer"/> hold at least <paramref name="length"/> bytes, renting a larger array if needed.</summary>
    /// <param name="buffer">The scratch array.</param>
    /// <param name="length">The needed length.</param>
    public static void EnsureCapacity([System.Diagnostics.CodeAnalysis.NotNull] ref byte[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            buffer = larger;
        }
    }
}
