using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Tests.Color;

/// <summary>Deterministic test images for the colour and occlusion tests.</summary>
internal static class TestImages
{
    /// <summary>
    /// A CxHxW image of values in [0, 1]. With <paramref name="levels"/> &gt; 0 the values are multiples of
    /// 1/levels, so that ties (gray pixels, two equal maxima) are frequent.
    /// </summary>
    public static ImageTensor Random(int channels, int height, int width, ulong seed, int levels = 0)
    {
        var image = ImageTensor.Create(channels, height, width);
        var random = RandomSource.FromSeed(seed);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = levels > 0 ? random.NextInt32(levels + 1) / (float)levels : random.NextSingle();
        }

        return image;
    }

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
