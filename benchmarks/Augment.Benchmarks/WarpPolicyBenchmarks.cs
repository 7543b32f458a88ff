using Augment.Imaging;
using Augment.Kernels.Tone;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Transforms.Policies;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// The warp and tone kernels and the three augmentation policies on a 3x224x224 float tensor of 8-bit levels,
/// against the rows of benchmarks/peers_policies.py (torchvision 0.14 on a float tensor). The in-place tone
/// kernels run on the same buffer call after call; the warps and sharpness return a new tensor; the policies
/// take ownership of their input, so each call first copies the source into a pooled tensor (<see cref="Copy"/>,
/// the baseline) and draws from a fresh per-sample stream.
/// </summary>
[MemoryDiagnoser]
public class WarpPolicyBenchmarks
{
    private static readonly float[] Fill = [0.5f, 0.5f, 0.5f];
    private readonly AutoAugment _autoAugment = new(AutoAugmentPolicy.ImageNet);
    private readonly RandAugment _randAugment = new();
    private readonly TrivialAugmentWide _trivialAugment = new();
    private ImageTensor _source = null!;
    private ImageTensor _work = null!;
    private long _index;

    [GlobalSetup]
    public void Setup()
    {
        _source = BenchmarkImages.Levels224();
        _work = _source.Clone();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _work.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _source.CopyTo(_work);

    [Benchmark]
    public void RotateNearest()
    {
        using ImageTensor result = WarpKernels.Rotate(_source, 23, Interpolation.Nearest, Fill);
    }

    [Benchmark]
    public void RotateBilinear()
    {
        using ImageTensor result = WarpKernels.Rotate(_source, 23, Interpolation.Bilinear, Fill);
    }

    [Benchmark]
    public void AffineNearest()
    {
        using ImageTensor result = WarpKernels.Affine(_source, 10, 5, -3, 1.1, 12, 4, Interpolation.Nearest, Fill);
    }

    [Benchmark]
    public void Posterize() => ToneKernels.Posterize(_work, 3);

    [Benchmark]
    public void Solarize() => ToneKernels.Solarize(_work, 0.5f);

    [Benchmark]
    public void Invert() => ToneKernels.Invert(_work);

    [Benchmark]
    public void AutoContrast() => ToneKernels.AutoContrast(_work);

    [Benchmark]
    public void Equalize() => ToneKernels.Equalize(_work);

    [Benchmark]
    public void Sharpness()
    {
        using ImageTensor result = ToneKernels.Sharpness(_source, 1.8f);
    }

    [Benchmark]
    public void AutoAugmentImageNet() => RunPolicy(_autoAugment);

    [Benchmark]
    public void RandAugmentN2M9() => RunPolicy(_randAugment);

    [Benchmark]
    public void TrivialAugmentWide() => RunPolicy(_trivialAugment);

    private void RunPolicy(PolicyTransform policy)
    {
        var image = ImageTensor.Create(3, 224, 224);
        _source.CopyTo(image);
        var random = RandomSource.ForSample(1, 0, _index++);
        using ImageTensor result = policy.Apply(image, ref random);
    }
}
