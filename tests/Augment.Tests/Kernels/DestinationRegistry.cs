using Augment.Batching;
using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Color;
using Augment.Kernels.Geometry;
using Augment.Kernels.Occlusion;
using Augment.Kernels.Tone;
using Augment.Labels;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;
using Augment.Tta;

namespace Augment.Tests.Kernels;

/// <summary>
/// One row per public destination-writing API (see <see cref="DestinationContractTests"/>), keyed like
/// <see cref="DestinationContractTests.Key"/>: each calls the API on NaN-free inputs and a NaN-filled destination,
/// with windows that reach outside the source where the API allows it, and returns the destination's values.
/// </summary>
internal static class DestinationRegistry
{
    /// <summary>The source of every row: 3×10×12, 8-bit levels; only read, never disposed.</summary>
    private static ImageTensor Source { get; } = TestImages.Random(3, 10, 12, 1, levels: 255);

    /// <summary>The rows.</summary>
    public static IReadOnlyDictionary<string, Func<float[]>> Rows { get; } = new Dictionary<string, Func<float[]>>
    {
        ["Collator.Collate(ReadOnlySpan<ImageTensor>, ReadOnlySpan<Int32>, ImageBatch)"] = () =>
        {
            var collator = new Collator(4, 0.1, [0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]);
            using ImageBatch destination = collator.Rent(2, 3, Source.Size);
            destination.Data.Fill(float.NaN);
            destination.Targets.Fill(float.NaN);
            ImageBatch batch = collator.Collate([Source, Source], [1, 3], destination);
            return [.. batch.Data, .. batch.Targets];
        },
        ["ColorKernels.Grayscale(ImageTensor, Span<Single>)"] = () => Into(Source.PlaneLength, d => ColorKernels.Grayscale(Source, d)),
        ["ColorKernels.PermuteChannels(ImageTensor, ReadOnlySpan<Int32>, ImageTensor)"] = () => Into(3, 10, 12, d => ColorKernels.PermuteChannels(Source, [2, 0, 1], d)),
        ["CropKernels.Crop(ImageTensor, Int32, Int32, ImageTensor, FlipMode, Single)"] = () => Into(3, 8, 9, d => CropKernels.Crop(Source, -2, 6, d, FlipMode.Horizontal, 0.5f)),
        ["CropKernels.Crop(ReadOnlySpan<Single>, Int32, ImageSize, Int32, Int32, Span<Single>, ImageSize, FlipMode, Single)"] = () =>
            Into(3 * 8 * 9, d => CropKernels.Crop(Source.Data, 3, new ImageSize(10, 12), 5, -3, d, new ImageSize(8, 9), FlipMode.Vertical, 0.25f)),
        ["CropKernels.Gather(ImageTensor, ReadOnlySpan<Int32>, ReadOnlySpan<Int32>, ImageTensor, Single)"] = () =>
            Into(3, 4, 6, d => CropKernels.Gather(Source, [-1, 0, 9, 3], [11, 10, -1, 0, 1, 2], d, 0.75f)),
        ["DistinctCrops.Apply(ImageTensor, ReadOnlySpan<CropCorner>, ReadOnlySpan<ImageTensor>)"] = () =>
            Views(2, 6, 7, d => new DistinctCrops(new ImageSize(10, 12), 6, 7).Apply(Source, [new CropCorner(0, 0), new CropCorner(4, 5)], d)),
        ["FiveCrop.Apply(ImageTensor, ReadOnlySpan<ImageTensor>)"] = () => Views(5, 6, 7, d => new FiveCrop(6, 7).Apply(Source, d)),
        ["FiveCrop.Apply(ImageTensor, Span<Single>)"] = () => Into(5 * 3 * 6 * 7, d => new FiveCrop(6, 7).Apply(Source, d)),
        ["FlipKernels.MirrorCopy(ReadOnlySpan<Single>, Span<Single>)"] = () => Into(37, d => FlipKernels.MirrorCopy(Source.Data[..37], d)),
        ["ImageTensor.CopyTo(ImageTensor)"] = () => Into(3, 10, 12, d => Source.CopyTo(d)),
        ["LabelEncoding.OneHot(ReadOnlySpan<Int32>, Int32, Span<Single>, Double)"] = () => Into(3 * 5, d => LabelEncoding.OneHot([0, 4, 2], 5, d, 0.1)),
        ["MultiScaleViews.Write(ImageTensor, Span<Single>)"] = () =>
        {
            var views = new MultiScaleViews([8, 12], 6, 7, mirror: true);
            return Into(views.Count * 3 * 6 * 7, d => views.Write(Source, d));
        },
        ["Normalize.Apply(ImageTensor, ImageTensor)"] = () => Into(3, 10, 12, d => Normalize.ImageNet().Apply(Source, d)),
        ["Normalize.ApplyCropped(ImageTensor, Int32, Int32, ImageTensor, FlipMode)"] = () => Into(3, 6, 7, d => Normalize.ImageNet().ApplyCropped(Source, 3, 4, d, FlipMode.Horizontal)),
        ["OcclusionKernels.StandardNormal(Span<Single>, RandomSource&)"] = () =>
            Into(41, d =>
            {
                RandomSource random = RandomSource.FromSeed(4);
                OcclusionKernels.StandardNormal(d, ref random);
            }),
        ["PixelBuffer.ToTensor(ImageTensor)"] = () =>
        {
            using PixelBuffer pixels = PixelBuffer.Rent(12, 10, PixelLayout.Rgba32);
            RandomBytes(pixels.Pixels, 5);
            return Into(3, 10, 12, pixels.ToTensor);
        },
        ["PixelConversion.ToTensor(ReadOnlySpan<Byte>, Int32, Int32, PixelLayout, Int32, ImageTensor)"] = () =>
        {
            byte[] pixels = new byte[(12 * 3 + 4) * 10]; // rows padded to a stride of 40 bytes
            RandomBytes(pixels, 6);
            return Into(3, 10, 12, d => PixelConversion.ToTensor(pixels, 12, 10, PixelLayout.Rgb24, 40, d));
        },
        ["ResizeKernels.Resize(ImageTensor, ImageTensor, Interpolation, Boolean)"] = () => Into(3, 7, 17, d => ResizeKernels.Resize(Source, d, Interpolation.Bicubic, antialias: true)),
        ["ResizeKernels.Resize(ImageTensor, Int32, Int32, Int32, Int32, ImageTensor, Interpolation, Boolean)"] = () =>
            Into(3, 9, 5, d => ResizeKernels.Resize(Source, 1, 2, 8, 9, d, Interpolation.Bilinear, antialias: true)),
        ["TenCrop.Apply(ImageTensor, ReadOnlySpan<ImageTensor>)"] = () => Views(10, 6, 7, d => new TenCrop(6, 7, vertical: true).Apply(Source, d)),
        ["TenCrop.Apply(ImageTensor, Span<Single>)"] = () => Into(10 * 3 * 6 * 7, d => new TenCrop(6, 7).Apply(Source, d)),
        ["ToneKernels.Invert(ReadOnlySpan<Single>, Span<Single>)"] = () => Into(Source.Length, d => ToneKernels.Invert(Source.Data, d)),
        ["ToneKernels.Posterize(ReadOnlySpan<Single>, Span<Single>, Int32)"] = () => Into(Source.Length, d => ToneKernels.Posterize(Source.Data, d, 3)),
        ["ToneKernels.Solarize(ReadOnlySpan<Single>, Span<Single>, Single)"] = () => Into(Source.Length, d => ToneKernels.Solarize(Source.Data, d, 0.5f)),
        ["ViewAveraging.Average(ReadOnlySpan<Single>, Int32, Int32, Span<Single>, ViewAverage)"] = () =>
        {
            float[] outputs = [.. Source.Data[..(2 * 3 * 5)]]; // 2 samples × 3 views × 5 classes
            return [.. Into(2 * 5, d => ViewAveraging.Average(outputs, 3, 5, d)), .. Into(2 * 5, d => ViewAveraging.Average(outputs, 3, 5, d, ViewAverage.Logits))];
        },
    };

    private static void RandomBytes(Span<byte> bytes, ulong seed)
    {
        RandomSource random = RandomSource.FromSeed(seed);
        foreach (ref byte b in bytes)
        {
            b = (byte)random.NextInt32(256);
        }
    }

    private static float[] Into(int length, Action<float[]> write)
    {
        float[] destination = new float[length];
        Array.Fill(destination, float.NaN);
        write(destination);
        return destination;
    }

    private static float[] Into(int channels, int height, int width, Action<ImageTensor> write)
    {
        using ImageTensor destination = NanPool.Filled(channels, height, width);
        write(destination);
        return destination.Data.ToArray();
    }

    private static float[] Views(int count, int height, int width, Action<ImageTensor[]> write)
    {
        ImageTensor[] views = [.. Enumerable.Range(0, count).Select(_ => NanPool.Filled(3, height, width))];
        try
        {
            write(views);
            return [.. views.SelectMany(v => v.Data.ToArray())];
        }
        finally
        {
            Array.ForEach(views, v => v.Dispose());
        }
    }
}
