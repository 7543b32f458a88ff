using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Sampling;
using SkiaSharp;

namespace Augment.Tests.Data;

public sealed class FusedPipelineTests
{
    private const float ParityTolerance = 1e-3f;

    public static TheoryData<string> Recipes =>
    [
        "classic", "eval", "rrc", "rrc-rest", "exact-flip", "pad-center", "padded-random-crop", "single-rrc",
        "vertical-flips", "rrc-vflip", "padded-crop-normalized", "pad-if-needed", "oversize-center-normalized", "crop-after-flips",
        "window-then-resize", "padded-fixed-crop", "resized-crop", "rrc-jitter-flip", "far-padding",
        "scale-jitter", "shortest-size",
    ];

    private static ITransform Recipe(string name) => name switch
    {
        "classic" => new Compose(new Resize(32), new RandomCrop(24), new RandomHorizontalFlip(), Normalize.ImageNet()),
        "eval" => new Compose(new Resize(32), new CenterCrop(28), Normalize.ImageNet()),
        "rrc" => new Compose(new RandomResizedCrop(24), new RandomHorizontalFlip(), Normalize.ImageNet()),
        "rrc-rest" => new Compose(new RandomResizedCrop(20), new HorizontalFlip(), new RandomWindow()),
        "exact-flip" => new Compose(new Resize(ResizeSize.Exact(18, 26)), new RandomHorizontalFlip(0.7)),
        "pad-center" => new Compose(new Resize(20), new CenterCrop(24, 22), new RandomHorizontalFlip()),
        "padded-random-crop" => new Compose(new Resize(30), new RandomCrop(24, 24, Padding.Uniform(2)), new RandomHorizontalFlip()),
        "single-rrc" => new RandomResizedCrop(16, interpolation: Interpolation.Bicubic),
        "vertical-flips" => new Compose(new Resize(30), new RandomCrop(22, 26), new RandomVerticalFlip(), new RandomHorizontalFlip(), Normalize.ImageNet()),
        "rrc-vflip" => new Compose(new RandomResizedCrop(18, interpolation: Interpolation.Bicubic), new VerticalFlip(), new HorizontalFlip()),
        "padded-crop-normalized" => new Compose(new Resize(24), new RandomCrop(24, 24, Padding.Uniform(4), fill: 0.5f), new RandomVerticalFlip(), Normalize.ImageNet()),
        "pad-if-needed" => new Compose(new Resize(ResizeSize.Exact(20, 30)), new RandomCrop(26, 22, padIfNeeded: true, fill: 0.25f), new RandomHorizontalFlip()),
        "oversize-center-normalized" => new Compose(new Resize(20), new CenterCrop(27, 23), new VerticalFlip(), Normalize.ImageNet()),
        "crop-after-flips" => new Compose(new Resize(28), new RandomHorizontalFlip(0.6), new RandomVerticalFlip(0.6), new RandomCrop(20, 18, new Padding(3, 1, 0, 2)), Normalize.ImageNet()),
        "window-then-resize" => new Compose(new RandomCrop(30, 30), new Resize(17, Interpolation.Bicubic), new CenterCrop(15)),
        "padded-fixed-crop" => new Compose(new Resize(24), new Crop(-3, 5, 22, 26), new RandomVerticalFlip()),
        "resized-crop" => new Compose(new ResizedCrop(4, 2, 26, 30, ResizeSize.Exact(20, 16), Interpolation.Bilinear, antialias: false), new RandomHorizontalFlip()),
        "far-padding" => new Compose(new Resize(10), new RandomCrop(8, 8, Padding.Uniform(12), fill: 0.3f), Normalize.ImageNet()),
        "scale-jitter" => new Compose(new ScaleJitter(new ImageSize(24, 30)), new RandomCrop(16, 16, padIfNeeded: true), new RandomHorizontalFlip()),
        "shortest-size" => new Compose(new RandomShortestSize([18, 22, 26], maxSize: 40, Interpolation.Bicubic), new CenterCrop(20), Normalize.ImageNet()),
        "rrc-jitter-flip" => new Compose(new RandomResizedCrop(20), new ColorJitter(0.4, 0.4, 0.4), new RandomHorizontalFlip(), Normalize.ImageNet()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static InMemorySource Images(SKEncodedImageFormat format, int count, Func<int, (int W, int H)> size) =>
        new(Enumerable.Range(0, count).Select(i =>
        {
            (int w, int h) = size(i);
            // PNGs: sample 3 is grayscale, sample 4 has an alpha channel.
            SKColorType colorType = i == 3 ? SKColorType.Gray8 : SKColorType.Rgba8888;
            return InMemorySample.FromBytes(format == SKEncodedImageFormat.Png ? DataFixtures.Image(i, w, h, colorType: colorType) : Smooth(i, w, h), i % 4);
        }));

    /// <summary>Reads one epoch, then disposes the loader.</summary>
    private static float[] ReadAll(DataLoader loader)
    {
        using var owned = loader;
        var data = new List<float>();
        foreach (ImageBatch batch in loader)
        {
            using (batch)
            {
                data.AddRange(batch.Data.ToArray());
            }
        }

        return [.. data];
    }

    private static DataLoader Loader(IImageSource source, ITransform transform, bool fuse, bool dct, int workers = 2) =>
        new(source, new SkiaImageDecoder(), new DataLoaderOptions
        {
            BatchSize = 3, Workers = workers, Seed = 17, Shuffle = true, Transform = transform, Fuse = fuse, DctScaling = dct,
        });

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [MemberData(nameof(Recipes))]
    public void FusedEqualsTheUnfusedChainAtFullDecode(string recipe)
    {
        InMemorySource source = Images(SKEncodedImageFormat.Png, 7, i => (33 + (i * 7), 40 + (i * 3 % 11)));
        DataLoader fused = Loader(source, Recipe(recipe), fuse: true, dct: false);
        Assert.True(fused.IsFused);
        float[] expected = ReadAll(Loader(source, Recipe(recipe), fuse: false, dct: false));
        float[] actual = ReadAll(fused);
        Assert.Equal(expected.Length, actual.Length);
        float worst = 0f;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        Assert.True(worst <= ParityTolerance, $"{recipe}: largest difference {worst}");
    }

    /// <summary>Every sampling step of the library fuses in at least one recipe of the parity test above.</summary>
    [Fact]
    public void EverySamplingStepHasAParityRecipe()
    {
        var covered = new HashSet<Type>();
        foreach (string recipe in Recipes.Select(row => row.Data))
        {
            covered.UnionWith(FusedPipeline.TryCreate(Recipe(recipe))!.FusedSteps.Select(step => step.GetType()));
        }

        Type[] steps = [.. typeof(ISamplingStep).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ISamplingStep).IsAssignableFrom(t))];
        Assert.NotEmpty(steps);
        Assert.Empty(steps.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void ThePlannerStopsAtTheFirstStepThatCannotFuse()
    {
        static int Fused(params ITransform[] steps) => FusedPipeline.TryCreate(new Compose(steps))?.FusedSteps.Count ?? 0;

        // A step that is no sampling step, or that the plan cannot hold after the earlier ones, ends the chain.
        FusedPipeline rrc = FusedPipeline.TryCreate(Recipe("rrc-jitter-flip"))!;
        Assert.Single(rrc.FusedSteps);
        Assert.True(rrc.HasRest);
        Assert.Equal(2, Fused(new Resize(20), new RandomHorizontalFlip(), new Resize(10)));
        Assert.Equal(2, Fused(new Resize(20), Normalize.ImageNet(), new RandomCrop(16, 16, Padding.Uniform(2)), new RandomHorizontalFlip()));
        Assert.Equal(2, Fused(new Resize(20), new CenterCrop(24), new RandomCrop(20, 20, padIfNeeded: true)));
        Assert.Equal(1, Fused(new Resize(20), new RandomCrop(16, 16, Padding.Uniform(2), paddingMode: PaddingMode.Reflect)));
        Assert.Equal(1, Fused(new Resize(20), new Normalize([0.5f], [0.5f])));
        Assert.Equal(4, Fused(new RandomCrop(30), new Resize(20), new CenterCrop(18), new VerticalFlip()));

        // A chain without a resize is not worth fusing.
        Assert.Null(FusedPipeline.TryCreate(new Compose(new CenterCrop(20), new Resize(16))));
        Assert.Null(FusedPipeline.TryCreate(new Compose(new RandomHorizontalFlip(), Normalize.ImageNet())));
        Assert.False(FusedPipeline.TryCreate(new Resize(16))!.HasRest);
    }

    [Fact]
    public void PipelinesThatDoNotStartWithAGeometricChainAreNotFused()
    {
        InMemorySource source = Images(SKEncodedImageFormat.Png, 1, _ => (20, 20));
        Assert.False(Loader(source, new Compose(new RandomWindow(), new Resize(8)), fuse: true, dct: false).IsFused);
        Assert.False(Loader(source, new Compose(new Resize(16)), fuse: false, dct: false).IsFused);
        Assert.False(new DataLoader(source, new SkiaImageDecoder()).IsFused);
    }

    /// <summary>
    /// DCT scaling (JPEGs at 1/2 .. 1/8 while decoding) trades exactness for speed. Measured here, in [0, 1] units:
    /// Resize chains differ from a full-size decode by 0.002 on average with ~0.01% of elements beyond 0.05;
    /// RandomResizedCrop by 0.005 on average with ~1% beyond 0.05, its window being rounded to whole pixels of the
    /// reduced image. The bounds asserted: mean below 0.01, fewer than 2% of elements beyond 0.05.
    /// </summary>
    [Theory]
    [InlineData("eval")]
    [InlineData("classic")]
    [InlineData("rrc")]
    public void DctScalingStaysCloseToAFullSizeDecode(string recipe)
    {
        // 4x and more larger than the 32-pixel resize, so the decoder reduces them.
        InMemorySource source = Images(SKEncodedImageFormat.Jpeg, 6, i => (160 + (i * 16), 136 + (i * 8)));
        float[] full = ReadAll(Loader(source, Recipe(recipe), fuse: true, dct: false));
        float[] reduced = ReadAll(Loader(source, Recipe(recipe), fuse: true, dct: true));
        Assert.Equal(full.Length, reduced.Length);
        double sum = 0;
        int far = 0;
        for (int i = 0; i < full.Length; i++)
        {
            // Normalized values: divide by ~1/0.225 to get back to [0, 1] units.
            float d = Math.Abs(full[i] - reduced[i]) * 0.225f;
            sum += d;
            far += d > 0.05f ? 1 : 0;
        }

        double mean = sum / full.Length;
        Assert.True(mean < 0.01, $"{recipe}: mean difference {mean}");
        Assert.True(far < full.Length / 50, $"{recipe}: {far} of {full.Length} elements differ by more than 0.05");
        Assert.False(full.AsSpan().SequenceEqual(reduced), "the images were not reduced");
    }

    [Fact]
    public void FusedBatchesAreIdenticalWhateverTheWorkerCount()
    {
        InMemorySource source = Images(SKEncodedImageFormat.Jpeg, 8, i => (90 + i, 70 + (2 * i)));
        float[] one = ReadAll(Loader(source, Recipe("rrc"), fuse: true, dct: true, workers: 1));
        float[] four = ReadAll(Loader(source, Recipe("rrc"), fuse: true, dct: true, workers: 4));
        Assert.Equal(one, four);
    }

    /// <summary>A smooth image (gradients and soft discs), closer to a photograph than noise, as JPEG.</summary>
    private static byte[] Smooth(int seed, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        SKCanvas canvas = surface.Canvas;
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [new SKColor((byte)(seed * 40), 90, 200), new SKColor(250, (byte)(seed * 30), 40)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, paint);
        paint.Shader = null;
        for (int i = 0; i < 5; i++)
        {
            paint.Color = new SKColor((byte)(50 * i), (byte)(255 - (40 * i)), (byte)(seed * 20), 180);
            canvas.DrawCircle(width * (0.2f + (0.15f * i)), height * (0.3f + (0.1f * ((i + seed) % 5))), Math.Min(width, height) * 0.15f, paint);
        }

        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
