using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>
/// The loader's fused primitive (<see cref="Resampler"/>): 8-bit interleaved or float sources, windows, a folded
/// horizontal flip and a per-channel affine on the final write, into a slot of a larger buffer.
/// </summary>
public sealed class ResizeFusedTests
{
    private static readonly float[] Scale = [1 / 0.229f, 1 / 0.224f, 1 / 0.225f];
    private static readonly float[] Offset = [-0.485f / 0.229f, -0.456f / 0.224f, -0.406f / 0.225f];

    public static TheoryData<PixelLayout> Layouts() => [PixelLayout.Rgb24, PixelLayout.Rgba32, PixelLayout.Bgra32, PixelLayout.Gray8];

    [Theory]
    [Trait("Category", "HardwarePaths")]
    [MemberData(nameof(Layouts))]
    public void PixelsMatchConvertThenResizeFlipNormalize(PixelLayout layout)
    {
        const int height = 37, width = 45;
        int bpp = layout.BytesPerPixel();
        int stride = (width * bpp) + 5;
        var pixels = new byte[height * stride];
        new Random(5).NextBytes(pixels);
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
                    for (int i = 0; i < length; i++)
                    {
                        int c = i / (outH * outW);
                        expected[i] = (expected[i] * Scale[c]) + Offset[c];
                    }

                    double worst = ReferenceResampler.MaxDifference(batch.AsSpan(5, length), expected);
                    Assert.True(worst <= 1e-4, $"{layout} {interpolation} aa={antialias} mirror={mirror} ({top},{left},{h},{w})->{outH}x{outW}: {worst}");
                    Assert.True(float.IsNaN(batch[4]) && float.IsNaN(batch[5 + length]), "wrote outside its slot");
                }
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
                for (int i = 0; i < expected.Length; i++)
                {
                    int c = i / (outH * outW);
                    expected[i] = (expected[i] * Scale[c]) + Offset[c];
                }

                Assert.True(ReferenceResampler.MaxDifference(destination, expected) <= 1e-4, $"{interpolation} aa={antialias} ({top},{left},{h},{w})->{outH}x{outW}");
            }
        }
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

    private static readonly (int Top, int Left, int Height, int Width, int OutHeight, int OutWidth)[] Windows =
    [
        (0, 0, 37, 45, 16, 19), (3, 7, 30, 31, 30, 31), (10, 2, 9, 41, 20, 9), (0, 0, 1, 1, 3, 5), (5, 5, 20, 20, 24, 24), (1, 3, 33, 40, 7, 40),
    ];
}
