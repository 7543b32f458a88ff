using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Transforms.Warp;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// The local warps and the Gaussian blur on a 3x224x224 float tensor of 8-bit levels, against the rows of
/// benchmarks/peers_policies.py (torchvision 0.14 on a float tensor). Every row writes into a preallocated
/// destination, so a call allocates nothing: the kernels' scratch and the elastic field come from the array pool.
/// The perspective row solves the coefficients from the corners on every call, as torchvision's <c>F.perspective</c> does.
/// </summary>
[MemoryDiagnoser]
public class LocalWarpBenchmarks
{
    private static readonly float[] Fill = [0.5f, 0.5f, 0.5f];
    private static readonly PerspectiveQuad Start = PerspectiveQuad.Image(224, 224);
    private static readonly PerspectiveQuad End = new((30, 21), (200, 9), (215, 190), (12, 220));
    private readonly ElasticTransform _elastic = new(50.0, 5.0);
    private ImageTensor _source = null!;
    private ImageTensor _destination = null!;
    private DisplacementField _field;
    private long _index;

    [GlobalSetup]
    public void Setup()
    {
        _source = BenchmarkImages.Levels224();
        _destination = ImageTensor.Create(3, 224, 224);
        var stream = RandomSource.FromSeed(42);
        _field = _elastic.Draw(3, _source.Size, ref stream).Displacement;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _field.Return();
        _source.Dispose();
        _destination.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _source.CopyTo(_destination);

    /// <summary>Sampling through a given displacement field (torchvision's <c>F.elastic_transform</c>).</summary>
    [Benchmark]
    public void ElasticBilinear() => WarpKernels.Elastic(_source, _field, Interpolation.Bilinear, Fill, _destination);

    /// <summary>
    /// <c>ElasticTransform(50, 5)</c> whole: the draw (2 × 224² uniforms, two 41-tap separable blurs) and the sampling,
    /// then the field back to the pool (torchvision's <c>ElasticTransform.forward</c>).
    /// </summary>
    [Benchmark]
    public void ElasticTransformDrawAndApply()
    {
        var random = RandomSource.ForSample(1, 0, _index++);
        DisplacementField field = _elastic.Draw(3, _source.Size, ref random).Displacement;
        WarpKernels.Elastic(_source, field, Interpolation.Bilinear, Fill, _destination);
        field.Return();
    }

    /// <summary>The draw of <c>ElasticTransform(50, 5)</c> alone: the noise and its blur.</summary>
    [Benchmark]
    public void ElasticDraw()
    {
        var random = RandomSource.ForSample(1, 0, _index++);
        _elastic.Draw(3, _source.Size, ref random).Displacement.Return();
    }

    [Benchmark]
    public void PerspectiveBilinear() =>
        WarpKernels.Perspective(_source, PerspectiveCoefficients.FromPoints(Start, End), Interpolation.Bilinear, Fill, _destination);

    [Benchmark]
    public void GaussianBlurK5() => BlurKernels.GaussianBlur(_source, 5, 5, 1.3f, 1.3f, _destination);

    /// <summary>timm's SimCLR-style blur: kernel 23.</summary>
    [Benchmark]
    public void GaussianBlurK23() => BlurKernels.GaussianBlur(_source, 23, 23, 2f, 2f, _destination);
}
