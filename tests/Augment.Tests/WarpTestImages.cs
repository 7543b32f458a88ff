using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Tests;

/// <summary>Images for the warp, tone and policy tests.</summary>
internal static class WarpTestImages
{
    /// <summary>A C×H×W image of uniform random values in [0, 1), or 8-bit levels / 255 when <paramref name="quantized"/>.</summary>
    public static ImageTensor Random(int channels, int height, int width, ulong seed, bool quantized = false)
    {
        var image = ImageTensor.Create(channels, height, width);
        var random = RandomSource.FromSeed(seed);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = quantized ? random.NextInt32(256) / 255f : random.NextSingle();
        }

        return image;
    }

    /// <summary>Asserts <c>|expected - actual| &lt;= tolerance</c>.</summary>
    public static void Near(float expected, float actual, float tolerance = 1e-5f) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"Expected {expected} within {tolerance}, got {actual}.");
}
