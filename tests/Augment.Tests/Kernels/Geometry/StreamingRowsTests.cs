using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

[Trait("Category", "HardwarePaths")]
public sealed class StreamingRowsTests
{
    [Fact]
    public void CopiesAndMirrorsAtEveryLengthAndAlignment()
    {
        // Destinations start at every float offset of a 64-byte line, so the scalar head, every vector width and
        // the scalar tail each run; NaN guards on both sides catch writes outside the row.
        float[] buffer = new float[300 + 40];
        for (int length = 0; length <= 300; length += length < 40 ? 1 : 13)
        {
            float[] source = Enumerable.Range(1, length).Select(i => (float)i).ToArray();
            for (int offset = 1; offset <= 17; offset++)
            {
                foreach (bool mirror in new[] { false, true })
                {
                    Array.Fill(buffer, float.NaN);
                    StreamingRows.Copy(source, buffer.AsSpan(offset, length), mirror);
                    StreamingRows.Fence();
                    for (int i = 0; i < length; i++)
                    {
                        Assert.Equal(mirror ? source[length - 1 - i] : source[i], buffer[offset + i]);
                    }

                    Assert.True(float.IsNaN(buffer[offset - 1]), $"length {length}, offset {offset}: wrote before the row");
                    Assert.True(float.IsNaN(buffer[offset + length]), $"length {length}, offset {offset}: wrote past the row");
                }
            }
        }
    }

    [Fact]
    public void RejectsOverlapAndShortDestinations()
    {
        float[] buffer = new float[40];
        Assert.Throws<ArgumentException>(() => StreamingRows.Copy(buffer.AsSpan(0, 20), buffer.AsSpan(10, 20), mirror: false));
        Assert.Throws<ArgumentException>(() => StreamingRows.Copy(new float[5], new float[4], mirror: true));
    }
}
