using System.Text.Json;
using Augment.Imaging;

namespace Augment.Tests.Parity;

/// <summary>Runs every case of the shared parity folder through the public API and compares within its atol.</summary>
public sealed class ParityTests
{
    public static TheoryData<string> CaseNames() => [.. ParityData.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        ParityCase parityCase = ParityData.All[name];
        foreach (JsonElement op in parityCase.Ops)
        {
            string opName = op.GetProperty("op").GetString()!;
            if (!ParityOps.IsImplemented(opName))
            {
                Assert.Skip($"op '{opName}' is not implemented yet");
            }
        }

        var images = new List<ImageTensor> { ParityOps.Load(parityCase, parityCase.Input) };
        try
        {
            foreach (JsonElement op in parityCase.Ops)
            {
                images = ParityOps.Run(op.GetProperty("op").GetString()!, images, op, parityCase);
            }

            Compare(parityCase, images);
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }
    }

    private static void Compare(ParityCase parityCase, List<ImageTensor> images)
    {
        int[] shape = parityCase.Shape;
        int[] imageShape = shape.Length == 4 ? shape[1..] : shape;
        int count = shape.Length == 4 ? shape[0] : 1;
        Assert.Equal(count, images.Count);

        float[] expected = parityCase.ReadExpected();
        int offset = 0;
        float worst = 0;
        int worstIndex = -1;
        foreach (ImageTensor image in images)
        {
            Assert.Equal(imageShape, new[] { image.Channels, image.Height, image.Width });
            ReadOnlySpan<float> actual = image.Data;
            for (int i = 0; i < actual.Length; i++)
            {
                float diff = MathF.Abs(actual[i] - expected[offset + i]);
                if (!(diff <= worst))
                {
                    worst = diff;
                    worstIndex = offset + i;
                }
            }

            offset += actual.Length;
        }

        Assert.Equal(expected.Length, offset);
        Assert.True(
            worst <= parityCase.Atol,
            $"{parityCase.Name}: largest difference {worst} at flat index {worstIndex} exceeds atol {parityCase.Atol}.");
    }
}
