using System.Buffers;
using System.Formats.Tar;
using System.Globalization;

namespace Augment.Data;

/// <summary>
/// A WebDataset: tar shards whose consecutive members sharing a key form one sample (<c>KEY.jpg</c>,
/// <c>KEY.jpeg</c>, <c>KEY.png</c> or <c>KEY.webp</c>, plus <c>KEY.cls</c> holding the class index as text).
/// Shards are streamed member by member with <see cref="TarReader"/>; nothing is extracted or written to disk.
/// </summary>
/// <remarks>
/// Members are checked before their data is read: names that are absolute, contain <c>..</c> segments,
/// backslashes or control characters, or exceed <see cref="MaxNameLength"/>, and sizes above
/// <see cref="MaxMemberBytes"/>, make the shard invalid (<see cref="InvalidDataException"/> naming the shard and
/// the member). Entries that are not regular files (folders, links, metadata) are ignored. As in WebDataset,
/// the key is the member path up to the first dot of its file name.
/// </remarks>
public sealed class WebDatasetSource
{
    private static readonly string[] ImageExtensions = ["jpg", "jpeg", "png", "webp"];
    private readonly string[] _shards;

    /// <summary>The longest member name accepted.</summary>
    public const int MaxNameLength = 1024;

    /// <summary>Lists the shards a brace pattern names, e.g. <c>/data/train-{000000..000146}.tar</c>.</summary>
    /// <param name="shards">A shard path, or a pattern in the webdataset tools' brace syntax (<c>{a..b}</c> ranges, zero-padded like their bounds; <c>{x,y}</c> lists).</param>
    /// <param name="maxMemberBytes">The largest member accepted, 64 MiB by default.</param>
    /// <exception cref="ArgumentException">The pattern is empty or malformed.</exception>
    /// <exception cref="FileNotFoundException">A shard does not exist (the message lists the missing ones).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMemberBytes"/> is not positive or exceeds <see cref="Array.MaxLength"/>.</exception>
    public WebDatasetSource(string shards, long maxMemberBytes = 64L << 20)
        : this([shards ?? throw new ArgumentNullException(nameof(shards))], maxMemberBytes)
    {
    }

    /// <summary>Lists the shards: each path is checked to exist, and brace patterns are expanded first.</summary>
    /// <param name="shards">The .tar files, in order, or brace patterns standing for them (see <see cref="WebDatasetSource(string, long)"/>); at least one.</param>
    /// <param name="maxMemberBytes">The largest member accepted, 64 MiB by default.</param>
    /// <exception cref="ArgumentException">No shard is given, a path is empty, or a pattern is malformed.</exception>
    /// <exception cref="FileNotFoundException">A shard does not exist (the message lists the missing ones).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMemberBytes"/> is not positive or exceeds <see cref="Array.MaxLength"/>.</exception>
    public WebDatasetSource(IEnumerable<string> shards, long maxMemberBytes = 64L << 20)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var paths = new List<string>();
        foreach (string shard in shards)
        {
            if (string.IsNullOrEmpty(shard))
            {
                throw new ArgumentException("A shard path is null or empty.", nameof(shards));
            }

            paths.AddRange(BracePattern.Expand(shard));
        }

        _shards = [.. paths];
        if (_shards.Length == 0)
        {
            throw new ArgumentException("A WebDataset needs at least one shard.", nameof(shards));
        }

        string[] missing = [.. _shards.Where(path => !File.Exists(path))];
        if (missing.Length > 0)
        {
            string shown = string.Join(", ", missing.Take(5).Select(path => $"'{path}'"));
            throw new FileNotFoundException(
                $"{missing.Length} of {_shards.Length} WebDataset shard(s) do not exist: {shown}{(missing.Length > 5 ? ", ..." : string.Empty)}. " +
                "Check the path, or give a brace pattern such as 'train-{000000..000146}.tar'.",
                missing[0]);
        }

        if (maxMemberBytes <= 0 || maxMemberBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMemberBytes), maxMemberBytes, $"The member size limit must be in [1, {Array.MaxLength}].");
        }

        MaxMemberBytes = maxMemberBytes;
    }

    /// <summary>The shard paths.</summary>
    public IReadOnlyList<string> Shards => _shards;

    /// <summary>The largest member accepted, in bytes.</summary>
    public long MaxMemberBytes { get; }

    /// <summary>
    /// Counts the samples of every shard from the tar headers alone (member data is skipped, not read): for
    /// <see cref="DataLoaderOptions.SamplesPerRank"/>, e.g. <c>CountSamples() / worldSize</c>. Reads every header of
    /// every shard, so it takes a moment on large datasets: compute it once and keep the number.
    /// </summary>
    /// <returns>The number of samples (keys with an image member) over all shards.</returns>
    /// <exception cref="InvalidDataException">A shard is not a valid tar file.</exception>
    public long CountSamples()
    {
        long total = 0;
        foreach (string path in _shards)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new TarReader(stream);
            string? key = null;
            bool hasImage = false;
            while (NextEntry(reader, path) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                {
                    continue;
                }

                (string entryKey, string extension) = SplitKey(entry.Name);
                if (entryKey != key)
                {
                    total += hasImage ? 1 : 0;
                    key = entryKey;
                    hasImage = false;
                }

                hasImage |= Array.IndexOf(ImageExtensions, extension) >= 0;
            }

            total += hasImage ? 1 : 0;
        }

        return total;
    }

    /// <summary>Streams the samples of shard <paramref name="shard"/>. The caller disposes each sample.</summary>
    /// <param name="shard">The shard index.</param>
    /// <returns>The samples, in the shard's order.</returns>
    /// <exception cref="InvalidDataException">The shard is not a valid tar file or holds a rejected member.</exception>
    public IEnumerable<WebDatasetSample> ReadShard(int shard)
    {
        string path = _shards[shard];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (WebDatasetSample sample in Read(stream, path, MaxMemberBytes))
        {
            yield return sample;
        }
    }

    /// <summary>Streams the samples of a tar stream. The caller disposes each sample.</summary>
    /// <param name="tar">The tar stream, read forward only.</param>
    /// <param name="shardName">The shard's name for samples and error messages.</param>
    /// <param name="maxMemberBytes">The largest member accepted.</param>
    /// <returns>The samples, in the stream's order.</returns>
    /// <exception cref="InvalidDataException">The stream is not a valid tar file or holds a rejected member.</exception>
    public static IEnumerable<WebDatasetSample> Read(Stream tar, string shardName, long maxMemberBytes)
    {
        ArgumentNullException.ThrowIfNull(tar);
        using var reader = new TarReader(tar, leaveOpen: true);
        using var pending = new PendingSample(shardName);
        long ordinal = 0;
        while (true)
        {
            TarEntry? entry = NextEntry(reader, shardName);
            if (entry is null)
            {
                break;
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                continue;
            }

            string name = entry.Name;
            ValidateMember(entry, shardName, maxMemberBytes);
            (string key, string extension) = SplitKey(name);
            if (pending.Key is not null && pending.Key != key)
            {
                yield return pending.Complete(ordinal++);
            }

            pending.Key ??= key;
            pending.Add(entry, extension, shardName);
        }

        if (pending.Key is not null)
        {
            yield return pending.Complete(ordinal);
        }
    }

    private static TarEntry? NextEntry(TarReader reader, string shardName)
    {
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"The shard '{shardName}' is not a valid tar file: {ex.Message}", ex);
        }
    }

    private static void ValidateMember(TarEntry entry, string shardName, long maxMemberBytes)
    {
        string name = entry.Name;
        string? problem = null;
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            problem = $"its name is {name.Length} characters long";
        }
        else if (name[0] == '/' || name.Contains('\\') || (name.Length >= 2 && name[1] == ':'))
        {
            problem = "its name is an absolute or non-portable path";
        }
        else if (HasParentSegment(name))
        {
            problem = "its name contains a '..' segment";
        }
        else if (name.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || name.Contains('\u007F'))
        {
            problem = "its name contains control characters";
        }
        else if (entry.Length < 0 || entry.Length > maxMemberBytes)
        {
            problem = $"it declares {entry.Length} bytes, more than the {maxMemberBytes}-byte limit";
        }

        if (problem is not null)
        {
            throw new InvalidDataException($"The shard '{shardName}' holds a rejected member '{Printable(name)}': {problem}.");
        }
    }

    private static bool HasParentSegment(string name)
    {
        int start = 0;
        while (start <= name.Length)
        {
            int end = name.IndexOf('/', start);
            if (end < 0)
            {
                end = name.Length;
            }

            if (end - start == 2 && name[start] == '.' && name[start + 1] == '.')
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }

    private static string Printable(string name)
    {
        string shown = name.Length > 120 ? name[..120] + "..." : name;
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }

    private static (string Key, string Extension) SplitKey(string name)
    {
        int slash = name.LastIndexOf('/');
        int dot = name.IndexOf('.', slash + 1);
        return dot < 0 ? (name, string.Empty) : (name[..dot], name[(dot + 1)..].ToLowerInvariant());
    }

    private sealed class PendingSample(string shardName) : IDisposable
    {
        private byte[]? _image;
        private int _imageLength;
        private int? _label;
        private string? _error;

        public string? Key { get; set; }

        public void Add(TarEntry entry, string extension, string shard)
        {
            int length = (int)entry.Length;
            if (Array.IndexOf(ImageExtensions, extension) >= 0)
            {
                if (_image is not null)
                {
                    _error = $"it has more than one image member (second: '{entry.Name}')";
                    return;
                }

                _image = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                _imageLength = ReadData(entry, _image.AsSpan(0, length), shard);
            }
            else if (extension == "cls")
            {
                Span<byte> text = stackalloc byte[32];
                if (length > text.Length)
                {
                    _error = $"its .cls member is {length} bytes long";
                    return;
                }

                int read = ReadData(entry, text[..length], shard);
                string value = System.Text.Encoding.ASCII.GetString(text[..read]).Trim();
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int label))
                {
                    _label = label;
                }
                else
                {
                    _error = $"its .cls member '{Printable(value)}' is not a non-negative integer";
                }
            }
        }

        public WebDatasetSample Complete(long ordinal)
        {
            string? error = _error ?? (_image is null ? "it has no .jpg, .jpeg, .png or .webp member" : _label is null ? "it has no .cls member" : null);
            var sample = new WebDatasetSample(shardName, Key!, ordinal, _image, _imageLength, _label, error);
            _image = null;
            _imageLength = 0;
            _label = null;
            _error = null;
            Key = null;
            return sample;
        }

        public void Dispose()
        {
            if (_image is not null)
            {
                ArrayPool<byte>.Shared.Return(_image);
                _image = null;
            }
        }

        private static int ReadData(TarEntry entry, Span<byte> destination, string shard)
        {
            Stream? data = entry.DataStream;
            if (data is null)
            {
                return 0;
            }

            try
            {
                int total = 0;
                while (total < destination.Length)
                {
                    int read = data.Read(destination[total..]);
                    if (read == 0)
                    {
                        throw new InvalidDataException($"The shard '{shard}' ends inside member '{Printable(entry.Name)}'.");
                    }

                    total += read;
                }

                return total;
            }
            catch (EndOfStreamException ex)
            {
                throw new InvalidDataException($"The shard '{shard}' ends inside member '{Printable(entry.Name)}'.", ex);
            }
        }
    }
}
