using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.TorchSharp.Tests;

/// <summary>Small collated batches of random images for the interop tests.</summary>
internal static class TestBatches
{
    public static ImageBatch Collate(Collator collator, int count, int height, int width, ulong seed, int classCount = 4)
    {
        var images = new ImageTensor[count];
        var labels = new int[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                var random = RandomSource.ForSample(seed, 0, i);
                images[i] = ImageTensor.Create(3, height, width);
                foreach (ref float value in images[i].Data)
                {
                    value = random.NextSingle();
                }

                labels[i] = i % classCount;
            }

            return collator.Collate(images, collator.ClassCount > 0 ? labels : default);
        }
        finally
        {
            foreach (ImageTensor? image in images)
            {
                image?.Dispose();
            }
        }
    }
}
