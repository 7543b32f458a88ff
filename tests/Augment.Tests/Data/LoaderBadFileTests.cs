using Augment.Batching;
using Augment.Data;
using Augment.ImageSharp;
using Augment.Imaging;
using Augment.Skia;
using Augment.Tests.Codec;
using Augment.TurboJpeg;

namespace Augment.Tests.Data;

/// <summary>
/// The loader's bad-file contract, with every kind of bad file through every decoder: under Skip every valid sample
/// arrives and every bad file is reported once by name; under Raise the first bad file in epoch order is named.
/// </summary>
public sealed class LoaderBadFileTests
{
    private const int ValidCount = 12;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> DecodersAndWorkers()
    {
        var data = new TheoryData<string, int>();
        foreach (string decoder in DecoderNames())
        {
            foreach (int workers in new[] { 0, 1, 2, 8 })
            {
                data.Add(decoder, workers);
            }
        }

        return data;
    }

    private static IEnumerable<string> DecoderNames() => TurboJpegDecoder.IsAvailable ? ["skia", "turbojpeg", "imagesharp"] : ["skia", "imagesharp"];

    private static IImageDecoder Decoder(string name) => name switch
    {
        "skia" => new SkiaImageDecoder(),
        "turbojpeg" => new TurboJpegDecoder(new SkiaImageDecoder()),
        "imagesharp" => new ImageSharpDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A class folder of valid images and one of every bad file.</summary>
    private static TempTree Corpus()
    {
        var tree = new TempTree();
        for (int i = 0; i < ValidCount; i++)
        {
            tree.Write($"good/{i:D2}.png", DataFixtures.Image(i));
        }

        foreach (BadFile bad in BadFileCorpus.All)
        {
            tree.Write($"bad/{bad.Name}", bad.Bytes);
        }

        return tree;
    }

    [Theory]
    [MemberData(nameof(DecodersAndWorkers))]
    public void SkipDeliversEveryValidSampleAndReportsEveryBadFileOnce(string decoderName, int workers)
    {
        using TempTree tree = Corpus();
        IImageDecoder decoder = Decoder(decoderName);
        var source = new ImageFolderSource(tree.Root, decoder);
        Assert.Equal(ValidCount + BadFileCorpus.All.Count(bad => decoder.FileExtensions.Contains(Path.GetExtension(bad.Name))), source.Count);
        using var loader = new DataLoader(source, decoder, new DataLoaderOptions
        {
            BatchSize = 4, Shuffle = true, Seed = 11, Workers = workers, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow(),
        });

        var delivered = new HashSet<string>();
        long batches = 0;
        foreach (ImageBatch batch in loader.ReadEpoch(0, Token))
        {
            using (batch)
            {
                batches++;
                Assert.Equal(batches < loader.BatchCount ? 4 : source.Count - (4 * (loader.BatchCount - 1)), batch.Count);
                foreach (SampleOrigin origin in batch.Origins)
                {
                    Assert.Contains("/good/", origin.Name);
                    delivered.Add(origin.Name!);
                }
            }
        }

        Assert.Equal(loader.BatchCount, batches);
        Assert.Equal(source.Paths.Where(p => p.Contains("/good/")).Order(), delivered.Order());
        string[] skipped = [.. loader.LastEpoch!.Skipped.Select(s => s.Name)];
        Assert.Equal(source.Paths.Where(p => p.Contains("/bad/")).Order(), skipped.Order());
    }

    [Theory]
    [MemberData(nameof(DecodersAndWorkers))]
    public void RaiseNamesTheFirstBadFileInEpochOrder(string decoderName, int workers)
    {
        using TempTree tree = Corpus();
        IImageDecoder decoder = Decoder(decoderName);
        var source = new ImageFolderSource(tree.Root, decoder);
        using var loader = new DataLoader(source, decoder, new DataLoaderOptions { BatchSize = 8, Shuffle = true, Seed = 5, Workers = workers, Transform = new RandomWindow() });
        for (int epoch = 0; epoch < 20; epoch++)
        {
            int[] order = EpochOrder.ForRank(source.Count, true, 5, epoch, 0, 1);
            string firstBad = source.GetName(order.First(i => source.GetName(i).Contains("/bad/")));
            var ex = Assert.Throws<SampleLoadException>(() => loader.ReadEpoch(epoch, Token).ToList().ForEach(b => b.Dispose()));
            Assert.Equal(firstBad, ex.SourceName);
            Assert.Contains(firstBad, ex.Message);
        }
    }

    [Fact]
    public void RaiseNamesTheFirstOfTwoBadFilesInABatchWhateverTheTiming()
    {
        // Two bad files in one batch of eight, the later one failing at once and the earlier one slowly: with eight
        // workers the later failure always happens first, and the loader must still name the earlier file.
        var samples = new List<InMemorySample>();
        for (int i = 0; i < 16; i++)
        {
            byte[] bytes = i switch { 2 => [0xFF, 0xD8, 0xFF, 0xD9], 6 => [1, 2, 3], _ => DataFixtures.Image(i) };
            samples.Add(InMemorySample.FromBytes(bytes, 0, $"sample{i}"));
        }

        using var loader = new DataLoader(new InMemorySource(samples), new SlowOnSoiDecoder(), new DataLoaderOptions { BatchSize = 8, Workers = 8, Transform = new RandomWindow() });
        for (int epoch = 0; epoch < 200; epoch++)
        {
            var ex = Assert.Throws<SampleLoadException>(() => loader.ReadEpoch(epoch, Token).ToList().ForEach(b => b.Dispose()));
            Assert.Equal("sample2", ex.SourceName);
        }
    }

    [Fact]
    public void AnyExceptionFromADecoderIsTheFilesFault()
    {
        var samples = Enumerable.Range(0, 10).Select(i => InMemorySample.FromBytes(i == 3 ? [9, 9, 9] : DataFixtures.Image(i), 0, $"s{i}"));
        using var loader = new DataLoader(new InMemorySource(samples), new ThrowingDecoder(), new DataLoaderOptions { BatchSize = 4, Workers = 2, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow() });
        Assert.Equal(3, loader.ReadEpoch(0, Token).Count(batch =>
        {
            batch.Dispose();
            return true;
        }));
        SkippedSample skipped = Assert.Single(loader.LastEpoch!.Skipped);
        Assert.Equal("s3", skipped.Name);
        Assert.Contains("ArgumentOutOfRange-like", skipped.Reason);
    }

    [Fact]
    public void APipelineFailureIsRaisedEvenUnderSkip()
    {
        var samples = Enumerable.Range(0, 6).Select(i => InMemorySample.FromBytes(DataFixtures.Image(i, width: i == 4 ? 8 : 24), 0, $"s{i}"));
        using var loader = new DataLoader(new InMemorySource(samples), new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Workers = 2, BadFiles = BadFilePolicy.Skip, Transform = new RandomWindow() });
        var ex = Assert.Throws<SampleTransformException>(() => loader.ReadEpoch(0, Token).ToList().ForEach(b => b.Dispose()));
        Assert.Equal("s4", ex.SourceName);
        Assert.Contains("20x8", ex.Message);
    }

    /// <summary>Skia, but the SOI/EOI-only file fails after a delay and garbage fails at once.</summary>
    private sealed class SlowOnSoiDecoder : IImageDecoder
    {
        private readonly SkiaImageDecoder _inner = new();

        public IReadOnlyList<string> FileExtensions => _inner.FileExtensions;

        public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null) => _inner.Identify(encoded, sourceName);

        public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null)
        {
            if (encoded.Length == 4)
            {
                Thread.Sleep(2);
            }

            return _inner.Decode(encoded, sourceName);
        }

        public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null) => _inner.DecodePixels(encoded, minimumSize, sourceName);
    }

    /// <summary>Skia, but a 3-byte file makes it throw an exception that is not <see cref="InvalidDataException"/>.</summary>
    private sealed class ThrowingDecoder : IImageDecoder
    {
        private readonly SkiaImageDecoder _inner = new();

        public IReadOnlyList<string> FileExtensions => _inner.FileExtensions;

        public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null) => _inner.Identify(encoded, sourceName);

        public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null) =>
            encoded.Length == 3 ? throw new ArgumentOutOfRangeException(nameof(encoded), "ArgumentOutOfRange-like failure") : _inner.Decode(encoded, sourceName);

        public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null) => _inner.DecodePixels(encoded, minimumSize, sourceName);
    }
}
