using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>
/// The loader's fused primitive (<see cref="Resampler"/>): 8-bit interleaved or planar, or float sources, windows, a folded
/// horizontal flip and a per-channel affine on the final write, into a slot of a larger buffer.
/// </summary>
public sealed class ResizeFusedTests
{
    private static readonly float[] Scale = [1 / 0.229f, 1 / 0.224f, 1 / 0.225f];
    private static readonly float[] Offset = [-0.485f / 0.229f, -0.456f / 0.224f, -0.406f / 0.225f];

    public static TheoryData<PixelLayout> Layouts() => [PixelLayout.Rgb24, PixelLayout.Rgba32, PixelLayout.Bgra32, PixelLayout.Gray8, PixelLayout.Rgb24Planar];

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [MemberData(nameof(Layouts))]
    public void PixelsMatchConvertThenResizeFlipNormalize(PixelLayout layout)
    {
        const int height = 37, width = 45;
        (byte[] pixels, int stride) = PaddedPixels(layout, height, width, seed: 5);
        using ImageTensor planes = PixelConversion.ToTensor(pixels, width, height, layout, stride);

        foreach ((int top, int left, int h, int w, int outH, int outW) in Windows)
        {
            foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
            {
                foreach (bool mirror in new[] { false, true })
                {
                    var request = new ResampleRequest(top, left, h, w, outH, outW, interpolation, antialias, mirror);
                    int length = 3 * outH * outW;
                    float[] batch = new float[length + 10];
                    batch.AsSpan().Fill(float.NaN);
                    Resampler.Resample(pixels, stride, layout, height, width, request, batch.AsSpan(5, length), Scale, Offset);

                    double[] expected = ReferenceResampler.Resize(planes.Data, 3, height, width, top, left, h, w, outH, outW, interpolation, antialias, mirror);
                    Normalize(expected, outH * outW);

                    double worst = ReferenceResampler.MaxDifference(batch.AsSpan(5, length), expected);
                    Assert.True(worst <= 1e-4, $"{layout} {interpolation} aa={antialias} mirror={mirror} ({top},{left},{h},{w})->{outH}x{outW}: {worst}");
                    Assert.True(float.IsNaN(batch[4]) && float.IsNaN(batch[5 + length]), "wrote outside its slot");
                }
            }
        }
    }

    /// <summary>
    /// Tall interleaved images run the vertical pass in several strips, and wide enough windows are split into planes:
    /// bytes before the passes with AVX-512 VBMI where the vertical downscale is at most 2x (the first, second and
    /// fourth windows), each strip of floats otherwise (the third and fifth; every window with AVX-512F alone). Every strip,
    /// the last partial one and the overlapping last block of a row, at 64 and 16 pixels a block, must match the oracle.
    /// </summary>
    [Theory]
    [Trait("Category", "HardwarePaths")]
    [MemberData(nameof(Layouts))]
    public void TallInterleavedImagesMatchTheOracleAcrossStrips(PixelLayout layout)
    {
        const int height = 300, width = 150;
        (byte[] pixels, int stride) = PaddedPixels(layout, height, width, seed: 21);
        using ImageTensor planes = PixelConversion.ToTensor(pixels, width, height, layout, stride);
        foreach ((int top, int left, int h, int w, int outH, int outW) in new[] { (0, 0, 300, 150, 203, 53), (7, 3, 290, 140, 290, 201), (1, 80, 200, 65, 97, 64), (3, 86, 150, 64, 150, 64), (2, 5, 250, 33, 121, 17) })
        {
            foreach (bool mirror in new[] { false, true })
            {
                var request = new ResampleRequest(top, left, h, w, outH, outW, Interpolation.Bilinear, Antialias: true, mirror);
                float[] destination = new float[3 * outH * outW];
                Resampler.Resample(pixels, stride, layout, height, width, request, destination, Scale, Offset);
                double[] expected = ReferenceResampler.Resize(planes.Data, 3, height, width, top, left, h, w, outH, outW, Interpolation.Bilinear, antialias: true, mirror);
                Normalize(expected, outH * outW);

                double worst = ReferenceResampler.MaxDifference(destination, expected);
                Assert.True(worst <= 1e-4, $"{layout} mirror={mirror} ({top},{left},{h},{w})->{outH}x{outW}: {worst}");
            }
        }
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void PlanesMatchResizeFlipNormalize()
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 41, 52, seed: 9);
        foreach ((int top, int left, int h, int w, int outH, int outW) in Windows)
        {
            foreach ((Interpolation interpolation, bool antialias) in ResizeKernelMapTests.Modes)
            {
                var request = new ResampleRequest(top, left, h, w, outH, outW, interpolation, antialias, Mirror: true);
                float[] destination = new float[3 * outH * outW];
                Resampler.Resample(source.Data, 3, 41, 52, request, destination, Scale, Offset);
                double[] expected = ReferenceResampler.Resize(source.Data, 3, 41, 52, top, left, h, w, outH, outW, interpolation, antialias, mirror: true);
                Normalize(expected, outH * outW);

                Assert.True(ReferenceResampler.MaxDifference(destination, expected) <= 1e-4, $"{interpolation} aa={antialias} ({top},{left},{h},{w})->{outH}x{outW}");
            }
        }
    }

    /// <summary>
    /// A block of a resize (the full resize's maps evaluated for the block's rows and columns only), mirrored on either
    /// axis, is bit for bit the block cut out of the full resize and then mirrored: pixel sources always run the
    /// vertical pass first, and every output is the same sum whichever lane block computes it.
    /// </summary>
    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Bilinear, true)]
    [InlineData(Interpolation.Bicubic, true)]
    [InlineData(Interpolation.Bilinear, false)]
    [InlineData(Interpolation.Nearest, false)]
    public void ABlockOfAResizeIsTheResizeCropped(Interpolation interpolation, bool antialias)
    {
        const int height = 53, width = 71;
        var pixels = new byte[height * width * 4];
        new Random(11).NextBytes(pixels);
        (int Rows, int Columns)[] resizes = [(40, 57), (31, 100), (12, 9)];
        foreach ((int rows, int columns) in resizes)
        {
            var whole = new ResampleRequest(3, 2, 47, 66, rows, columns, interpolation, antialias);
            float[] full = new float[3 * rows * columns];
            Resampler.Resample(pixels, width * 4, PixelLayout.Rgba32, height, width, whole, full);
            foreach ((int top, int left, int h, int w) in new[] { (0, 0, rows, columns), (5, 17, rows - 9, columns - 30), (1, 3, 4, 5), (rows - 2, columns - 7, 2, 7) })
            {
                if (h <= 0 || w <= 0 || top + h > rows || left + w > columns)
                {
                    continue;
                }

                foreach ((bool horizontal, bool vertical) in new[] { (false, false), (true, false), (false, true), (true, true) })
                {
                    ResampleRequest block = whole with
                    {
                        DestinationHeight = h, DestinationWidth = w, Mirror = horizontal, MirrorVertical = vertical,
                        Resized = new ImageSize(rows, columns), RowOffset = top, ColumnOffset = left,
                    };
                    float[] actual = new float[(3 * h * w) + 2];
                    actual.AsSpan().Fill(float.NaN);
                    Resampler.Resample(pixels, width * 4, PixelLayout.Rgba32, height, width, block, actual.AsSpan(1, 3 * h * w));
                    Assert.True(float.IsNaN(actual[0]) && float.IsNaN(actual[^1]), "wrote outside the destination");
                    for (int c = 0; c < 3; c++)
                    {
                        for (int y = 0; y < h; y++)
                        {
                            for (int x = 0; x < w; x++)
                            {
                                int sy = top + (vertical ? h - 1 - y : y), sx = left + (horizontal ? w - 1 - x : x);
                                float expected = full[(((c * rows) + sy) * columns) + sx];
                                float got = actual[1 + (((c * h) + y) * w) + x];
                                Assert.True(
                                    BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(got),
                                    $"{rows}x{columns} block ({top},{left},{h},{w}) flips {horizontal}/{vertical} at c{c} y{y} x{x}: {got} != {expected}");
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Float planes take the same block path (band or AVX-512 window form, either order of passes).</summary>
    [Theory]
    [Trait("Category", "HardwarePaths")]
    [InlineData(Interpolation.Bilinear, true)]
    [InlineData(Interpolation.Bicubic, false)]
    public void ABlockOfAPlanarResizeIsTheResizeCropped(Interpolation interpolation, bool antialias)
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 61, 90, seed: 4);
        foreach ((int rows, int columns, int top, int left, int h, int w) in new[] { (70, 83, 9, 13, 50, 41), (40, 64, 0, 5, 40, 3), (33, 47, 2, 31, 30, 16) })
        {
            var whole = new ResampleRequest(1, 4, 58, 80, rows, columns, interpolation, antialias);
            float[] full = new float[3 * rows * columns];
            Resampler.Resample(source.Data, 3, 61, 90, whole, full);
            foreach ((bool horizontal, bool vertical) in new[] { (false, false), (true, true) })
            {
                ResampleRequest block = whole with
                {
                    DestinationHeight = h, DestinationWidth = w, Mirror = horizontal, MirrorVertical = vertical,
                    Resized = new ImageSize(rows, columns), RowOffset = top, ColumnOffset = left,
                };
                float[] actual = new float[3 * h * w];
                Resampler.Resample(source.Data, 3, 61, 90, block, actual);
                for (int i = 0; i < actual.Length; i++)
                {
                    int c = i / (h * w), y = i / w % h, x = i % w;
                    int sy = top + (vertical ? h - 1 - y : y), sx = left + (horizontal ? w - 1 - x : x);
                    Assert.Equal(full[(((c * rows) + sy) * columns) + sx], actual[i], 1e-5f);
                }
            }
        }
    }

    [Fact]
    public void ABlockOutsideTheResizeIsRejected()
    {
        var pixels = new byte[10 * 10 * 3];
        var request = new ResampleRequest(0, 0, 10, 10, 4, 4, Interpolation.Bilinear, true) { Resized = new ImageSize(6, 6), RowOffset = 3 };
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 10, 10, request, new float[48]));
    }

    [Fact]
    public void MirrorEqualsFlippingTheResizedImage()
    {
        using ImageTensor source = ReferenceResampler.RandomImage(3, 64, 80, seed: 2);
        var plain = new float[3 * 30 * 37];
        var mirrored = new float[3 * 30 * 37];
        Resampler.Resample(source.Data, 3, 64, 80, new ResampleRequest(4, 6, 50, 70, 30, 37, Interpolation.Bilinear, true), plain);
        Resampler.Resample(source.Data, 3, 64, 80, new ResampleRequest(4, 6, 50, 70, 30, 37, Interpolation.Bilinear, true, Mirror: true), mirrored);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 30; y++)
            {
                for (int x = 0; x < 37; x++)
                {
                    int o = (c * 30 * 37) + (y * 37);
                    Assert.Equal(plain[o + x], mirrored[o + 36 - x], 1e-6f);
                }
            }
        }
    }

    [Fact]
    public void InvalidArgumentsThrow()
    {
        var pixels = new byte[10 * 10 * 3];
        var destination = new float[3 * 4 * 4];
        var ok = new ResampleRequest(0, 0, 10, 10, 4, 4, Interpolation.Bilinear, true);
        Assert.Throws<ArgumentException>(() => Resampler.Resample(pixels, 29, PixelLayout.Rgb24, 10, 10, ok, destination));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 11, 10, ok, destination));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 10, 10, ok, destination.AsSpan(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 10, 10, ok with { Top = 1 }, destination));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 10, 10, ok with { DestinationWidth = 0 }, destination));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(pixels, 30, PixelLayout.Rgb24, 10, 10, ok, destination, [1f, 2f]));
    }

    // Random pixels (interleaved, or planes) in rows padded by 5 bytes, so that no row but the first starts aligned.
    private static (byte[] Pixels, int Stride) PaddedPixels(PixelLayout layout, int height, int width, int seed)
    {
        int stride = (width * layout.BytesPerRowPixel()) + 5;
        var pixels = new byte[layout.Planes() * height * stride];
        new Random(seed).NextBytes(pixels);
        return (pixels, stride);
    }

    // Applies the final write's per-channel affine to a reference resize of three planes of `plane` elements.
    private static void Normalize(double[] expected, int plane)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            int c = i / plane;
            expected[i] = (expected[i] * Scale[c]) + Offset[c];
        }
    }

    private static readonly (int Top, int Left, int Height, int Width, int OutHeight, int OutWidth)[] Windows =
    [
        (0, 0, 37, 45, 16, 19), (3, 7, 30, 31, 30, 31), (10, 2, 9, 41, 20, 9), (0, 0, 1, 1, 3, 5), (5, 5, 20, 20, 24, 24), (1, 3, 33, 40, 7, 40),
    ];
}
