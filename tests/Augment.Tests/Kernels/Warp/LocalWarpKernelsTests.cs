using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;

namespace Augment.Tests.Kernels.Warp;

public sealed class LocalWarpKernelsTests
{
    [Fact]
    public void PerspectiveCoefficientsTakeEveryEndPointToItsStartPoint()
    {
        var start = PerspectiveQuad.Image(161, 107);
        var end = new PerspectiveQuad((25, 16), (147, 17), (133, 92), (33, 87));
        PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(start, end);
        for (int i = 0; i < 4; i++)
        {
            (double x, double y) = end[i];
            double den = (c.G * x) + (c.H * y) + 1;
            Assert.Equal(start[i].X, ((c.A * x) + (c.B * y) + c.C) / den, 9);
            Assert.Equal(start[i].Y, ((c.D * x) + (c.E * y) + c.F) / den, 9);
        }
    }

    [Fact]
    public void PerspectiveOfTheImageOntoItselfIsTheIdentity()
    {
        var quad = PerspectiveQuad.Image(20, 11);
        PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(quad, quad);
        double[] actual = [c.A, c.B, c.C, c.D, c.E, c.F, c.G, c.H];
        double[] expected = [1, 0, 0, 0, 1, 0, 0, 0];
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }

        using ImageTensor image = WarpTestImages.Random(3, 11, 20, 5);
        using ImageTensor same = WarpKernels.Perspective(image, c, Interpolation.Nearest, [0.5f]);
        Assert.Equal(image.Data.ToArray(), same.Data.ToArray());
    }

    [Fact]
    public void DegenerateCornersAreRejected()
    {
        var start = PerspectiveQuad.Image(10, 10);
        var line = new PerspectiveQuad((0, 0), (1, 1), (2, 2), (3, 3));
        Assert.Equal("endpoints", Assert.Throws<ArgumentException>(() => PerspectiveCoefficients.FromPoints(start, line)).ParamName);
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void PerspectiveOfEveryWidthMatchesTheScalarGridOracle(Interpolation interpolation)
    {
        for (int width = 2; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, 6, width, (ulong)width);
            var end = new PerspectiveQuad((width / 5, 1), (width - 1, 0), (width - 1 - (width / 4), 5), (0, 4));
            PerspectiveCoefficients c = PerspectiveCoefficients.FromPoints(PerspectiveQuad.Image(width, 6), end);
            float[] fill = [0.3f, 0.6f];
            using ImageTensor actual = WarpKernels.Perspective(image, c, interpolation, fill);
            AssertMatchesOracle(image, actual, interpolation, fill, (x, y) => PerspectiveSource(c, width, 6, x, y), $"width {width}");
        }
    }

    [Fact]
    public void AZeroDisplacementIsTheIdentity()
    {
        using ImageTensor image = WarpTestImages.Random(3, 9, 14, 6);
        DisplacementField field = DisplacementField.Rent(9, 14);
        field.X.Clear();
        field.Y.Clear();
        using ImageTensor nearest = WarpKernels.Elastic(image, field, Interpolation.Nearest, [0.5f]);
        using ImageTensor bilinear = WarpKernels.Elastic(image, field, Interpolation.Bilinear, [0.5f]);
        field.Return();
        Assert.Equal(image.Data.ToArray(), nearest.Data.ToArray());
        for (int i = 0; i < image.Length; i++)
        {
            WarpTestImages.Near(image.Data[i], bilinear.Data[i]);
        }
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void ElasticOfEveryWidthMatchesTheScalarGridOracle(Interpolation interpolation)
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, 5, width, (ulong)width + 100);
            DisplacementField field = DisplacementField.Rent(5, width);
            var random = RandomSource.FromSeed((ulong)width);
            for (int i = 0; i < field.X.Length; i++)
            {
                field.X[i] = (random.NextSingle() - 0.5f) * 0.8f;
                field.Y[i] = (random.NextSingle() - 0.5f) * 0.8f;
            }

            float[] fill = [0.3f, 0.6f];
            using ImageTensor actual = WarpKernels.Elastic(image, field, interpolation, fill);
            float[] dx = field.X.ToArray(), dy = field.Y.ToArray();
            field.Return();
            int w = width;

            // The oracle's identity grid, (2x + 1 - W) / W, is torch's linspace up to an ulp, a few 1e-6 of a pixel.
            AssertMatchesOracle(image, actual, interpolation, fill, (x, y) => ElasticSource(dx, dy, w, 5, x, y), $"width {width}", 1e-5f);
        }
    }

    [Fact]
    public void ElasticRejectsAFieldOfAnotherSize()
    {
        using ImageTensor image = WarpTestImages.Random(3, 6, 6, 1);
        DisplacementField field = DisplacementField.Rent(6, 7);
        Assert.Equal("displacement", Assert.Throws<ArgumentException>(() => WarpKernels.Elastic(image, field, Interpolation.Bilinear, [])).ParamName);
        Assert.Equal("displacement", Assert.Throws<ArgumentException>(() => WarpKernels.Elastic(image, default, Interpolation.Bilinear, [])).ParamName);
        field.Return();
    }

    // Checks every output against a per-pixel transcription of grid_sample(align_corners=False) with a fill mask.
    private static void AssertMatchesOracle(ImageTensor image, ImageTensor actual, Interpolation interpolation, float[] fill, Func<int, int, (float X, float Y)> source, string label, float tolerance = 1e-6f)
    {
        for (int c = 0; c < image.Channels; c++)
        {
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    (float ix, float iy) = source(x, y);
                    float expected = GridSampleOracle.Sample(image, c, ix, iy, interpolation, fill[c]);
                    Assert.True(Math.Abs(expected - actual.At(c, y, x)) <= tolerance, $"{label}, c {c}, y {y}, x {x}: {expected} vs {actual.At(c, y, x)}");
                }
            }
        }
    }

    // torchvision's _perspective_grid for one pixel, then grid_sample's unnormalisation.
    private static (float, float) PerspectiveSource(PerspectiveCoefficients c, int w, int h, int x, int y)
    {
        float bx = x + 0.5f, by = y + 0.5f;
        float den = (bx * (float)c.G) + (by * (float)c.H) + 1f;
        float gx = (((bx * ((float)c.A / (0.5f * w))) + (by * ((float)c.B / (0.5f * w))) + ((float)c.C / (0.5f * w))) / den) - 1f;
        float gy = (((bx * ((float)c.D / (0.5f * h))) + (by * ((float)c.E / (0.5f * h))) + ((float)c.F / (0.5f * h))) / den) - 1f;
        return (((gx + 1f) * (w / 2f)) - 0.5f, ((gy + 1f) * (h / 2f)) - 0.5f);
    }

    // The identity grid (pixel centres in normalised units) plus the displacement, then grid_sample's unnormalisation.
    private static (float, float) ElasticSource(float[] dx, float[] dy, int w, int h, int x, int y)
    {
        float gx = (((2f * x) + 1f - w) / w) + dx[(y * w) + x];
        float gy = (((2f * y) + 1f - h) / h) + dy[(y * w) + x];
        return (((gx + 1f) * (w / 2f)) - 0.5f, ((gy + 1f) * (h / 2f)) - 0.5f);
    }
}
