using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

public sealed class MixingTests
{
    public static TheoryData<string> Mixers() =>
    [
        "mixup-batch-permutation", "mixup-batch-flip", "mixup-batch-roll", "mixup-sample-permutation", "mixup-sample-flip",
        "cutmix-batch", "cutmix-sample", "cutmix-minmax", "switch-batch", "switch-sample", "switch-sample-half",
    ];

    [Theory]
    [MemberData(nameof(Mixers))]
    public void Mixers_AreInPlaceAndExactAgainstTheScalarReference(string name)
    {
        BatchTransform<MixParams> mixer = Create(name);
        for (int seed = 0; seed < 6; seed++)
        {
            using ImageBatch batch = BatchTestData.Batch(7 + seed, 3, 6, 9, classes: 5);
            var parameters = new MixParams();
            var random = RandomSource.FromSeed((ulong)seed);
            mixer.Draw(batch.Count, batch.Size, ref random, parameters);
            (float[] images, float[] targets) = MixReference.Mix(batch, parameters);
            mixer.Apply(batch, parameters);
            Assert.Equal(images, batch.Data.ToArray());
            Assert.Equal(targets, batch.Targets.ToArray());
            AssertRowsSumToOne(batch);
        }
    }

    [Fact]
    public void PartnerModes_GiveTheirMaps()
    {
        var parameters = new MixParams();
        var random = RandomSource.FromSeed(1);
        new Mixup(partners: PartnerMode.Flip).Draw(5, new ImageSize(2, 2), ref random, parameters);
        Assert.Equal([4, 3, 2, 1, 0], parameters.Partners.ToArray());
        new Mixup(partners: PartnerMode.Roll).Draw(5, new ImageSize(2, 2), ref random, parameters);
        Assert.Equal([4, 0, 1, 2, 3], parameters.Partners.ToArray());
        new Mixup().Draw(64, new ImageSize(2, 2), ref random, parameters);
        Assert.Equal(Enumerable.Range(0, 64), parameters.Partners.ToArray().Order());
        Assert.NotEqual(Enumerable.Range(0, 64), parameters.Partners.ToArray());
    }

    [Fact]
    public void BatchMode_SharesLambda_SampleMode_DrawsOnePerSample()
    {
        var parameters = new MixParams();
        var random = RandomSource.FromSeed(5);
        new Mixup(1.0).Draw(16, new ImageSize(4, 4), ref random, parameters);
        Assert.Single(parameters.Lambdas.ToArray().Distinct());
        new Mixup(1.0, MixMode.Sample).Draw(16, new ImageSize(4, 4), ref random, parameters);
        Assert.Equal(16, parameters.Lambdas.ToArray().Distinct().Count());
    }

    [Theory]
    [InlineData("mixup-sample-permutation")]
    [InlineData("cutmix-sample")]
    [InlineData("switch-sample-half")]
    public void SampleMode_SampleDrawsDependOnNeitherOtherSamplesNorBatchSize(string name)
    {
        BatchTransform<MixParams> mixer = Create(name);
        MixParams small = new(), large = new();
        var a = RandomSource.ForSample(11, 2, 3);
        var b = RandomSource.ForSample(11, 2, 3);
        mixer.Draw(4, new ImageSize(20, 30), ref a, small);
        mixer.Draw(9, new ImageSize(20, 30), ref b, large);
        Assert.Equal(small.Lambdas.ToArray(), large.Lambdas[..4].ToArray());
        Assert.Equal(small.Kinds.ToArray(), large.Kinds[..4].ToArray());
        Assert.Equal(small.Boxes.ToArray(), large.Boxes[..4].ToArray());
    }

    [Theory]
    [MemberData(nameof(Mixers))]
    public void SameSeed_GivesIdenticalBytes(string name)
    {
        using ImageBatch first = BatchTestData.Batch(8, 3, 5, 5), second = BatchTestData.Batch(8, 3, 5, 5);
        var a = RandomSource.FromSeed(77);
        var b = RandomSource.FromSeed(77);
        Create(name).Apply(first, ref a);
        Create(name).Apply(second, ref b);
        Assert.Equal(first.Data.ToArray(), second.Data.ToArray());
        Assert.Equal(first.Targets.ToArray(), second.Targets.ToArray());
    }

    [Fact]
    public void CutMix_CorrectsLambdaToTheBoxArea()
    {
        var parameters = new MixParams();
        var size = new ImageSize(32, 48);
        for (ulong seed = 0; seed < 200; seed++)
        {
            var random = RandomSource.FromSeed(seed);
            new CutMix(mode: MixMode.Sample).Draw(4, size, ref random, parameters);
            for (int i = 0; i < 4; i++)
            {
                CutBox box = parameters.Boxes[i];
                Assert.True(box.IsInside(32, 48), box.ToString());
                Assert.Equal((float)(1.0 - (box.Area / (32.0 * 48.0))), parameters.Lambdas[i]);
            }
        }
    }

    [Fact]
    public void CutMix_MinMaxRatio_BoundsTheBoxSides()
    {
        var parameters = new MixParams();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var random = RandomSource.FromSeed(seed);
            new CutMix(mode: MixMode.Sample, minRatio: 0.2, maxRatio: 0.8).Draw(4, new ImageSize(50, 100), ref random, parameters);
            foreach (CutBox box in parameters.Boxes)
            {
                Assert.InRange(box.Height, 10, 39);
                Assert.InRange(box.Width, 20, 79);
                Assert.True(box.IsInside(50, 100));
            }
        }
    }

    [Fact]
    public void Switch_HonoursItsProbabilities()
    {
        var parameters = new MixParams();
        var random = RandomSource.FromSeed(9);
        new MixupOrCutMix(switchProbability: 0.3, probability: 0.6, mode: MixMode.Sample).Draw(20_000, new ImageSize(8, 8), ref random, parameters);
        int none = 0, paste = 0, blend = 0;
        foreach (MixKind kind in parameters.Kinds)
        {
            _ = kind switch { MixKind.None => none++, MixKind.Paste => paste++, _ => blend++ };
        }

        Assert.InRange(none / 20_000.0, 0.38, 0.42);
        Assert.InRange(paste / 20_000.0, 0.16, 0.20);
        Assert.InRange(blend / 20_000.0, 0.40, 0.44);
    }

    [Fact]
    public void ZeroProbability_LeavesTheBatchUnchanged()
    {
        using ImageBatch batch = BatchTestData.Batch(6, 3, 4, 4);
        float[] images = batch.Data.ToArray(), targets = batch.Targets.ToArray();
        var random = RandomSource.FromSeed(1);
        new MixupOrCutMix(probability: 0).Apply(batch, ref random);
        Assert.Equal(images, batch.Data.ToArray());
        Assert.Equal(targets, batch.Targets.ToArray());
    }

    [Fact]
    public void BatchOfOne_IsUnchanged()
    {
        using ImageBatch batch = BatchTestData.Batch(1, 3, 4, 4);
        float[] images = batch.Data.ToArray();
        var random = RandomSource.FromSeed(1);
        new Mixup().Apply(batch, ref random);
        new CutMix().Apply(batch, ref random);
        Assert.Equal(images, batch.Data.ToArray());
    }

    [Theory]
    [InlineData(MixMode.Batch)]
    [InlineData(MixMode.Sample)]
    public void Ricap_IsExactAgainstTheScalarReference(MixMode mode)
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

            AssertRowsSumToOne(batch);
        }
    }

    [Theory]
    [InlineData(MixMode.Batch)]
    [InlineData(MixMode.Sample)]
    public void Ricap_DrawsBoundariesOffsetsAndPermutationsInRange(MixMode mode)
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
    public void ManyMixedBatches_LeakNoBuffers()
    {
        var pool = new BatchPool();
        var random = RandomSource.FromSeed(3);
        var mixers = new object[] { new Mixup(), new CutMix(), new Ricap(), new MixupOrCutMix(mode: MixMode.Sample) };
        int created = 0;
        for (int round = 0; round < 100; round++)
        {
            using ImageBatch batch = BatchTestData.Batch(8, 3, 6, 6, pool: pool);
            switch (mixers[round % mixers.Length])
            {
                case Ricap ricap:
                    ricap.Apply(batch, ref random);
                    break;
                case BatchTransform<MixParams> mixer:
                    mixer.Apply(batch, ref random);
                    break;
            }

            Assert.Equal(4, pool.Outstanding); // images, labels, origins, targets
            if (round == 4)
            {
                created = pool.Created;
            }
        }

        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(created, pool.Created);
    }

    [Fact]
    [Trait("Category", "HardwarePaths")]
    public void Blend_CoversEveryVectorTail()
    {
        var parameters = new MixParams();
        for (int width = 1; width <= 40; width++)
        {
            using ImageBatch batch = BatchTestData.Batch(3, 1, 1, width, classes: width);
            parameters.Reset(3);
            parameters.Partners[0] = 2;
            parameters.Partners[2] = 0;
            parameters.Kinds[0] = parameters.Kinds[2] = MixKind.Blend;
            parameters.Lambdas[0] = 0.3f;
            parameters.Lambdas[2] = 0.9f;
            (float[] images, float[] targets) = MixReference.Mix(batch, parameters);
            new Mixup().Apply(batch, parameters);
            Assert.Equal(images, batch.Data.ToArray());
            Assert.Equal(targets, batch.Targets.ToArray());
        }
    }

    [Fact]
    public void InvalidMixParams_NameTheSample()
    {
        using ImageBatch batch = BatchTestData.Batch(3, 1, 4, 4);
        var parameters = new MixParams();
        var mixup = new Mixup();

        parameters.Reset(2);
        Assert.Contains("for 2 samples", Assert.Throws<ArgumentException>(() => mixup.Apply(batch, parameters)).Message);

        parameters.Reset(3);
        parameters.Partners[2] = 0;
        Assert.Contains("sample 2 has partner 0", Assert.Throws<ArgumentException>(() => mixup.Apply(batch, parameters)).Message);

        parameters.Reset(3);
        parameters.Lambdas[1] = 1.5f;
        Assert.Contains("Sample 1", Assert.Throws<ArgumentException>(() => mixup.Apply(batch, parameters)).Message);

        parameters.Reset(3);
        parameters.Kinds[0] = MixKind.Paste;
        parameters.Boxes[0] = new CutBox(2, 2, 3, 1);
        Assert.Contains("Sample 0", Assert.Throws<ArgumentException>(() => mixup.Apply(batch, parameters)).Message);
    }

    [Fact]
    public void InvalidRicapParams_Throw()
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
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new Mixup(0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(double.NaN)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new Mixup(mode: (MixMode)7)).ParamName);
        Assert.Equal("partners", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(partners: (PartnerMode)7)).ParamName);
        Assert.Equal("minRatio", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(minRatio: 0.8, maxRatio: 0.2)).ParamName);
        Assert.Equal("maxRatio", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(minRatio: 0.2, maxRatio: 1.2)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(probability: 1.5)).ParamName);
        Assert.Equal("switchProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(switchProbability: -0.1)).ParamName);
        Assert.Equal("mixupAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(mixupAlpha: -1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Ricap(0)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new Ricap(mode: (MixMode)3)).ParamName);
    }

    private static BatchTransform<MixParams> Create(string name) => name switch
    {
        "mixup-batch-permutation" => new Mixup(0.4),
        "mixup-batch-flip" => new Mixup(0.4, partners: PartnerMode.Flip),
        "mixup-batch-roll" => new Mixup(0.4, partners: PartnerMode.Roll),
        "mixup-sample-permutation" => new Mixup(1.0, MixMode.Sample),
        "mixup-sample-flip" => new Mixup(1.0, MixMode.Sample, PartnerMode.Flip),
        "cutmix-batch" => new CutMix(),
        "cutmix-sample" => new CutMix(mode: MixMode.Sample),
        "cutmix-minmax" => new CutMix(mode: MixMode.Sample, minRatio: 0.3, maxRatio: 0.7),
        "switch-batch" => new MixupOrCutMix(),
        "switch-sample" => new MixupOrCutMix(mode: MixMode.Sample),
        "switch-sample-half" => new MixupOrCutMix(probability: 0.5, mode: MixMode.Sample, partners: PartnerMode.Flip),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertRowsSumToOne(ImageBatch batch)
    {
        for (int n = 0; n < batch.Count; n++)
        {
            float sum = 0;
            foreach (float t in batch.Targets.Slice(n * batch.ClassCount, batch.ClassCount))
            {
                sum += t;
            }

            Assert.Equal(1f, sum, 1e-5f);
        }
    }
}
