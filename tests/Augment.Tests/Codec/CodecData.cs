using Augment.Imaging;
using Augment.Tests.Parity;

namespace Augment.Tests.Codec;

/// <summary>Paths of the committed codec files (Codec/Data, written by make_codec_data.py) and pixel helpers.</summary>
internal static class CodecData
{
    public static string Directory { get; } = Path.Combine(ParityData.RepositoryRoot(), "tests", "Augment.Tests", "Codec", "Data");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The 8-bit value of channel <paramref name="c"/> at (x, y), assuming values are k / 255.</summary>
    public static int At(ImageTensor image, int c, int x, int y) => (int)MathF.Round(image.Row(c, y)[x] * 255f);

    /// <summary>The (r, g, b) bytes at (x, y).</summary>
    public static (int R, int G, int B) Rgb(ImageTensor image, int x, int y) => (At(image, 0, x, y), At(image, 1, x, y), At(image, 2, x, y));

    /// <summary>Asserts that every element is exactly <c>expected(c, x, y) / 255f</c>.</summary>
    public static void AssertExact(ImageTensor image, int width, int height, Func<int, int, int, int> expected)
    {
        Assert.Equal((3, height, width), (image.Channels, image.Height, image.Width));
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    Assert.True(expected(c, x, y) / 255f == image.Row(c, y)[x], $"channel {c} at ({x}, {y}): expected {expected(c, x, y)}, got {image.Row(c, y)[x] * 255f}");
                }
            }
        }
    }
}
