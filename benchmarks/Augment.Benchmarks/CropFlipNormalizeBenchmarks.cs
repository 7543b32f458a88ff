using Augment.Imaging;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// The training-time index-only stage: a 224x224 crop of a 3x256x256 float image, a horizontal flip and ImageNet
/// normalization, written into a preallocated destination. <c>FusedOnePass</c> normalizes each row right after its
/// mirrored copy; <c>Fused</c> mirrors while copying, then normalizes; <c>Separate</c> runs crop, in-place flip and
/// normalization one after the other. None allocates.
/// </summary>
[MemoryDiagnoser]
public class CropFlipNormalizeBenchmarks
{
    private readonly RandomCrop _crop = new(224);
    private readonly Normalize _normalize = Normalize.ImageNet();
    private ImageTensor _source = null!;
    private ImageTensor _destination = null!;
    private RandomCropParams _corner;

    [GlobalSetup]
    public void Setup()
    {
        _source = ImageTensor.Create(3, 256, 256);
        RandomSource random = RandomSource.FromSeed(42);
        Span<float> data = _source.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        _destination = ImageTensor.Create(3, 224, 224);
        _corner = _crop.Draw(3, _source.Size, ref random);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _destination.Dispose();
    }

    [Benchmark]
    public void FusedOnePass() => _normalize.ApplyCropped(_source, _corner.Top, _corner.Left, _destination, FlipMode.Horizontal);

    [Benchmark(Baseline = true)]
    public void Fused()
    {
        CropKernels.Crop(_source, _corner.Top, _corner.Left, _destination, FlipMode.Horizontal);
        _normalize.ApplyInPlace(_destination);
    }

    [Benchmark]
    public void Separate()
    {
        CropKernels.Crop(_source, _corner.Top, _corner.Left, _destination);
        FlipKernels.FlipHorizontal(_destination);
        _normalize.ApplyInPlace(_destination);
    }

    [Benchmark]
    public void CropOnly() => CropKernels.Crop(_source, _corner.Top, _corner.Left, _destination);
}
