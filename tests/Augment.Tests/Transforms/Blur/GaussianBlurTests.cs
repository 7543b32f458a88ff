using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Randomness;
using Augment.Transforms.Blur;

namespace Augment.Tests.Transforms.Blur;

public sealed class GaussianBlurTests
{
    [Fact]
    public void BlurSigmaIsUniformOnItsRange()
    {
        var transform = new GaussianBlur(5, (0.5, 3.0));
        var random = RandomSource.FromSeed(15);
        const int N = 20000;
        double sum = 0, squares = 0;
        for (int i = 0; i < N; i++)
        {
            double sigma = transform.Draw(3, new ImageSize(8, 8), ref random).Sigma;
            Assert.InRange(sigma, 0.5, 3.0);
            sum += sigma;
            squares += sigma * sigma;
        }

        double mean = sum / N, variance = (squares / N) - (mean * mean);
        Assert.InRange(mean, 1.73, 1.77);
        Assert.InRange(variance, 2.5 * 2.5 / 12 * 0.96, 2.5 * 2.5 / 12 * 1.04);
    }

    [Fact]
    public void BlurTransformAppliesTheKernelWithTheDrawnSigma()
    {
        var transform = new GaussianBlur((7, 3), (1.0, 1.0));
        using ImageTensor image = WarpTestImages.Random(3, 12, 15, 16);
        using ImageTensor expected = BlurKernels.GaussianBlur(image, 7, 3, 1f, 1f);
        using ImageTensor actual = transform.Apply(image.Clone(), new GaussianBlurParams(1.0));
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
    }
}
