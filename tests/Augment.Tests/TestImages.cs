using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Tests;

/// <summary>Deterministic test images.</summary>
internal static class TestImages
{
    /// <summary>An image whose element i holds i (exact in float up to 2^24), so every copy is checkable bit for bit.</summary>
    public static ImageTensor Indexed(int channels, int height, int width)
    {
        var image = ImageTensor.Create(channels, height, width);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i;
        }

        return image;
    }

    /// <summary>An image of uniform [0, 1) values drawn from a fixed seed, or of <paramref name="levels"/> + 1 evenly spaced values in [0, 1] when <paramref name="levels"/> is positive.</summary>
    public static ImageTensor Random(int channels, int height, int width, ulong seed = 1, int levels = 0)
    {
        var image = ImageTensor.Create(channels, height, width);
        RandomSource random = RandomSource.FromSeed(seed);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = levels > 0 ? random.NextInt32(levels + 1) / (float)levels : random.NextSingle();
        }

        return image;
    }

    /// <summary>The element (c, y, x) of a CHW image.</summary>
    public static float At(this ImageTensor image, int c, int y, int x) => image.Data[(c * image.PlaneLength) + (y * image.Width) + x];

    /// <summary>The largest absolute difference between two equally long spans.</summary>
    public static float MaxDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        float worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            float diff = MathF.Abs(actual[i] - expected[i]);
            if (!(diff <= worst))
            {
                worst = diff;
            }
        }

        return worst;
    }
}
