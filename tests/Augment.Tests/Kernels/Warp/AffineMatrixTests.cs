using Augment.Imaging;
using Augment.Kernels.Warp;

namespace Augment.Tests.Kernels.Warp;

public sealed class AffineMatrixTests
{
    [Fact]
    public void ZeroParametersGiveTheIdentity()
    {
        AffineMatrix m = AffineMatrix.Inverse(0, 0, 0, 1, 0, 0);
        Assert.Equal(AffineMatrix.Identity, m);
    }

    [Fact]
    public void InverseUndoesTheForwardRotationScaleAndTranslation()
    {
        // Forward map (torchvision's non-inverted form): p_out = T + C + R*S*(p_in - C), angle clockwise in image coordinates.
        double angle = 30, scale = 1.5, tx = 4, ty = -3, cx = 2, cy = 1;
        AffineMatrix inv = AffineMatrix.Inverse(angle, tx, ty, scale, 0, 0, cx, cy);
        double rad = angle * Math.PI / 180;
        (double xIn, double yIn) = (7.0, -2.0);
        double dx = xIn - cx, dy = yIn - cy;
        double xOut = (scale * ((Math.Cos(rad) * dx) - (Math.Sin(rad) * dy))) + cx + tx;
        double yOut = (scale * ((Math.Sin(rad) * dx) + (Math.Cos(rad) * dy))) + cy + ty;
        Assert.Equal(xIn, (inv.M00 * xOut) + (inv.M01 * yOut) + inv.M02, 9);
        Assert.Equal(yIn, (inv.M10 * xOut) + (inv.M11 * yOut) + inv.M12, 9);
    }

    [Fact]
    public void ShearXMapsRowsByTheTangent()
    {
        // A pure x shear of s degrees maps (x, y) to (x - tan(s) * y, y) in the forward direction, so the inverse adds it back.
        AffineMatrix inv = AffineMatrix.Inverse(0, 0, 0, 1, 20, 0);
        double t = Math.Tan(20 * Math.PI / 180);
        Assert.Equal(1, inv.M00, 12);
        Assert.Equal(t, inv.M01, 12);
        Assert.Equal(0, inv.M10, 12);
        Assert.Equal(1, inv.M11, 12);
    }

    [Theory]
    [InlineData(90, 100, 150, 150, 100)]
    [InlineData(0, 100, 150, 100, 150)]
    [InlineData(180, 64, 32, 64, 32)]
    [InlineData(45, 100, 100, 142, 142)]
    [InlineData(30, 37, 53, 59, 65)] // torchvision 0.14: the corners are shifted by (w/2, h/2) before rounding outwards
    [InlineData(-30, 37, 53, 59, 65)]
    public void ExpandedSizeHoldsTheRotatedImage(double angle, int height, int width, int expectedHeight, int expectedWidth)
    {
        AffineMatrix m = AffineMatrix.Inverse(-angle, 0, 0, 1, 0, 0);
        Assert.Equal(new ImageSize(expectedHeight, expectedWidth), m.ExpandedSize(width, height));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsBadScales(double scale)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AffineMatrix.Inverse(0, 0, 0, scale, 0, 0));
        Assert.Equal("scale", e.ParamName);
    }
}
