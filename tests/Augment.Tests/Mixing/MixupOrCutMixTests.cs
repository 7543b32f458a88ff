using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;

namespace Augment.Tests.Mixing;

/// <summary>timm's switch semantics: an α of 0 turns its branch off.</summary>
public sealed class MixupOrCutMixTests
{
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
}
