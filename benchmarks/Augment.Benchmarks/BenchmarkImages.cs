using Augment.Imaging;

namespace Augment.Benchmarks;

/// <summary>Inputs shared by the benchmark classes.</summary>
internal static class BenchmarkImages
{
    /// <summary>A 3×224×224 float tensor of uniform random 8-bit levels / 255 (seed 42, as benchmarks/peers_policies.py's image).</summary>
    public static ImageTensor Levels224()
    {
        var image = ImageTensor.Create(3, 224, 224);
        var random = new Random(42);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.Next(256) / 255f;
        }

        return image;
    }
}
