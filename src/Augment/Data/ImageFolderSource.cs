using Augment.Imaging;

namespace Augment.Data;

/// <summary>
/// A dataset laid out as one folder per class under a root (torchvision's <c>ImageFolder</c>): class names are
/// the sub-folder names sorted ordinally, class <c>i</c> is the <c>i</c>-th name, and samples are listed class by
/// class, folder by folder and file by file in ordinal order, so indices match torchvision's on the same tree.
/// </summary>
/// <remarks>
/// Hidden files and folders (names starting with a dot) are ignored; files are matched by extension,
/// case-insensitively. List the folder for the decoder that will read it (<c>new ImageFolderSource(root, decoder)</c>),
/// so that exactly the formats it decodes are listed, or give the extensions yourself.
/// </remarks>
public sealed class ImageFolderSource : IImageSource
{
    private readonly string[] _paths;
    private readonly int[] _labels;
    private readonly string[] _classes;

    /// <summary>Scans <paramref name="root"/> for the files <paramref name="decoder"/> decodes (its <see cref="IImageDecoder.FileExtensions"/>).</summary>
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="decoder">The decoder that will read the files.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="ArgumentException">The decoder lists no extension, or one that does not start with a dot.</exception>
    /// <exception cref="InvalidDataException">The root has no class folder, or a class folder holds no matching file.</exception>
    public ImageFolderSource(string root, IImageDecoder decoder)
        : this(root, (decoder ?? throw new ArgumentNullException(nameof(decoder))).FileExtensions)
    {
    }

    /// <summary>Scans <paramref name="root"/> for files with the given extensions.</summary>
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="extensions">The accepted file extensions with their dot (e.g. <c>".jpg"</c>).</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="ArgumentException"><paramref name="extensions"/> is empty or holds an entry that does not start with a dot.</exception>
    /// <exception cref="InvalidDataException">The root has no class folder, or a class folder holds no matching file.</exception>
    public ImageFolderSource(string root, IEnumerable<string> extensions)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(extensions);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The image folder '{root}' does not exist.");
        }

        string[] accepted = [.. extensions];
        if (accepted.Length == 0)
        {
            throw new ArgumentException("At least one file extension is needed.", nameof(extensions));
        }

        foreach (string extension in accepted)
        {
            if (string.IsNullOrEmpty(extension) || extension[0] != '.')
            {
                throw new ArgumentException($"File extensions start with a dot, got '{extension}'.", nameof(extensions));
            }
        }

        Root = root;
        Extensions = accepted;
        _classes = [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(name => !IsHidden(name)).Order(StringComparer.Ordinal)];
        if (_classes.Length == 0)
        {
            throw new InvalidDataException($"The image folder '{root}' has no class folder.");
        }

        var paths = new List<string>();
        var labels = new List<int>();
        for (int label = 0; label < _classes.Length; label++)
        {
            int before = paths.Count;
            AddFiles(Path.Combine(root, _classes[label]), accepted, paths);
            if (paths.Count == before)
            {
                throw new InvalidDataException($"The class folder '{Path.Combine(root, _classes[label])}' holds no file with an extension in [{string.Join(", ", accepted)}].");
            }

            labels.AddRange(Enumerable.Repeat(label, paths.Count - before));
        }

        _paths = [.. paths];
        _labels = [.. labels];
    }

    /// <summary>The root folder.</summary>
    public string Root { get; }

    /// <summary>The class names; class index <c>i</c> is <c>Classes[i]</c>.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>The file paths, in sample order.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>The file extensions listed.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <inheritdoc />
    public int Count => _paths.Length;

    /// <inheritdoc />
    public int ClassCount => _classes.Length;

    /// <inheritdoc />
    public int GetLabel(int index) => _labels[index];

    /// <inheritdoc />
    public string GetName(int index) => _paths[index];

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Read(int index, ref byte[]? buffer) => FileBytes.Read(_paths[index], ref buffer);

    private static bool IsHidden(string name) => name.StartsWith('.');

    // torchvision walks each class folder with sorted(os.walk(...)), i.e. folders by full path, files by name.
    private static void AddFiles(string classFolder, string[] extensions, List<string> paths)
    {
        var folders = new List<string> { classFolder };
        var pending = new Stack<string>();
        pending.Push(classFolder);
        while (pending.Count > 0)
        {
            foreach (string sub in Directory.EnumerateDirectories(pending.Pop()))
            {
                if (!IsHidden(Path.GetFileName(sub)))
                {
                    folders.Add(sub);
                    pending.Push(sub);
                }
            }
        }

        folders.Sort(StringComparer.Ordinal);
        foreach (string folder in folders)
        {
            var files = Directory.EnumerateFiles(folder)
                .Where(file => !IsHidden(Path.GetFileName(file)) && extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal);
            paths.AddRange(files);
        }
    }
}
