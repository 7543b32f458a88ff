using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Tests.Batching;

/// <summary>Deterministic images and batches for the batch, label and mixing tests.</summary>
internal static class BatchTestData
{
    /// <summary>An image whose element values are distinct and depend on <paramref name="seed"/>.</summary>
    public static ImageTensor Image(int channels, int height, int width, int seed)
    {
        var image = ImageTensor.Create(channels, height, width);
        var random = RandomSource.FromSeed((ulong)seed + 1000);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        return image;
    }

    /// <summary>
    /// A completed batch of <paramref name="count"/> random images with labels <c>i % classes</c> and smoothed soft
    /// targets (when <paramref name="classes"/> is positive).
    /// </summary>
    public static ImageBatch Batch(int count, int channels, int height, int width, int classes = 5, double smoothing = 0.1, BatchPool? pool = null)
    {
        var collator = new Collator(classes, classes > 0 ? smoothing : 0, pool: pool);
        ImageBatch batch = collator.Rent(count, channels, new ImageSize(height, width));
        for (int i = 0; i < count; i++)
        {
            using ImageTensor image = Image(channels, height, width, i);
            collator.Write(batch, i, image, classes > 0 ? i % classes : -1);
        }

        return collator.Complete(batch);
    }
}
