using Augment.Data;
using Augment.Skia;

namespace Augment.Tests.Data;

public sealed class ImageFolderSourceTests
{
    [Fact]
    public void ClassesAreSortedOrdinallyAndFilesListedClassByClass()
    {
        using var tree = new TempTree();
        byte[] png = DataFixtures.Image(0);
        tree.Write("dog/b.png", png);
        tree.Write("dog/a.JPG", png);
        tree.Write("dog/sub/c.png", png);
        tree.Write("Cat/z.png", png);
        tree.Write("cat/x.webp", png);
        tree.Write("cat/.hidden.png", png);
        tree.Write("cat/notes.txt", png);
        tree.Write(".cache/y.png", png);

        var source = new ImageFolderSource(tree.Root, new SkiaImageDecoder());

        Assert.Equal(["Cat", "cat", "dog"], source.Classes);
        string[] relative = [.. source.Paths.Select(p => Path.GetRelativePath(tree.Root, p))];
        Assert.Equal(["Cat/z.png", "cat/x.webp", "dog/a.JPG", "dog/b.png", "dog/sub/c.png"], relative);
        Assert.Equal([0, 1, 2, 2, 2], Enumerable.Range(0, source.Count).Select(source.GetLabel));
        Assert.Equal(source.Paths[3], source.GetName(3));

        byte[]? buffer = null;
        Assert.Equal(png, source.Read(3, ref buffer).ToArray());
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer!);
    }

    [Fact]
    public void ExtensionsAreConfigurable()
    {
        using var tree = new TempTree();
        tree.Write("a/1.png", [1]);
        tree.Write("a/2.raw", [2]);
        var source = new ImageFolderSource(tree.Root, [".raw"]);
        Assert.Equal(1, source.Count);
        Assert.EndsWith("2.raw", source.Paths[0]);
        Assert.Throws<ArgumentException>(() => new ImageFolderSource(tree.Root, ["raw"]));
        Assert.Throws<ArgumentException>(() => new ImageFolderSource(tree.Root, []));
    }

    [Fact]
    public void EmptyClassesAndMissingRootsAreRejected()
    {
        using var tree = new TempTree();
        Assert.Throws<InvalidDataException>(() => new ImageFolderSource(tree.Root, new SkiaImageDecoder()));
        tree.Write("a/1.png", [1]);
        Directory.CreateDirectory(Path.Combine(tree.Root, "b"));
        var ex = Assert.Throws<InvalidDataException>(() => new ImageFolderSource(tree.Root, new SkiaImageDecoder()));
        Assert.Contains("b", ex.Message);
        Assert.Throws<DirectoryNotFoundException>(() => new ImageFolderSource(Path.Combine(tree.Root, "missing"), new SkiaImageDecoder()));
    }

    [Fact]
    public void InMemorySourceServesBytesAndPaths()
    {
        using var tree = new TempTree();
        string path = tree.Write("x.png", [9, 8, 7]);
        var source = new InMemorySource([InMemorySample.FromBytes(new byte[] { 1, 2 }, 3, "first"), InMemorySample.FromPath(path, 5)]);
        byte[]? buffer = null;
        Assert.Equal([1, 2], source.Read(0, ref buffer).ToArray());
        Assert.Null(buffer);
        Assert.Equal([9, 8, 7], source.Read(1, ref buffer).ToArray());
        Assert.Equal(["first", path], [source.GetName(0), source.GetName(1)]);
        Assert.Equal([3, 5], [source.GetLabel(0), source.GetLabel(1)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => InMemorySample.FromBytes(new byte[1], -1));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer!);
    }
}
