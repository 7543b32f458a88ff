using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;
using Augment.Transforms.Color;

namespace Augment.Tests.Transforms.Color;

public sealed class GrayscaleTransformTests
{
    [Fact]
    public void Grayscale_GivesOneOrThreeChannels()
    {
        using ImageTensor source = TestImages.Random(3, 5, 9, 8);
        var random = RandomSource.FromSeed(0);
        using ImageTensor one = new Grayscale(1).Apply(source.Clone(), ref random);
        using ImageTensor three = new Grayscale(3).Apply(source.Clone(), ref random);
        Assert.Equal(1, one.Channels);
        Assert.Equal(3, three.Channels);
        for (int c = 0; c < 3; c++)
        {
            Assert.True(TestImages.MaxDifference(three.Plane(c), one.Plane(0)) < 1e-6f);
        }

        Assert.Throws<ArgumentOutOfRangeException>("outputChannels", () => new Grayscale(2));
    }

    [Fact]
    public void GrayscaleToOneChannel_DisposesItsInput()
    {
        ImageTensor input = TestImages.Random(3, 4, 4, 2);
        var random = RandomSource.FromSeed(0);
        using ImageTensor output = new Grayscale().Apply(input, ref random);
        Assert.NotSame(input, output);
        Assert.True(input.IsDisposed);
        Assert.False(output.IsDisposed);
    }

    [Fact]
    public void RandomGrayscale_AppliesWithProbabilityP()
    {
        var transform = new RandomGrayscale(0.3);
        int applied = 0;
        const int Draws = 10_000;
        for (int i = 0; i < Draws; i++)
        {
            var random = RandomSource.ForSample(3, 0, i);
            applied += transform.Draw(3, new ImageSize(2, 2), ref random).Applied ? 1 : 0;
        }

        Assert.InRange(applied / (double)Draws, 0.3 - 0.015, 0.3 + 0.015); // ±3.3σ

        using ImageTensor source = TestImages.Random(3, 4, 4, 1);
        using ImageTensor gray = transform.Apply(source.Clone(), new RandomGrayscaleParams(true));
        using ImageTensor expected = source.Clone();
        ColorKernels.Grayscale(expected);
        Assert.Equal(expected.Data.ToArray(), gray.Data.ToArray());
        using ImageTensor kept = transform.Apply(source.Clone(), new RandomGrayscaleParams(false));
        Assert.Equal(source.Data.ToArray(), kept.Data.ToArray());
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void RandomGrayscale_RejectsBadProbabilities(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("p", () => new RandomGrayscale(p));
        Assert.Contains(p.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message);
    }
}
