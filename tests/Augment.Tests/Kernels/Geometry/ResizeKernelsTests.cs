using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>The resampling executor (both passes, both orders, every lane width's tail) against the naive reference.</summary>
public sealed class ResizeKernelsTests
{
    private const double Tolerance = 2e-5;

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void EveryOutputWidthMatchesTheReference()
    {
        // Output widths 1..40 cover the scalar band form, whole 8-lane blocks and every overlapping tail.
        foreach (int inWidth in new[] { 1, 7, 16, 41, 97 })
        {
            using ImageTensor source = ReferenceResampler.RandomImage(2, 5, inWidth, seed: inWidth);
            for (int outWidth = 1; outWidth <= 40; outWidth++)
            {
                foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
                {
                    AssertMatchesReference(source, 0, 0, 5, inWidth, 3, outWidth, interpolation, antialias);
                }
            }
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void EveryRowLengthMatchesTheReference()
    {
        // Vertical-dominated shapes: rows of 1..40 samples through the vertical pass, down and up.
        foreach (int width in Enumerable.Range(1, 40))
        {
            using ImageTensor source = ReferenceResampler.RandomImage(1, 23, width, seed: width);
            AssertMatchesReference(source, 0, 0, 23, width, 9, width, Interpolation.Bilinear, true);
            AssertMatchesReference(source, 0, 0, 23, width, 31, width, Interpolation.Bicubic, true);
            AssertMatchesReference(source, 0, 0, 23, width, 6, Math.Max(1, width / 2), Interpolation.Bicubic, false);
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void WideRowsMatchTheReference()
    {
        // Widths where 16-lane maps have a window form (ratios up to about 1.7, and upscales) and where they do not.
        using ImageTensor source = ReferenceResampler.RandomImage(1, 4, 500, seed: 500);
        foreach (int outWidth in new[] { 17, 290, 341, 501, 777 })
        {
            foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
            {
                AssertMatchesReference(source, 0, 0, 4, 500, 3, outWidth, interpolation, antialias);
                AssertMatchesReference(source, 1, 13, 3, 467, 5, outWidth, interpolation, antialias);
            }
        }
    }

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(1, 1, 1, 1)]
    [InlineData(1, 1, 5, 7)]
    [InlineData(5, 7, 1, 1)]
    [InlineData(3, 50, 40, 2)]
    [InlineData(60, 2, 3, 45)]
    [InlineData(75, 100, 32, 43)]
    [InlineData(32, 43, 75, 100)]
    [InlineData(40, 37, 40, 37)]
    [InlineData(1, 300, 1, 17)]
    [InlineData(300, 1, 17, 1)]
    public void ShapesMatchTheReference(int height, int width, int outHeight, int outWidth)
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, height, width, seed: height * 1000 + width);
        foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
        {
            AssertMatchesReference(source, 0, 0, height, width, outHeight, outWidth, interpolation, antialias);
        }
    }

    [Theory]
    [InlineData(0, 0, 30, 40, 17, 23)]
    [InlineData(5, 9, 20, 31, 48, 40)]
    [InlineData(29, 39, 1, 1, 3, 3)]
    [InlineData(3, 0, 27, 40, 27, 40)]
    public void WindowMatchesTheReferenceAndCropThenResize(int top, int left, int height, int width, int outHeight, int outWidth)
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 30, 40, seed: 7);
        foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
        {
            AssertMatchesReference(source, top, left, height, width, outHeight, outWidth, interpolation, antialias);

            using ImageTensor crop = ImageTensor.Create(3, height, width);
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < height; y++)
                {
                    source.Row(c, top + y).Slice(left, width).CopyTo(crop.Row(c, y));
                }
            }

            using ImageTensor fromWindow = ImageTensor.Create(3, outHeight, outWidth);
            using ImageTensor fromCrop = ImageTensor.Create(3, outHeight, outWidth);
            ResizeKernels.Resize(source, top, left, height, width, fromWindow, interpolation, antialias);
            ResizeKernels.Resize(crop, fromCrop, interpolation, antialias);
            Assert.True(fromWindow.Data.SequenceEqual(fromCrop.Data), $"{interpolation} aa={antialias}: window and crop differ");
        }
    }

    [Fact]
    public void ConstantImagesStayConstant()
    {
        using ImageTensor source = ImageTensor.Create(3, 37, 53);
        source.Data.Fill(0.375f);
        foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
        {
            using ImageTensor destination = ImageTensor.Create(3, 19, 80);
            ResizeKernels.Resize(source, destination, interpolation, antialias);
            foreach (float v in destination.Data)
            {
                Assert.Equal(0.375f, v, 1e-6f);
            }
        }
    }

    [Fact]
    public void EveryOutputElementIsWritten()
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 61, 45, seed: 3);
        using ImageTensor destination = ImageTensor.Create(3, 29, 33);
        destination.Data.Fill(float.NaN);
        ResizeKernels.Resize(source, destination);
        Assert.DoesNotContain(destination.Data.ToArray(), float.IsNaN);
    }

    [Fact]
    public void RepeatedCallsGiveIdenticalBytes()
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 375, 500, seed: 11);
        using ImageTensor first = ImageTensor.Create(3, 256, 341);
        using ImageTensor second = ImageTensor.Create(3, 256, 341);
        ResizeKernels.Resize(source, first);
        Parallel.For(0, 4, _ =>
        {
            using ImageTensor other = ImageTensor.Create(3, 256, 341);
            ResizeKernels.Resize(source, other);
            Assert.True(first.Data.SequenceEqual(other.Data));
        });
        ResizeKernels.Resize(source, second);
        Assert.True(first.Data.SequenceEqual(second.Data));
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        using ImageTensor source = ImageTensor.Create(3, 10, 10);
        using ImageTensor gray = ImageTensor.Create(1, 5, 5);
        using ImageTensor destination = ImageTensor.Create(3, 5, 5);
        Assert.Throws<ArgumentException>(() => ResizeKernels.Resize(source, gray));
        Assert.Throws<ArgumentException>(() => ResizeKernels.Resize(source, source));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeKernels.Resize(source, 5, 5, 6, 2, destination));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeKernels.Resize(source, -1, 0, 2, 2, destination));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeKernels.Resize(source, 0, 0, 0, 2, destination));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResizeKernels.Resize(source, 0, 0, 2, 2, new ImageSize(0, 3), Interpolation.Bilinear, true));
    }

    internal static void AssertMatchesReference(
        ImageTensor source, int top, int left, int height, int width, int outHeight, int outWidth, Interpolation interpolation, bool antialias)
    {
        using ImageTensor destination = ImageTensor.Create(source.Channels, outHeight, outWidth);
        destination.Data.Fill(float.NaN);
        ResizeKernels.Resize(source, top, left, height, width, destination, interpolation, antialias);
        double[] expected = ReferenceResampler.Resize(
            source.Data, source.Channels, source.Height, source.Width, top, left, height, width, outHeight, outWidth, interpolation, antialias);
        double worst = ReferenceResampler.MaxDifference(destination.Data, expected);
        Assert.True(
            worst <= Tolerance,
            $"{interpolation} aa={antialias} window ({top},{left},{height},{width}) of {source.ShapeString} -> {outHeight}x{outWidth}: max difference {worst}");
    }
}
