using Augment.Imaging;

namespace Augment.Tests;

/// <summary>
/// Leaves NaN in the shared pool's buffers of a given shape, so that a kernel that skips part of a pooled destination
/// shows NaN where the stale values would be, and checks outputs for them.
/// </summary>
internal static class NanPool
{
    /// <summary>Rents a few tensors of shape (<paramref name="channels"/>, <paramref name="size"/>), fills them with NaN and returns them.</summary>
    public static void Poison(int channels, ImageSize size)
    {
        var tensors = new ImageTensor[4];
        for (int i = 0; i < tensors.Length; i++)
        {
            tensors[i] = ImageTensor.Create(channels, size);
            tensors[i].Data.Fill(float.NaN);
        }

        foreach (ImageTensor tensor in tensors)
        {
            tensor.Dispose();
        }
    }

    /// <summary>A new tensor of the given shape filled with NaN: a destination every element of which must be written.</summary>
    public static ImageTensor Filled(int channels, int height, int width)
    {
        var tensor = ImageTensor.Create(channels, height, width);
        tensor.Data.Fill(float.NaN);
        return tensor;
    }

    /// <summary>Asserts that <paramref name="values"/> holds no NaN, naming the first one.</summary>
    public static void AssertNoNan(ReadOnlySpan<float> values, string what)
    {
        int index = values.IndexOfAnyExceptInRange(float.NegativeInfinity, float.PositiveInfinity);
        Assert.True(index < 0, $"{what}: element {index} of {values.Length} is {(index < 0 ? 0 : values[index])} (never written, or stale)");
    }
}
