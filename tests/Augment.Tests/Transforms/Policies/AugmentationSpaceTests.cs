using Augment.Imaging;
using Augment.Transforms.Policies;

namespace Augment.Tests.Transforms.Policies;

/// <summary>The magnitude tables of torchvision's <c>_augmentation_space</c> (standard: AutoAugment, RandAugment; wide: TrivialAugmentWide).</summary>
public sealed class AugmentationSpaceTests
{
    private static readonly ImageSize Size = new(200, 331);

    [Theory]
    [InlineData(AugmentOp.ShearX, 0.3, 0.99)]
    [InlineData(AugmentOp.ShearY, 0.3, 0.99)]
    [InlineData(AugmentOp.Rotate, 30.0, 135.0)]
    [InlineData(AugmentOp.Brightness, 0.9, 0.99)]
    [InlineData(AugmentOp.Color, 0.9, 0.99)]
    [InlineData(AugmentOp.Contrast, 0.9, 0.99)]
    [InlineData(AugmentOp.Sharpness, 0.9, 0.99)]
    [InlineData(AugmentOp.TranslateX, 150.0, 32.0)]
    [InlineData(AugmentOp.TranslateY, 150.0 / 331.0 * 200.0, 32.0)]
    public void LinearMagnitudesRunFromZeroToTheirMaximum(AugmentOp op, double standardMax, double wideMax)
    {
        foreach (int bins in new[] { 10, 31 })
        {
            for (int bin = 0; bin < bins; bin++)
            {
                Assert.Equal(standardMax * bin / (bins - 1), AugmentationSpace.Magnitude(op, bin, bins, Size, wide: false), 4);
                Assert.Equal(wideMax * bin / (bins - 1), AugmentationSpace.Magnitude(op, bin, bins, Size, wide: true), 4);
            }
        }
    }

    [Fact]
    public void EndpointsAreExact()
    {
        Assert.Equal(30f, AugmentationSpace.Magnitude(AugmentOp.Rotate, 9, 10, Size, wide: false));
        Assert.Equal(0f, AugmentationSpace.Magnitude(AugmentOp.Solarize, 30, 31, Size, wide: true));
        Assert.Equal(255f, AugmentationSpace.Magnitude(AugmentOp.Solarize, 0, 31, Size, wide: false));
        Assert.Equal(0f, AugmentationSpace.Magnitude(AugmentOp.ShearX, 0, 31, Size, wide: false));
    }

    [Fact]
    public void SolarizeThresholdsFallFrom255ToZero()
    {
        for (int bin = 0; bin < 10; bin++)
        {
            Assert.Equal(255.0 - (255.0 * bin / 9), AugmentationSpace.Magnitude(AugmentOp.Solarize, bin, 10, Size, wide: false), 4);
        }
    }

    [Theory]
    [InlineData(10, false, "8 8 7 7 6 6 5 5 4 4")]
    [InlineData(31, false, "8 8 8 8 7 7 7 7 7 7 7 7 6 6 6 6 6 6 6 5 5 5 5 5 5 5 5 4 4 4 4")]
    [InlineData(31, true, "8 8 8 7 7 7 7 7 6 6 6 6 6 5 5 5 5 5 4 4 4 4 4 3 3 3 3 3 2 2 2")]
    public void PosterizeBitsFollowTheRoundedTable(int bins, bool wide, string expected)
    {
        string actual = string.Join(' ', Enumerable.Range(0, bins).Select(b => AugmentationSpace.Magnitude(AugmentOp.Posterize, b, bins, Size, wide)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SignedOperationsAreTheGeometricAndEnhanceOnes()
    {
        AugmentOp[] signed = [.. Enum.GetValues<AugmentOp>().Where(AugmentationSpace.IsSigned)];
        Assert.Equal(
            [AugmentOp.ShearX, AugmentOp.ShearY, AugmentOp.TranslateX, AugmentOp.TranslateY, AugmentOp.Rotate, AugmentOp.Brightness, AugmentOp.Color, AugmentOp.Contrast, AugmentOp.Sharpness],
            signed);
        Assert.All([AugmentOp.Identity, AugmentOp.AutoContrast, AugmentOp.Equalize, AugmentOp.Invert], op => Assert.Equal(0f, AugmentationSpace.Magnitude(op, 5, 10, Size, false)));
    }

    [Fact]
    public void RandomPoliciesChooseFromTorchvisionsFourteenOperations()
    {
        Assert.Equal(
            "Identity ShearX ShearY TranslateX TranslateY Rotate Brightness Color Contrast Sharpness Posterize Solarize AutoContrast Equalize",
            string.Join(' ', RandAugment.Operations));
        Assert.Equal(RandAugment.Operations, TrivialAugmentWide.Operations);
    }
}
