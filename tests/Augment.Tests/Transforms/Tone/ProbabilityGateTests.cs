using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Tone;

namespace Augment.Tests.Transforms.Tone;

/// <summary>torchvision's <c>Random&lt;Op&gt;(p)</c> tone transforms: the Bernoulli gate, the operation it runs, replay.</summary>
public sealed class ProbabilityGateTests
{
    public static TheoryData<string> Names => ["invert", "posterize", "solarize", "sharpness", "autocontrast", "equalize"];

    private static (ProbabilityGate Gate, ITransform Operation) Make(string name, double p) => name switch
    {
        "invert" => (new RandomInvert(p), new Invert()),
        "posterize" => (new RandomPosterize(3, p), new Posterize(3)),
        "solarize" => (new RandomSolarize(0.6f, p), new Solarize(0.6f)),
        "sharpness" => (new RandomAdjustSharpness(2f, p), new AdjustSharpness(2f)),
        "autocontrast" => (new RandomAutocontrast(p), new AutoContrast()),
        "equalize" => (new RandomEqualize(p), new Equalize()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void TheGateFiresWithProbabilityP(string name)
    {
        const int n = 4000;
        const double p = 0.3;
        ProbabilityGate gate = Make(name, p).Gate;
        int fired = 0;
        for (int i = 0; i < n; i++)
        {
            var random = RandomSource.ForSample(11, 0, i);
            fired += gate.Draw(3, new ImageSize(8, 8), ref random).Applied ? 1 : 0;
        }

        // Binomial(4000, 0.3): sd 29; 4.5 sd either side.
        Assert.InRange(fired, (n * p) - 130, (n * p) + 130);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void AppliedRunsTheOperationAndSkippedPassesThrough(string name)
    {
        (ProbabilityGate gate, ITransform operation) = Make(name, 0.5);
        using ImageTensor source = TestImages.Random(3, 12, 10, seed: 4);
        RandomSource unused = default;
        using ImageTensor expected = operation.Apply(source.Clone(), ref unused);
        using ImageTensor applied = gate.Apply(source.Clone(), new GateParams(true));
        Assert.True(applied.Data.SequenceEqual(expected.Data));
        using ImageTensor skipped = gate.Apply(source.Clone(), new GateParams(false));
        Assert.True(skipped.Data.SequenceEqual(source.Data));
    }

    [Fact]
    public void RandomInvertAppliedIsOneMinusX()
    {
        using ImageTensor source = TestImages.Random(3, 5, 7, seed: 2);
        using ImageTensor inverted = new RandomInvert(p: 1.0).Apply(source.Clone(), new GateParams(true));
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal(1f - source.Data[i], inverted.Data[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DefaultsAreTorchvisionsAndDrawsReplayFromTheLog(string name)
    {
        ProbabilityGate gate = name switch
        {
            "invert" => new RandomInvert(),
            "posterize" => new RandomPosterize(2),
            "solarize" => new RandomSolarize(0.5f),
            "sharpness" => new RandomAdjustSharpness(0f),
            "autocontrast" => new RandomAutocontrast(),
            _ => new RandomEqualize(),
        };
        Assert.Equal(0.5, gate.P);
        using ImageTensor source = TestImages.Random(3, 9, 9, seed: 6);
        for (int i = 0; i < 8; i++)
        {
            var log = new ParameterLog();
            var random = RandomSource.ForSample(3, 1, i);
            using ImageTensor first = gate.Apply(source.Clone(), ref random, log);
            using ImageTensor replayed = gate.Apply(source.Clone(), log.Get<GateParams>());
            Assert.True(first.Data.SequenceEqual(replayed.Data));
        }
    }

    [Fact]
    public void InvalidArgumentsThrowNamingTheParameter()
    {
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomInvert(1.5)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomEqualize(double.NaN)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomPosterize(9)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSolarize(float.NaN)).ParamName);
        Assert.Equal("sharpnessFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomAdjustSharpness(-1f)).ParamName);
    }
}
