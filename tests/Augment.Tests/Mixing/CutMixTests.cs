using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;

namespace Augment.Tests.Mixing;

public sealed class CutMixTests
{
    public static TheoryData<string> Configurations() => ["batch", "sample", "minmax"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void IsInPlaceAndExactAgainstTheScalarReference(string name) => MixReference.AssertExact(Create(name));

    [Fact]
    public void SampleMode_SampleDrawsDependOnNeitherOtherSamplesNorBatchSize() =>
        MixReference.AssertSampleDrawsIgnoreTheBatchSize(Create("sample"));

    [Fact]
    public void CorrectsLambdaToTheBoxArea()
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
    public void MinMaxRatio_BoundsTheBoxSides()
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
    public void BatchOfOne_IsUnchanged() => MixReference.AssertBatchOfOneIsUnchanged(new CutMix());

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(double.NaN)).ParamName);
        Assert.Equal("partners", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(partners: (PartnerMode)7)).ParamName);
        Assert.Equal("minRatio", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(minRatio: 0.8, maxRatio: 0.2)).ParamName);
        Assert.Equal("maxRatio", Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(minRatio: 0.2, maxRatio: 1.2)).ParamName);
    }

    private static CutMix Create(string name) => name switch
    {
        "batch" => new CutMix(),
        "sample" => new CutMix(mode: MixMode.Sample),
        "minmax" => new CutMix(mode: MixMode.Sample, minRatio: 0.3, maxRatio: 0.7),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
