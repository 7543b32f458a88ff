using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// Batch of 64 × 3×224×224: collation into a reused pooled NCHW buffer (with fused ImageNet normalization and
/// smoothed soft targets over 1000 classes) against a plain copy of the same bytes, and in-place mixup, CutMix
/// and RICAP. Throughput in samples/s is 64 / (time per operation).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int BatchSize = 64;
    private const int Side = 224;
    private const int Classes = 1000;

    private readonly Mixup _mixup = new(0.2);
    private readonly Mixup _mixupPerSample = new(0.2, MixMode.Sample);
    private readonly CutMix _cutMix = new();
    private readonly Ricap _ricap = new(0.3);
    private ImageTensor[] _images = [];
    private int[] _labels = [];
    private Collator _plain = null!;
    private Collator _normalizing = null!;
    private float[] _copySource = [];
    private float[] _copyDestination = [];
    private ImageBatch _batch = null!;
    private ImageBatch _reused = null!;
    private ImageBatch _reusedNormalized = null!;
    private RandomSource _random;

    [GlobalSetup]
    public void Setup()
    {
        var random = RandomSource.FromSeed(1);
        _images = new ImageTensor[BatchSize];
        _labels = new int[BatchSize];
        for (int i = 0; i < BatchSize; i++)
        {
            _images[i] = ImageTensor.Create(3, Side, Side);
            Span<float> data = _images[i].Data;
            for (int j = 0; j < data.Length; j++)
            {
                data[j] = random.NextSingle();
            }

            _labels[i] = random.NextInt32(Classes);
        }

        _plain = new Collator(Classes, 0.1);
        _normalizing = new Collator(Classes, 0.1, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);
        _copySource = new float[BatchSize * 3 * Side * Side];
        _copyDestination = new float[_copySource.Length];
        _copySource.AsSpan().Fill(0.5f);
        _batch = _normalizing.Collate(_images, _labels);
        _reused = _plain.Collate(_images, _labels);
        _reusedNormalized = _normalizing.Collate(_images, _labels);
        _random = RandomSource.FromSeed(2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch.Dispose();
        _reused.Dispose();
        _reusedNormalized.Dispose();
        Array.ForEach(_images, i => i.Dispose());
    }

    /// <summary>The yardstick: one single-thread copy of the batch's bytes (38.5 MB).</summary>
    [Benchmark(Baseline = true)]
    public void CopyBytes() => _copySource.AsSpan().CopyTo(_copyDestination);

    /// <summary>Collation into a batch the caller reuses: the plain copy plus labels and soft targets.</summary>
    [Benchmark]
    public void Collate() => _plain.Collate(_images, _labels, _reused);

    /// <summary>Collation with the ImageNet normalization fused into the copy.</summary>
    [Benchmark]
    public void CollateNormalized() => _normalizing.Collate(_images, _labels, _reusedNormalized);

    /// <summary>A batch rented from the pool and disposed each time (the loader's path): the batch object is the only allocation.</summary>
    [Benchmark]
    public void CollatePooled()
    {
        using ImageBatch batch = _normalizing.Collate(_images, _labels);
    }

    [Benchmark]
    public void Mixup() => _mixup.Apply(_batch, ref _random);

    [Benchmark]
    public void MixupPerSample() => _mixupPerSample.Apply(_batch, ref _random);

    [Benchmark]
    public void CutMix() => _cutMix.Apply(_batch, ref _random);

    [Benchmark]
    public void Ricap() => _ricap.Apply(_batch, ref _random);
}
