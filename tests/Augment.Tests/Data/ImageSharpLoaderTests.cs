using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.ImageSharp;
using Augment.Skia;
using Augment.Tests.Codec;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Tests.Data;

/// <summary>
/// The loader on <see cref="ImageSharpDecoder"/>: the same batches as on Skia where both decode exactly (lossless
/// files), fused equal to unfused (ImageSharp has no DCT scaling, so a fused JPEG decode is a full one), and every
/// bad file of <see cref="BadFileCorpus"/> skipped and reported by name.
/// </summary>
public sealed class ImageSharpLoaderTests
{
    private static readonly string[] s_lossless = ["gray.png", "palette.png", "palette_trns.png", "rgba.png", "rgb.bmp", "rgb.webp", "palette.gif", "interlaced.png", "gray16.png"];

    private static readonly string[] s_jpegs = ["jpeg420.jpg", "jpeg444.jpg", "progressive.jpg", "gray.jpg", "exif6.jpg", "exif3.jpg", "cmyk.jpg", "wide.jpg"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadsTheSameBatchesAsSkiaOnLosslessFiles(bool fuse)
    {
        // gray16.png: ImageSharp rounds 16-bit samples where Skia keeps the high byte; off by at most one level.
        float[] skia = ReadAll(Loader(Source(s_lossless), new SkiaImageDecoder(), fuse));
        float[] imageSharp = ReadAll(Loader(Source(s_lossless), new ImageSharpDecoder(), fuse));
        Assert.Equal(skia.Length, imageSharp.Length);
        Assert.All(skia.Zip(imageSharp), p => Assert.True(Math.Abs(p.First - p.Second) <= 1.01f / 255f, $"{p.First} vs {p.Second}"));
    }

    [Fact]
    public void FusedEqualsUnfusedOnJpegs()
    {
        DataLoader fused = Loader(Source(s_jpegs), new ImageSharpDecoder(), fuse: true);
        Assert.True(fused.IsFused);
        float[] expected = ReadAll(Loader(Source(s_jpegs), new ImageSharpDecoder(), fuse: false));
        float[] actual = ReadAll(fused);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-3f, $"{p.First} vs {p.Second}"));
    }

    [Fact]
    public void SkipsAndNamesEveryBadFile()
    {
        string root = Path.Combine(Path.GetTempPath(), $"augment-imagesharp-loader-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "good"));
            Directory.CreateDirectory(Path.Combine(root, "bad"));
            foreach (string name in s_jpegs)
            {
                File.Copy(CodecData.PathOf(name), Path.Combine(root, "good", name));
            }

            foreach (BadFile file in BadFileCorpus.All)
            {
                File.WriteAllBytes(Path.Combine(root, "bad", file.Name), file.Bytes);
            }

            var decoder = new ImageSharpDecoder();
            using var loader = new DataLoader(new ImageFolderSource(root, decoder), decoder, new DataLoaderOptions
            {
                BatchSize = 4, Workers = 2, BadFiles = BadFilePolicy.Skip, Transform = new Compose(new Resize(12), new CenterCrop(12)),
            });
            float[] data = ReadAll(loader, dispose: false);
            Assert.True(data.Length >= s_jpegs.Length * 3 * 12 * 12 && data.Length % (3 * 12 * 12) == 0, $"{data.Length} values");
            Assert.Equal(
                BadFileCorpus.All.Select(f => f.Name).Order(),
                loader.LastEpoch!.Skipped.Select(s => Path.GetFileName(s.Name)).Order());
            Assert.All(loader.LastEpoch.Skipped, s => Assert.False(string.IsNullOrEmpty(s.Reason)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static InMemorySource Source(string[] names) =>
        new(names.Select((name, i) => InMemorySample.FromBytes(CodecData.Read(name), i % 3, name)));

    private static DataLoader Loader(IImageSource source, IImageDecoder decoder, bool fuse) => new(source, decoder, new DataLoaderOptions
    {
        BatchSize = 3,
        Workers = 2,
        Seed = 11,
        Shuffle = true,
        Fuse = fuse,
        DctScaling = true,
        Transform = new Compose(new RandomResizedCrop(10), new RandomHorizontalFlip()),
    });

    /// <summary>Reads one epoch; disposes the loader unless told not to.</summary>
    private static float[] ReadAll(DataLoader loader, bool dispose = true)
    {
        var data = new List<float>();
        try
        {
            foreach (ImageBatch batch in loader)
            {
                using (batch)
                {
                    data.AddRange(batch.Data.ToArray());
                }
            }
        }
        finally
        {
            if (dispose)
            {
                loader.Dispose();
            }
        }

        return [.. data];
    }
}
