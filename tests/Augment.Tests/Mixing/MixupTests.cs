using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

public sealed class MixupTests
{
    public static TheoryData<string> Configurations() =>
        ["batch-permutation", "batch-flip", "batch-roll", "sample-permutation", "sample-flip"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void IsInPlaceAndExactAgainstTheScalarReference(string name) => MixReference.AssertExact(Create(name));

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

    [Fact]
    public void SampleMode_SampleDrawsDependOnNeitherOtherSamplesNorBatchSize() =>
        MixReference.AssertSampleDrawsIgnoreTheBatchSize(Create("sample-permutation"));

    [Fact]
    public void BatchOfOne_IsUnchanged() => MixReference.AssertBatchOfOneIsUnchanged(new Mixup());

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
    public void InvalidOptions_Throw()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new Mixup(0)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new Mixup(mode: (MixMode)7)).ParamName);
    }

    private static Mixup Create(string name) => name switch
    {
        "batch-permutation" => new Mixup(0.4),
        "batch-flip" => new Mixup(0.4, partners: PartnerMode.Flip),
        "batch-roll" => new Mixup(0.4, partners: PartnerMode.Roll),
        "sample-permutation" => new Mixup(1.0, MixMode.Sample),
        "sample-flip" => new Mixup(1.0, MixMode.Sample, PartnerMode.Flip),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
