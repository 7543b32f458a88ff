using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

public sealed class RicapTests
{
    [Theory]
    [InlineData(MixMode.Batch)]
    [InlineData(MixMode.Sample)]
    public void IsExactAgainstTheScalarReference(MixMode mode)
    {
        var ricap = new Ricap(mode: mode);
        for (int seed = 0; seed < 10; seed++)
        {
            using ImageBatch batch = BatchTestData.Batch(5 + seed, 3, 7, 11, classes: 6);
            var parameters = new RicapParams();
            var random = RandomSource.FromSeed((ulong)seed);
            ricap.Draw(batch.Count, batch.Size, ref random, parameters);
            (float[] images, float[] targets) = MixReference.Ricap(batch, parameters);
            ricap.Apply(batch, parameters);
            Assert.Equal(images, batch.Data.ToArray());
            Assert.Equal(targets.Length, batch.Targets.Length);
            for (int i = 0; i < targets.Length; i++)
            {
                Assert.Equal(targets[i], batch.Targets[i], 1e-6f);
            }

            MixReference.AssertRowsSumToOne(batch);
        }
    }

    [Theory]
    [InlineData(MixMode.Batch)]
    [InlineData(MixMode.Sample)]
    public void DrawsBoundariesOffsetsAndPermutationsInRange(MixMode mode)
    {
        var parameters = new RicapParams();
        double sum = 0;
        bool perSample = false;
        const int draws = 1000;
        for (ulong seed = 0; seed < draws; seed++)
        {
            var random = RandomSource.FromSeed(seed);
            new Ricap(mode: mode).Draw(8, new ImageSize(30, 40), ref random, parameters);
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(Enumerable.Range(0, 8), parameters.Sources(k).ToArray().Order());
            }

            for (int i = 0; i < 8; i++)
            {
                Assert.InRange(parameters.BoundaryWidths[i], 0, 40);
                Assert.InRange(parameters.BoundaryHeights[i], 0, 30);
                sum += parameters.BoundaryWidths[i] / 40.0 / 8;
                for (int k = 0; k < 4; k++)
                {
                    (int h, int w) = parameters.PatchSize(i, k, 30, 40);
                    Assert.InRange(parameters.OffsetsX(k)[i], 0, 40 - w);
                    Assert.InRange(parameters.OffsetsY(k)[i], 0, 30 - h);
                }
            }

            int boundaries = parameters.BoundaryWidths.ToArray().Zip(parameters.BoundaryHeights.ToArray()).Distinct().Count();
            if (mode == MixMode.Batch)
            {
                Assert.Equal(1, boundaries);
            }
            else
            {
                perSample |= boundaries > 1;
            }
        }

        Assert.Equal(mode == MixMode.Sample, perSample);
        Assert.InRange(sum / draws, 0.47, 0.53); // Beta(β, β) is symmetric about 1/2
    }

    [Fact]
    public void InvalidParams_Throw()
    {
        using ImageBatch batch = BatchTestData.Batch(3, 1, 4, 6);
        var parameters = new RicapParams();
        var ricap = new Ricap();
        parameters.Reset(3);
        parameters.BoundaryWidths[2] = 7;
        Assert.Contains("Sample 2", Assert.Throws<ArgumentException>(() => ricap.Apply(batch, parameters)).Message);

        parameters.Reset(3);
        parameters.SetBoundary(2, 0);
        parameters.OffsetsX(1)[0] = 3; // the top-right patch is 4 wide: at most offset 2
        Assert.Contains("Patch 1", Assert.Throws<ArgumentException>(() => ricap.Apply(batch, parameters)).Message);

        parameters.Reset(3);
        parameters.Sources(3)[1] = 3;
        Assert.Contains("sample 1", Assert.Throws<ArgumentException>(() => ricap.Apply(batch, parameters)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => parameters.Sources(4));
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Ricap(0)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new Ricap(mode: (MixMode)3)).ParamName);
    }
}
