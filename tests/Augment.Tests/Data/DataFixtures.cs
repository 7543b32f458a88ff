using System.Formats.Tar;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;
using SkiaSharp;

namespace Augment.Tests.Data;

/// <summary>Generated images, folders and shards for the data-loader tests, in a temporary folder deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "augment-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class DataFixtures
{
    /// <summary>A small image with content that depends on <paramref name="seed"/>, encoded as PNG or JPEG.</summary>
    public static byte[] Image(int seed, int width = 24, int height = 20, SKEncodedImageFormat format = SKEncodedImageFormat.Png, SKColorType colorType = SKColorType.Rgba8888)
    {
        var random = RandomSource.FromSeed((ulong)seed + 1);
        SKAlphaType alphaType = colorType == SKColorType.Rgba8888 && seed % 5 == 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, alphaType));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                uint v = random.NextUInt32();
                byte alpha = alphaType == SKAlphaType.Opaque ? (byte)255 : (byte)(v >> 24);
                bitmap.SetPixel(x, y, new SKColor((byte)v, (byte)(v >> 8), (byte)(v >> 16), alpha));
            }
        }

        using SKData data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>An in-memory dataset of <paramref name="count"/> PNGs from <see cref="Image"/>, labels <c>i % 3</c>, named <c>img{i}</c>.</summary>
    public static Augment.Data.InMemorySource Source(int count) =>
        new(Enumerable.Range(0, count).Select(i => Augment.Data.InMemorySample.FromBytes(Image(i), i % 3, $"img{i}")));

    /// <summary>Reads every batch's pixels into one array, disposing the batches.</summary>
    public static float[] ReadPixels(IEnumerable<Augment.Batching.ImageBatch> batches)
    {
        var data = new List<float>();
        foreach (Augment.Batching.ImageBatch batch in batches)
        {
            using (batch)
            {
                data.AddRange(batch.Data.ToArray());
            }
        }

        return [.. data];
    }

    /// <summary>Writes a tar shard of (key, image, label) samples, members in the order given.</summary>
    public static void WriteShard(string path, IEnumerable<(string Key, byte[]? Image, string? Label)> samples)
    {
        using var stream = File.Create(path);
        using var writer = new TarWriter(stream, TarEntryFormat.Ustar);
        foreach (var (key, image, label) in samples)
        {
            if (image is not null)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, key + ".png") { DataStream = new MemoryStream(image) });
            }

            if (label is not null)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, key + ".cls") { DataStream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(label)) });
            }
        }
    }
}

/// <summary>A random test transform: crops a random 12x12 window and scales it by a random factor.</summary>
public sealed class RandomWindow : RandomTransform<RandomWindowParams>
{
    public override RandomWindowParams Draw(int channels, ImageSize size, ref RandomSource random) =>
        new(random.NextInt32(size.Height - 11), random.NextInt32(size.Width - 11), random.NextSingle());

    protected override ImageTensor ApplyCore(ImageTensor image, in RandomWindowParams p)
    {
        var result = ImageTensor.Create(image.Channels, 12, 12);
        for (int c = 0; c < image.Channels; c++)
        {
            for (int y = 0; y < 12; y++)
            {
                Span<float> row = result.Row(c, y);
                image.Row(c, p.Top + y).Slice(p.Left, 12).CopyTo(row);
                for (int x = 0; x < 12; x++)
                {
                    row[x] *= p.Scale;
                }
            }
        }

        image.Dispose();
        return result;
    }
}

public readonly record struct RandomWindowParams(int Top, int Left, float Scale);
