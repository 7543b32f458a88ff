using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;

namespace Augment.Samples;

/// <summary>
/// A small generated dataset: one filled shape per image (circle, square, triangle or cross) of random size,
/// position and colour on a random background with pixel noise, encoded to PNG in memory. The geometry scales with
/// the image size: an image of <see cref="Size"/> px and one of twice that show the same scene at two resolutions.
/// </summary>
internal static class ShapesDataset
{
    public static readonly string[] Classes = ["circle", "square", "triangle", "cross"];

    public const int Size = 40;

    public static InMemorySource Create(int count, ulong seed, int size = Size)
    {
        var encoder = new SkiaImageEncoder();
        var samples = new InMemorySample[count];
        for (int i = 0; i < count; i++)
        {
            var random = RandomSource.ForSample(seed, epoch: 0, index: i);
            int label = i % Classes.Length;
            using ImageTensor image = Draw(label, size, ref random);
            samples[i] = InMemorySample.FromBytes(encoder.Encode(image), label, $"{Classes[label]}-{i:D5}.png");
        }

        return new InMemorySource(samples);
    }

    private static ImageTensor Draw(int label, int size, ref RandomSource random)
    {
        Span<float> background = stackalloc float[3];
        Span<float> foreground = stackalloc float[3];
        do
        {
            for (int c = 0; c < 3; c++)
            {
                background[c] = random.NextSingle();
                foreground[c] = random.NextSingle();
            }
        }
        while (Distance(background, foreground) < 0.45f);

        double scale = (double)size / Size;
        double radius = random.Uniform(8, 13) * scale;
        double cx = random.Uniform(radius + (2 * scale), size - radius - (2 * scale));
        double cy = random.Uniform(radius + (2 * scale), size - radius - (2 * scale));
        double noise = random.Uniform(0.0, 0.08);
        var image = ImageTensor.Create(3, size, size);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                bool inside = Inside(label, (x + 0.5 - cx) / radius, (y + 0.5 - cy) / radius);
                for (int c = 0; c < 3; c++)
                {
                    float value = (inside ? foreground[c] : background[c]) + (float)(noise * random.NextNormal());
                    image.Row(c, y)[x] = Math.Clamp(value, 0f, 1f);
                }
            }
        }

        return image;
    }

    // (u, v): pixel offset from the centre in radii.
    private static bool Inside(int label, double u, double v) => label switch
    {
        0 => (u * u) + (v * v) <= 1.0,
        1 => Math.Abs(u) <= 0.8 && Math.Abs(v) <= 0.8,
        2 => v <= 0.8 && v >= -1.0 + (2 * Math.Abs(u)),
        _ => (Math.Abs(u) <= 0.3 && Math.Abs(v) <= 1.0) || (Math.Abs(v) <= 0.3 && Math.Abs(u) <= 1.0),
    };

    private static float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int c = 0; c < a.Length; c++)
        {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }

        return MathF.Sqrt(sum);
    }
}
