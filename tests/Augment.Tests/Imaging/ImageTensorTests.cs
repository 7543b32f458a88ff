using System.Numerics.Tensors;
using Augment.Imaging;

namespace Augment.Tests.Imaging;

public sealed class ImageTensorTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(-1, 4, 4)]
    [InlineData(3, -2, 4)]
    public void CreateRejectsEmptyShapes(int c, int h, int w)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageTensor.Create(c, h, w));
        Assert.Contains($"{c}x{h}x{w}", e.Message);
    }

    [Fact]
    public void CreateRejectsShapesBeyondTheLargestArray()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageTensor.Create(3, 50000, 50000));
    }

    [Fact]
    public void CreateReportsShapeAndClears()
    {
        using var image = ImageTensor.Create(3, 5, 7, clear: true);
        Assert.Equal((3, 5, 7), (image.Channels, image.Height, image.Width));
        Assert.Equal(new ImageSize(5, 7), image.Size);
        Assert.Equal(35, image.PlaneLength);
        Assert.Equal(105, image.Length);
        Assert.Equal(105, image.Data.Length);
        Assert.Equal("3x5x7", image.ShapeString);
        Assert.All(image.Data.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void PlanesAndRowsAddressTheRightElements()
    {
        using var image = TestImages.Indexed(2, 3, 4);
        Assert.Equal(12f, image.Plane(1)[0]);
        Assert.Equal(12, image.Plane(1).Length);
        Assert.Equal([20f, 21f, 22f, 23f], image.Row(1, 2).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Plane(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Plane(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Row(0, 3));
    }

    [Fact]
    public void AsTensorSpanIsAViewOfTheWholeImage()
    {
        using var image = TestImages.Indexed(2, 3, 4);
        TensorSpan<float> view = image.AsTensorSpan();
        Assert.Equal([2, 3, 4], view.Lengths.ToArray());
        Assert.Equal(23f, view[1, 2, 3]);
        view[0, 1, 2] = -5f;
        Assert.Equal(-5f, image.At(0, 1, 2));
    }

    [Fact]
    public void AsTensorSpanWindowIsAStridedView()
    {
        using var image = TestImages.Indexed(3, 5, 6);
        TensorSpan<float> window = image.AsTensorSpan(1, 2, 3, 4);
        Assert.Equal([3, 3, 4], window.Lengths.ToArray());
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 3; y++)
            {
                for (int x = 0; x < 4; x++)
                {
                    Assert.Equal(image.At(c, 1 + y, 2 + x), window[c, y, x]);
                }
            }
        }

        window[2, 2, 3] = 99f;
        Assert.Equal(99f, image.At(2, 3, 5));

        // The whole image and a one-pixel corner are valid windows.
        Assert.Equal(image.At(2, 4, 5), image.AsTensorSpan(4, 5, 1, 1)[2, 0, 0]);
        Assert.Equal([3, 5, 6], image.AsTensorSpan(0, 0, 5, 6).Lengths.ToArray());
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 4, 1)]
    [InlineData(3, 1, 5)]
    public void AsTensorSpanWorksWithLengthOneDimensions(int c, int h, int w)
    {
        using var image = TestImages.Indexed(c, h, w);
        TensorSpan<float> view = image.AsTensorSpan();
        Assert.Equal(image.At(c - 1, h - 1, w - 1), view[c - 1, h - 1, w - 1]);
        TensorSpan<float> corner = image.AsTensorSpan(h - 1, w - 1, 1, 1);
        Assert.Equal(image.At(c - 1, h - 1, w - 1), corner[c - 1, 0, 0]);
        using ImageTensor copy = ImageTensor.FromTensor(view);
        Assert.Equal(image.Data.ToArray(), copy.Data.ToArray());
    }

    [Theory]
    [InlineData(-1, 0, 2, 2)]
    [InlineData(0, -1, 2, 2)]
    [InlineData(4, 0, 2, 2)]
    [InlineData(0, 5, 1, 2)]
    [InlineData(0, 0, 0, 2)]
    [InlineData(0, 0, 2, 0)]
    [InlineData(0, 0, 6, 6)]
    public void AsTensorSpanRejectsWindowsOutsideTheImage(int top, int left, int height, int width)
    {
        using var image = ImageTensor.Create(1, 5, 6);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => image.AsTensorSpan(top, left, height, width));
        Assert.Contains("5x6", e.Message);
    }

    [Fact]
    public void CloneAndCopyToCopyEveryElement()
    {
        using var image = TestImages.Indexed(3, 4, 5);
        using ImageTensor clone = image.Clone();
        Assert.Equal(image.Data.ToArray(), clone.Data.ToArray());
        clone.Data[0] = -1;
        Assert.Equal(0f, image.Data[0]);

        using var target = ImageTensor.Create(3, 4, 5);
        image.CopyTo(target);
        Assert.Equal(image.Data.ToArray(), target.Data.ToArray());

        using var wrong = ImageTensor.Create(3, 5, 4);
        var e = Assert.Throws<ArgumentException>(() => image.CopyTo(wrong));
        Assert.Contains("3x4x5", e.Message);
        Assert.Contains("3x5x4", e.Message);
    }

    [Fact]
    public void FromTensorAndToTensorRoundTrip()
    {
        using var image = TestImages.Indexed(2, 3, 4);
        Tensor<float> tensor = image.ToTensor();
        Assert.Equal([2, 3, 4], tensor.Lengths.ToArray());
        using ImageTensor back = ImageTensor.FromTensor(tensor.AsReadOnlyTensorSpan());
        Assert.Equal(image.Data.ToArray(), back.Data.ToArray());

        // A strided window converts too.
        using ImageTensor window = ImageTensor.FromTensor(image.AsTensorSpan(1, 1, 2, 2));
        Assert.Equal([5f, 6f, 9f, 10f, 17f, 18f, 21f, 22f], window.Data.ToArray());

        Tensor<float> flat = Tensor.Create(new float[6], [6]);
        Assert.Throws<ArgumentException>(() => ImageTensor.FromTensor(flat.AsReadOnlyTensorSpan()));
    }

    [Fact]
    public void DisposeIsIdempotentAndLaterUseThrows()
    {
        var image = ImageTensor.Create(1, 2, 2);
        Assert.False(image.IsDisposed);
        image.Dispose();
        image.Dispose();
        Assert.True(image.IsDisposed);
        Assert.Equal("ImageTensor (disposed)", image.ToString());
        Assert.Throws<ObjectDisposedException>(() => image.Data.Length);
        Assert.Throws<ObjectDisposedException>(() => image.Plane(0).Length);
        Assert.Throws<ObjectDisposedException>(() => image.Clone());
        Assert.Throws<ObjectDisposedException>(() => image.AsTensorSpan().Rank);
        Assert.Equal(new ImageSize(2, 2), image.Size);
    }

    [Fact]
    public void ImageSizeValidatesAndDescribesItself()
    {
        var size = new ImageSize(3, 8);
        Assert.Equal(24, size.Area);
        Assert.Equal(3, size.ShorterSide);
        Assert.Equal(8, size.LongerSide);
        Assert.Equal("3x8", size.ToString());
        size.ThrowIfEmpty("size");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSize(0, 4).ThrowIfEmpty("size"));
        Assert.Equal("size", e.ParamName);
    }
}
