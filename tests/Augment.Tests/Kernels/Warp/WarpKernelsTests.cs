using Augment.Imaging;
using Augment.Kernels.Warp;

namespace Augment.Tests.Kernels.Warp;

public sealed class WarpKernelsTests
{
    [Theory]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void ZeroAngleIsTheIdentity(Interpolation interpolation)
    {
        using ImageTensor image = WarpTestImages.Random(3, 9, 13, 1);
        using ImageTensor rotated = WarpKernels.Rotate(image, 0, interpolation, [0.5f, 0.5f, 0.5f]);

        // Nearest is exact; bilinear is off by the rounding of torch's normalised grid (1 / (W / 2) is not exact).
        float tolerance = interpolation == Interpolation.Nearest ? 0f : 1e-5f;
        for (int i = 0; i < image.Length; i++)
        {
            Assert.True(Math.Abs(image.Data[i] - rotated.Data[i]) <= tolerance, $"element {i}");
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void QuarterTurnOfASquareImageMatchesTheIndexOracle(int n)
    {
        using ImageTensor image = WarpTestImages.Random(2, n, n, 2);
        using ImageTensor rotated = WarpKernels.Rotate(image, 90, Interpolation.Nearest, [0f]);
        for (int c = 0; c < 2; c++)
        {
            for (int y = 0; y < n; y++)
            {
                for (int x = 0; x < n; x++)
                {
                    // Counter-clockwise by 90 degrees: the output's row y is the input's column n - 1 - y.
                    Assert.Equal(image.At(c, x, n - 1 - y), rotated.At(c, y, x));
                }
            }
        }
    }

    [Fact]
    public void IntegerTranslationShiftsAndFillsPerChannel()
    {
        using ImageTensor image = WarpTestImages.Random(3, 6, 10, 3);
        float[] fill = [0.25f, 0.5f, 0.75f];
        using ImageTensor moved = WarpKernels.Affine(image, 0, 3, -2, 1, 0, 0, Interpolation.Nearest, fill);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 6; y++)
            {
                for (int x = 0; x < 10; x++)
                {
                    int sx = x - 3, sy = y + 2;
                    float expected = sx >= 0 && sx < 10 && sy < 6 ? image.At(c, sy, sx) : fill[c];
                    Assert.Equal(expected, moved.At(c, y, x));
                }
            }
        }
    }

    [Fact]
    public void BilinearHalfPixelShiftAveragesNeighboursAndBlendsTheFill()
    {
        using ImageTensor image = WarpTestImages.Random(1, 4, 12, 4);
        const float Fill = 0.9f;
        using ImageTensor moved = WarpKernels.Affine(image, 0, 0.5, 0, 1, 0, 0, Interpolation.Bilinear, [Fill]);
        for (int y = 0; y < 4; y++)
        {
            // Column 0 samples half of pixel 0 and half outside: the mask is 0.5, so half the fill is blended in.
            float edge = (0.5f * image.At(0, y, 0) * 0.5f) + (0.5f * Fill);
            WarpTestImages.Near(edge, moved.At(0, y, 0));
            for (int x = 1; x < 12; x++)
            {
                WarpTestImages.Near(0.5f * (image.At(0, y, x - 1) + image.At(0, y, x)), moved.At(0, y, x));
            }
        }
    }

    [Fact]
    public void BilinearWithoutFillIsPlainZeroPadding()
    {
        using ImageTensor image = WarpTestImages.Random(1, 3, 8, 5);
        using ImageTensor moved = WarpKernels.Affine(image, 0, 0.5, 0, 1, 0, 0, Interpolation.Bilinear, []);
        for (int y = 0; y < 3; y++)
        {
            WarpTestImages.Near(0.5f * image.At(0, y, 0), moved.At(0, y, 0));
        }
    }

    [Fact]
    public void ExpandGrowsTheOutputAndKeepsEveryPixel()
    {
        using ImageTensor image = WarpTestImages.Random(3, 10, 20, 6);
        using ImageTensor rotated = WarpKernels.Rotate(image, 90, Interpolation.Nearest, [0f], expand: true);
        Assert.Equal(new ImageSize(20, 10), rotated.Size);
        Assert.Equal(image.Data.ToArray().Order(), rotated.Data.ToArray().Order());
    }

    [Fact]
    public void RotationAboutACornerMatchesTheCentredForm()
    {
        // Rotating about the image centre given explicitly equals the default.
        using ImageTensor image = WarpTestImages.Random(1, 11, 17, 7);
        using ImageTensor a = WarpKernels.Rotate(image, 33, Interpolation.Bilinear, [0f]);
        using ImageTensor b = WarpKernels.Rotate(image, 33, Interpolation.Bilinear, [0f], centerX: 8.5, centerY: 5.5);
        Assert.Equal(a.Data.ToArray(), b.Data.ToArray());
    }

    [Fact]
    public void SourceIsNotModified()
    {
        using ImageTensor image = WarpTestImages.Random(3, 9, 9, 8);
        float[] before = image.Data.ToArray();
        using ImageTensor _ = WarpKernels.Affine(image, 12, 1, 2, 1.2, 5, -4, Interpolation.Bilinear, [0.5f]);
        Assert.Equal(before, image.Data.ToArray());
    }

    [Fact]
    public void RejectsBadArguments()
    {
        using ImageTensor image = WarpTestImages.Random(3, 4, 4, 9);
        Assert.Equal("fill", Assert.Throws<ArgumentException>(() => WarpKernels.Rotate(image, 10, Interpolation.Nearest, [0f, 0f])).ParamName);
        Assert.Equal("angle", Assert.Throws<ArgumentOutOfRangeException>(() => WarpKernels.Rotate(image, double.NaN, Interpolation.Nearest, [])).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => WarpKernels.Affine(image, 0, 0, 0, 0, 0, 0, Interpolation.Nearest, [])).ParamName);
        Assert.Equal("interpolation", Assert.Throws<ArgumentOutOfRangeException>(() => WarpKernels.Rotate(image, 10, (Interpolation)7, [])).ParamName);
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void EveryWidthMatchesTheScalarGridOracle(Interpolation interpolation)
    {
        for (int width = 1; width <= 40; width++)
        {
            using ImageTensor image = WarpTestImages.Random(2, 5, width, (ulong)width);
            float[] fill = [0.3f, 0.6f];
            using ImageTensor actual = WarpKernels.Affine(image, 17, 0.7, -0.4, 0.9, 8, -3, interpolation, fill);
            AffineMatrix m = AffineMatrix.Inverse(17, 0.7, -0.4, 0.9, 8, -3);
            for (int c = 0; c < 2; c++)
            {
                for (int y = 0; y < 5; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        float expected = GridOracle.Sample(image, c, y, x, m, interpolation, fill[c]);
                        Assert.True(Math.Abs(expected - actual.At(c, y, x)) <= 1e-6f, $"width {width}, c {c}, y {y}, x {x}: {expected} vs {actual.At(c, y, x)}");
                    }
                }
            }
        }
    }

    /// <summary>A direct, per-pixel transcription of torch's affine_grid + grid_sample(align_corners=False) with a fill mask.</summary>
    private static class GridOracle
    {
        public static float Sample(ImageTensor image, int c, int y, int x, AffineMatrix m, Interpolation interpolation, float fill)
        {
            int w = image.Width, h = image.Height;
            float bx = (-w * 0.5f) + 0.5f + x, by = (-h * 0.5f) + 0.5f + y;
            float gx = (bx * ((float)m.M00 / (0.5f * w))) + (by * ((float)m.M01 / (0.5f * w))) + ((float)m.M02 / (0.5f * w));
            float gy = (bx * ((float)m.M10 / (0.5f * h))) + (by * ((float)m.M11 / (0.5f * h))) + ((float)m.M12 / (0.5f * h));
            float ix = ((gx + 1f) * (w / 2f)) - 0.5f, iy = ((gy + 1f) * (h / 2f)) - 0.5f;
            if (interpolation == Interpolation.Nearest)
            {
                int nx = (int)MathF.Round(ix), ny = (int)MathF.Round(iy);
                return nx >= 0 && nx < w && ny >= 0 && ny < h ? image.At(c, ny, nx) : fill;
            }

            int x0 = (int)MathF.Floor(ix), y0 = (int)MathF.Floor(iy);
            float fx = ix - x0, fy = iy - y0;
            float value = 0, mask = 0;
            for (int dy = 0; dy < 2; dy++)
            {
                for (int dx = 0; dx < 2; dx++)
                {
                    int sx = x0 + dx, sy = y0 + dy;
                    float weight = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
                    if (sx >= 0 && sx < w && sy >= 0 && sy < h)
                    {
                        value += image.At(c, sy, sx) * weight;
                        mask += weight;
                    }
                }
            }

            return (value * mask) + ((1 - mask) * fill);
        }
    }
}
