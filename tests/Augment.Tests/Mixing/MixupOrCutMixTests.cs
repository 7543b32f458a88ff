using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

/// <summary>The switch between Mixup and CutMix, with timm's semantics (an α of 0 turns its branch off).</summary>
public sealed class MixupOrCutMixTests
{
    public static TheoryData<string> Configurations() => ["batch", "sample", "sample-half"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void IsInPlaceAndExactAgainstTheScalarReference(string name) => MixReference.AssertExact(Create(name));

    [Fact]
    public void SampleMode_SampleDrawsDependOnNeitherOtherSamplesNorBatchSize() =>
        MixReference.AssertSampleDrawsIgnoreTheBatchSize(Create("sample-half"));

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
    public void ZeroMixupAlphaMeansCutMixOnly()
    {
        var mix = new MixupOrCutMix(mixupAlpha: 0, mode: MixMode.Sample);
        Assert.Equal(0, mix.MixupAlpha);
        Assert.Equal([0, 4_000, 0], Count(mix));
    }

    [Fact]
    public void ZeroCutMixAlphaMeansMixupOnly()
    {
        var mix = new MixupOrCutMix(cutMixAlpha: 0, mode: MixMode.Sample);
        Assert.False(mix.CutMixEnabled);
        Assert.Equal([0, 0, 4_000], Count(mix));
    }

    [Fact]
    public void ARatioRangeKeepsCutMixOnWithoutAlpha()
    {
        var mix = new MixupOrCutMix(mixupAlpha: 0, cutMixAlpha: 0, mode: MixMode.Sample, cutMixMinRatio: 0.2, cutMixMaxRatio: 0.8);
        Assert.True(mix.CutMixEnabled);
        Assert.Equal([0, 4_000, 0], Count(mix));
    }

    [Fact]
    public void BothBranchesOffIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MixupOrCutMix(mixupAlpha: 0, cutMixAlpha: 0));
        Assert.Contains("mixupAlpha > 0", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(mixupAlpha: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(cutMixAlpha: double.NaN));
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(probability: 1.5)).ParamName);
        Assert.Equal("switchProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(switchProbability: -0.1)).ParamName);
        Assert.Equal("mixupAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MixupOrCutMix(mixupAlpha: -1)).ParamName);
    }

    private static MixupOrCutMix Create(string name) => name switch
    {
        "batch" => new MixupOrCutMix(),
        "sample" => new MixupOrCutMix(mode: MixMode.Sample),
        "sample-half" => new MixupOrCutMix(probability: 0.5, mode: MixMode.Sample, partners: PartnerMode.Flip),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static int[] Count(MixupOrCutMix mix)
    {
        var parameters = new MixParams();
        var random = RandomSource.FromSeed(3);
        mix.Draw(4_000, new ImageSize(16, 16), ref random, parameters);
        int[] counts = new int[3];
        foreach (MixKind kind in parameters.Kinds)
        {
            counts[kind switch { MixKind.None => 0, MixKind.Paste => 1, _ => 2 }]++;
        }

        return counts;
    }
}
