using System.Text.Json;
using Augment.Imaging;

namespace Augment.Tests.Parity;

/// <summary>
/// Runs every case of the shared parity folder through the public API and compares within its atol. Without the folder
/// (a plain clone) the cases skip with a message; <c>.ci/run</c> refuses to run without it.
/// </summary>
public sealed class ParityTests
{
    private const string NoFolder = "(no parity folder)";

    public static TheoryData<string> CaseNames() => ParityData.Exists ? [.. ParityData.All.Keys.Order(StringComparer.Ordinal)] : [NoFolder];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        SkipWithoutTheFolder();
        ParityCase parityCase = ParityData.All[name];
        foreach (JsonElement op in parityCase.Ops)
        {
            string opName = op.GetProperty("op").GetString()!;
            if (!ParityOps.IsImplemented(opName))
            {
                Assert.SkipUnless(
                    !ParityOps.AllowedToSkip.Contains(opName),
                    $"op '{opName}' is not implemented yet (listed in ParityOps.AllowedToSkip)");
                Assert.Fail($"op '{opName}' has no [ParityOp] method: implement it in ParityOps.<Family>.cs through the public API (or, while another branch implements it, list it in ParityOps.AllowedToSkip).");
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

    [Fact]
    public void AllowedToSkipListsOnlyOpsWithoutImplementation()
    {
        string[] implemented = [.. ParityOps.AllowedToSkip.Where(ParityOps.IsImplemented).Order(StringComparer.Ordinal)];
        Assert.True(implemented.Length == 0, $"Implemented now, so remove from ParityOps.AllowedToSkip: {string.Join(", ", implemented)}.");
    }

    [Fact]
    public void AllowedToSkipListsOnlyOpsOfSomeCase()
    {
        SkipWithoutTheFolder();
        string[] unused = [.. ParityOps.AllowedToSkip.Where(op => !ParityData.All.Values.Any(c => c.Ops.Any(o => o.GetProperty("op").GetString() == op)))];
        Assert.True(unused.Length == 0, $"No parity case uses {string.Join(", ", unused)}: remove it from ParityOps.AllowedToSkip.");
    }

    private static void SkipWithoutTheFolder() =>
        Assert.SkipUnless(
            ParityData.Exists,
            $"No parity cases at {ParityData.Directory}: clone the shared parity folder to ../shared/parity next to the repository, or set AUGMENT_PARITY_DIR (.ci/run requires it).");

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
