using Augment.Imaging;
using Augment.ImageSharp;
using Augment.Skia;
using Augment.TurboJpeg;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks;

/// <summary>
/// Decoding the make_images.py JPEG set (AUGMENT_BENCH_IMAGES, default /tmp/augbench/images) from bytes in memory:
/// to a float tensor (PIL's decode + to_tensor counterpart) and to pooled 8-bit pixels with a minimum size, which lets
/// libjpeg-turbo's DCT scaling skip work; and the same decodes through the system's SIMD libjpeg-turbo
/// (<see cref="TurboJpegDecoder"/>; those throw when libturbojpeg.so.0 is absent) and through the fully managed
/// <see cref="ImageSharpDecoder"/>, which has no DCT scaling (its minimum-size decode is a full one). Times are per image.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private const int SetSize = 200;

    private readonly SkiaImageDecoder _decoder = new();
    private readonly ImageSharpDecoder _imageSharp = new();
    private TurboJpegDecoder? _turbo;
    private byte[][] _files = [];
    private PixelBuffer _pixels = null!;
    private ImageTensor _tensor = null!;

    [GlobalSetup]
    public void Setup()
    {
        string folder = Environment.GetEnvironmentVariable("AUGMENT_BENCH_IMAGES") is { Length: > 0 } path ? path : "/tmp/augbench/images";
        _files = [.. Directory.EnumerateFiles(folder, "*.JPEG", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(SetSize).Select(File.ReadAllBytes)];
        if (_files.Length != SetSize)
        {
            throw new InvalidOperationException($"Expected {SetSize} JPEGs under {folder} (python3 make_images.py), found {_files.Length}.");
        }

        _turbo = TurboJpegDecoder.IsAvailable ? new TurboJpegDecoder(_decoder) : null;
        _pixels = _decoder.DecodePixels(_files[0]);
        _tensor = _pixels.ToTensor();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pixels.Dispose();
        _tensor.Dispose();
    }

    /// <summary>The conversion step alone: one decoded RGBA image (500x375) into an existing float tensor.</summary>
    [Benchmark]
    public void PixelsToTensor() => _pixels.ToTensor(_tensor);

    /// <summary>Full decode to a 3xHxW float tensor.</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void DecodeToTensor()
    {
        foreach (byte[] file in _files)
        {
            _decoder.Decode(file).Dispose();
        }
    }

    /// <summary>Decode to 8-bit RGBA with both sides at least 256 (the set's 500x375 images decode at full size).</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void DecodePixelsMinimum256()
    {
        foreach (byte[] file in _files)
        {
            _decoder.DecodePixels(file, new ImageSize(256, 256)).Dispose();
        }
    }

    /// <summary>Decode to 8-bit RGBA with both sides at least 128: half-size DCT scaling on this set.</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void DecodePixelsMinimum128()
    {
        foreach (byte[] file in _files)
        {
            _decoder.DecodePixels(file, new ImageSize(128, 128)).Dispose();
        }
    }

    /// <summary>Full decode to 8-bit RGBA through the system's SIMD libjpeg-turbo (TurboJPEG API).</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void TurboDecodePixels()
    {
        TurboJpegDecoder turbo = _turbo ?? throw new InvalidOperationException("libturbojpeg.so.0 is not installed (apt-get install libturbojpeg0).");
        foreach (byte[] file in _files)
        {
            turbo.DecodePixels(file).Dispose();
        }
    }

    /// <summary>Full decode to a 3xHxW float tensor through the system's SIMD libjpeg-turbo.</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void TurboDecodeToTensor()
    {
        TurboJpegDecoder turbo = _turbo ?? throw new InvalidOperationException("libturbojpeg.so.0 is not installed (apt-get install libturbojpeg0).");
        foreach (byte[] file in _files)
        {
            turbo.Decode(file).Dispose();
        }
    }

    /// <summary>Full decode to 8-bit RGBA through ImageSharp (managed code).</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void ImageSharpDecodePixels()
    {
        foreach (byte[] file in _files)
        {
            _imageSharp.DecodePixels(file).Dispose();
        }
    }

    /// <summary>Full decode to a 3xHxW float tensor through ImageSharp.</summary>
    [Benchmark(OperationsPerInvoke = SetSize)]
    public void ImageSharpDecodeToTensor()
    {
        foreach (byte[] file in _files)
        {
            _imageSharp.Decode(file).Dispose();
        }
    }
}
