using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;
using Augment.Transforms.Color;
using Augment.Transforms.Occlusion;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// Photometric and occlusion transforms on a 3x224x224 float tensor, against the peers' "g." rows of
/// ../shared/bench/peers.py (torchvision ColorJitter(.4,.4,.4) on a float tensor, RandomErasing(p=1), AlexNet PCA
/// lighting, Cutout(112)). Every call first restores the input with a 600 KB copy (<see cref="Copy"/>, the baseline),
/// so the transforms always see the same data; a fresh random stream per call draws new parameters.
/// </summary>
[MemoryDiagnoser]
public class ColorBenchmarks
{
    private readonly ColorJitter _jitter = new(0.4, 0.4, 0.4);
    private readonly ColorJitter _jitterHue = new(0.4, 0.4, 0.4, 0.1);
    private readonly PcaLighting _lighting = new(0.1);
    private readonly RandomErasing _erasing = new(p: 1);
    private readonly RandomErasing _erasingNormal = new(p: 1, fill: ErasingFill.PerPixelNormal);
    private readonly Cutout _cutout = new(1, 112);
    private ImageTensor _source = null!;
    private ImageTensor _work = null!;
    private long _index;

    [GlobalSetup]
    public void Setup()
    {
        _source = ImageTensor.Create(3, 224, 224);
        var random = new Random(42);
        Span<float> data = _source.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        _work = _source.Clone();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _work.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ImageTensor Copy()
    {
        _source.CopyTo(_work);
        return _work;
    }

    [Benchmark]
    public ImageTensor ColorJitter040404() => Run(_jitter);

    [Benchmark]
    public ImageTensor ColorJitter04040401() => Run(_jitterHue);

    [Benchmark]
    public ImageTensor Hue() => Kernel(static image => ColorKernels.AdjustHue(image, 0.1f));

    [Benchmark]
    public ImageTensor Brightness() => Kernel(static image => ColorKernels.AdjustBrightness(image, 1.2f));

    [Benchmark]
    public ImageTensor Contrast() => Kernel(static image => ColorKernels.AdjustContrast(image, 0.8f));

    [Benchmark]
    public ImageTensor Saturation() => Kernel(static image => ColorKernels.AdjustSaturation(image, 1.3f));

    [Benchmark]
    public ImageTensor PcaLighting() => Run(_lighting);

    [Benchmark]
    public ImageTensor RandomErasing() => Run(_erasing);

    [Benchmark]
    public ImageTensor RandomErasingPerPixelNormal() => Run(_erasingNormal);

    [Benchmark]
    public ImageTensor Cutout112() => Run(_cutout);

    private ImageTensor Run(Transforms.ITransform transform)
    {
        _source.CopyTo(_work);
        var random = RandomSource.ForSample(7, 0, _index++);

        // Apply consumes its input: keep the result as the next iteration's work tensor.
        _work = transform.Apply(_work, ref random);
        return _work;
    }

    private ImageTensor Kernel(Action<ImageTensor> kernel)
    {
        _source.CopyTo(_work);
        kernel(_work);
        return _work;
    }
}
