using Augment.Imaging;
using Augment.Kernels.Occlusion;
using Augment.Randomness;
using Augment.Transforms.Occlusion;

namespace Augment.Tests.Transforms.Occlusion;

public sealed class CutoutTests
{
    [Fact]
    public void Centres_AreUniformOverTheImage_AndHolesClipped()
    {
        var cutout = new Cutout(holes: 2, length: 16);
        var size = new ImageSize(50, 70);
        var rows = new List<double>();
        var columns = new List<double>();
        for (int i = 0; i < 3000; i++)
        {
            var random = RandomSource.ForSample(4, 0, i);
            CutoutParams p = cutout.Draw(3, size, ref random);
            Assert.Equal(2, p.Holes.Count);
            for (int h = 0; h < 2; h++)
            {
                PixelBox box = p.Holes[h];
                Assert.True(box.Top >= 0 && box.Left >= 0 && box.Top + box.Height <= 50 && box.Left + box.Width <= 70, $"{box}");
                Assert.True(box.Height <= 16 && box.Width <= 16);

                // Recover the centre from an unclipped side.
                if (box.Height == 16)
                {
                    rows.Add(box.Top + 8);
                }

                if (box.Width == 16)
                {
                    columns.Add(box.Left + 8);
                }
            }
        }

        // Unclipped centres are uniform on [8, H - 8] (integers, hence the slack).
        DistributionChecks.AssertUniform(rows.Select(r => (r - 8 + 0.5) / 35), 0, 1, slack: 0.03);
        DistributionChecks.AssertUniform(columns.Select(c => (c - 8 + 0.5) / 55), 0, 1, slack: 0.03);
    }

    [Fact]
    public void Apply_FillsTheHoles()
    {
        using ImageTensor source = TestImages.Random(3, 20, 30, 3);
        var cutout = new Cutout(1, 8, [0.5f, 0.25f, 0.125f]);
        var parameters = new CutoutParams(new BoxList([new PixelBox(2, 3, 8, 8)]));
        using ImageTensor result = cutout.Apply(source.Clone(), parameters);
        using ImageTensor expected = source.Clone();
        OcclusionKernels.Erase(expected, 2, 3, 8, 8, [0.5f, 0.25f, 0.125f]);
        Assert.Equal(expected.Data.ToArray(), result.Data.ToArray());

        var random = RandomSource.FromSeed(1);
        using ImageTensor a = new Cutout(3, 10).Apply(source.Clone(), ref random);
        random = RandomSource.FromSeed(1);
        using ImageTensor b = new Cutout(3, 10).Apply(source.Clone(), ref random);
        Assert.Equal(a.Data.ToArray(), b.Data.ToArray());
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("holes", () => new Cutout(0, 8));
        Assert.Throws<ArgumentOutOfRangeException>("holes", () => new Cutout(BoxList.Capacity + 1, 8));
        var e = Assert.Throws<ArgumentOutOfRangeException>("length", () => new Cutout(1, -4));
        Assert.Contains("-4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>("fill", () => new Cutout(1, 4, float.NaN));
        Assert.Throws<ArgumentException>("fill", () => new Cutout(1, 4, ReadOnlySpan<float>.Empty));
    }
}
