using Augment.Imaging;

namespace Augment.Tests.Imaging;

public sealed class PixelBufferTests
{
    [Fact]
    public void ReshapeKeepsTheMemoryWhenItFitsAndGrowsItWhenNot()
    {
        using PixelBuffer pixels = PixelBuffer.Rent(8, 8, PixelLayout.Rgba32);
        pixels.Pixels.Fill(7);
        pixels.Reshape(4, 3, PixelLayout.Rgb24);
        Assert.Equal((4, 3, 12, PixelLayout.Rgb24), (pixels.Width, pixels.Height, pixels.Stride, pixels.Layout));
        Assert.Equal(36, pixels.Pixels.Length);
        Assert.All(pixels.Pixels.ToArray(), b => Assert.Equal(7, b)); // the same memory

        pixels.Reshape(300, 200, PixelLayout.Rgba32);
        Assert.Equal(300 * 200 * 4, pixels.Pixels.Length);
        Assert.Equal(new ImageSize(200, 300), pixels.Size);
    }

    [Fact]
    public void APlanarBufferHoldsThreePlanesAndCopiesPlaneByPlane()
    {
        using PixelBuffer planar = PixelBuffer.Rent(5, 3, PixelLayout.Rgb24Planar);
        Assert.Equal((5, 3, 5 * 3 * 3), (planar.Stride, planar.Layout.Planes(), planar.Pixels.Length));
        for (int i = 0; i < planar.Pixels.Length; i++)
        {
            planar.Pixels[i] = (byte)i;
        }

        using PixelBuffer copy = PixelBuffer.Rent(1, 1, PixelLayout.Rgba32);
        copy.CopyFrom(planar);
        Assert.Equal((5, 3, 5, PixelLayout.Rgb24Planar), (copy.Width, copy.Height, copy.Stride, copy.Layout));
        Assert.Equal(planar.Pixels.ToArray(), copy.Pixels.ToArray());

        // Pixel (x, y) of channel c is byte (c * height + y) * stride + x.
        using ImageTensor image = planar.ToTensor();
        Assert.Equal(((2 * 3) + 1) * 5 + 4, (int)MathF.Round(image.Row(2, 1)[4] * 255));
        Assert.Equal(3, PixelLayout.Rgb24Planar.BytesPerPixel());
        Assert.Equal(1, PixelLayout.Rgb24Planar.BytesPerRowPixel());
        Assert.Equal((1, 4), (PixelLayout.Rgba32.Planes(), PixelLayout.Rgba32.BytesPerRowPixel()));
    }

    [Fact]
    public void RentWithAReuseBufferReturnsItReshaped()
    {
        using PixelBuffer reuse = PixelBuffer.Rent(2, 2, PixelLayout.Gray8);
        Assert.Same(reuse, PixelBuffer.Rent(5, 6, PixelLayout.Rgba32, reuse));
        Assert.Equal((5, 6, PixelLayout.Rgba32), (reuse.Width, reuse.Height, reuse.Layout));
        using PixelBuffer fresh = PixelBuffer.Rent(5, 6, PixelLayout.Rgba32, null);
        Assert.NotSame(reuse, fresh);
    }

    [Fact]
    public void ReshapeRefusesBadSizesAndDisposedBuffers()
    {
        var pixels = PixelBuffer.Rent(2, 2, PixelLayout.Rgba32);
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.Reshape(0, 2, PixelLayout.Rgba32));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.Reshape(int.MaxValue, 2, PixelLayout.Rgba32));
        pixels.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pixels.Reshape(2, 2, PixelLayout.Rgba32));
    }

    [Fact]
    public void TheInterfacesDefaultDecodeIntoCopiesWhatDecodePixelsGives()
    {
        // A decoder that implements only the interface's required members gets DecodePixelsInto by copying.
        IImageDecoder decoder = new SolidDecoder();
        using PixelBuffer reused = PixelBuffer.Rent(1, 1, PixelLayout.Gray8);
        decoder.DecodePixelsInto([1], reused, null, "solid");
        Assert.Equal((3, 2, PixelLayout.Rgb24), (reused.Width, reused.Height, reused.Layout));
        Assert.Equal(new byte[] { 9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7 }, reused.Pixels.ToArray());
    }

    /// <summary>Decodes anything as a 3x2 RGB image of one colour.</summary>
    private sealed class SolidDecoder : IImageDecoder
    {
        public IReadOnlyList<string> FileExtensions => [".solid"];

        public ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null) => throw new NotSupportedException();

        public ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null) => throw new NotSupportedException();

        public PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null)
        {
            var pixels = PixelBuffer.Rent(3, 2, PixelLayout.Rgb24);
            for (int i = 0; i < pixels.Pixels.Length; i += 3)
            {
                pixels.Pixels[i] = 9;
                pixels.Pixels[i + 1] = 8;
                pixels.Pixels[i + 2] = 7;
            }

            return pixels;
        }
    }
}
