using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// The loader's fused resampling alone (draw the chain, resample the decoded pixels into a batch slot), over the
/// benchmark's JPEG set decoded once at full size: the part of a fused pipeline that does not decode.
/// </summary>
[MemoryDiagnoser]
public class FusedRenderBenchmarks
{
    private PixelBuffer[] _set = [];
    private FusedPipeline _fused = null!;
    private float[] _slot = [];

    /// <summary>The fused chain: the pipeline benchmark's recipes, up to their first unfusable step.</summary>
    [Params("train-classic", "eval", "train-rrc", "resize-256")]
    public string Recipe { get; set; } = "train-classic";

    [GlobalSetup]
    public void Setup()
    {
        string folder = Environment.GetEnvironmentVariable("AUGMENT_BENCH_IMAGES") is { Length: > 0 } path ? path : "/tmp/augbench/images";
        var decoder = new SkiaImageDecoder();
        _set = [.. Directory.EnumerateFiles(folder, "*.JPEG", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200)
            .Select(file => decoder.DecodePixels(File.ReadAllBytes(file), null, file))];
        ITransform transform = Recipe switch
        {
            "train-classic" => new Compose(new Resize(256), new RandomCrop(224), new RandomHorizontalFlip(), Normalize.ImageNet()),
            "eval" => new Compose(new Resize(256), new CenterCrop(224), Normalize.ImageNet()),
            "train-rrc" => new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip(), Normalize.ImageNet()),
            _ => new Resize(256),
        };
        _fused = FusedPipeline.TryCreate(transform)!;
        _slot = new float[3 * 256 * 1024];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (PixelBuffer pixels in _set)
        {
            pixels.Dispose();
        }
    }

    [Benchmark(OperationsPerInvoke = 200)]
    public void DrawAndRender()
    {
        RandomSource random = RandomSource.FromSeed(7);
        for (int i = 0; i < _set.Length; i++)
        {
            FusedDraw draw = _fused.Draw(_set[i].Size, random.Fork(i));
            _fused.Render(_set[i], draw, _slot);
        }
    }
}
