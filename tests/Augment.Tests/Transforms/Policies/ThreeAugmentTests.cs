using Augment.Imaging;
using Augment.Kernels.Blur;
using Augment.Randomness;
using Augment.Transforms.Policies;

namespace Augment.Tests.Transforms.Policies;

public sealed class ThreeAugmentTests
{
    [Fact]
    public void ThreeAugmentChoosesEachOperationAThirdOfTheTime()
    {
        var transform = new ThreeAugment();
        var random = RandomSource.FromSeed(17);
        var counts = new int[3];
        const int N = 30000;
        double sigmaSum = 0;
        for (int i = 0; i < N; i++)
        {
            ThreeAugmentParams p = transform.Draw(3, new ImageSize(8, 8), ref random);
            counts[(int)p.Op]++;
            if (p.Op == ThreeAugmentOp.GaussianBlur)
            {
                Assert.InRange(p.Sigma, 0.1, 2.0);
                sigmaSum += p.Sigma;
            }
            else
            {
                Assert.Equal(0.0, p.Sigma);
            }
        }

        Assert.All(counts, c => Assert.InRange(c / (double)N, 0.321, 0.345));
        Assert.InRange(sigmaSum / counts[2], 1.03, 1.07);
    }

    [Fact]
    public void ThreeAugmentOperationsMatchTheirDefinitions()
    {
        var transform = new ThreeAugment();
        using ImageTensor image = WarpTestImages.Random(3, 10, 13, 18, quantized: true);

        using ImageTensor gray = transform.Apply(image.Clone(), new ThreeAugmentParams(ThreeAugmentOp.Grayscale, 0));
        using ImageTensor solarized = transform.Apply(image.Clone(), new ThreeAugmentParams(ThreeAugmentOp.Solarize, 0));
        using ImageTensor blurred = transform.Apply(image.Clone(), new ThreeAugmentParams(ThreeAugmentOp.GaussianBlur, 1.2));
        using ImageTensor expectedBlur = BlurKernels.GaussianBlur(image, 9, 9, 1.2f, 1.2f); // 2 * ceil(3.6) + 1 taps
        for (int y = 0; y < 10; y++)
        {
            for (int x = 0; x < 13; x++)
            {
                float g = (0.2989f * image.At(0, y, x)) + (0.587f * image.At(1, y, x)) + (0.114f * image.At(2, y, x));
                for (int c = 0; c < 3; c++)
                {
                    WarpTestImages.Near(g, gray.At(c, y, x), 1e-6f);

                    // PIL's solarize inverts 8-bit levels of 128 and above.
                    int level = (int)MathF.Round(image.At(c, y, x) * 255);
                    WarpTestImages.Near(level >= 128 ? 1 - image.At(c, y, x) : image.At(c, y, x), solarized.At(c, y, x), 0f);
                }
            }
        }

        Assert.Equal(expectedBlur.Data.ToArray(), blurred.Data.ToArray());
    }
}
