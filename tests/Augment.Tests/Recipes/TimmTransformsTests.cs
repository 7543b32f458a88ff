using System.Globalization;
using Augment.Data;
using Augment.Imaging;
using Augment.Recipes;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Transforms.Policies;

namespace Augment.Tests.Recipes;

/// <summary>
/// The recipes against the pipelines timm builds. Each row's expectation is written by hand from timm's
/// timm/data/transforms_factory.py (huggingface/pytorch-image-models at 0893f5d), not produced by running either side:
/// the transforms, their order and their parameters, in timm/torchvision terms (ColorJitter(0.4) is the range
/// [0.6, 1.4]; RandomErasing's max_area 1/3 and max_aspect 1/0.3; the policies' fill is round(255 · mean)).
/// </summary>
public sealed class TimmTransformsTests
{
    private const string ImageNetNormalize = "Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))";
    private const string Fill = "fill=(124, 116, 104)";

    private static readonly Dictionary<string, (Func<Compose> Build, string[] Expected)> Cases = new()
    {
        ["train defaults"] = (() => TimmTransforms.CreateTrain(), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            "ColorJitter(brightness=(0.6, 1.4), contrast=(0.6, 1.4), saturation=(0.6, 1.4), hue=None)",
            ImageNetNormalize]),
        ["create_transform is_training"] = (() => TimmTransforms.Create(new ImageSize(224, 224), isTraining: true), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=bilinear)",
            "RandomHorizontalFlip(p=0.5)",
            "ColorJitter(brightness=(0.6, 1.4), contrast=(0.6, 1.4), saturation=(0.6, 1.4), hue=None)",
            ImageNetNormalize]),
        ["deit rand-m9-mstd0.5-inc1"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions
        {
            Interpolation = "bicubic", AutoAugment = "rand-m9-mstd0.5-inc1", ColorJitter = 0.3, ReProb = 0.25, ReMode = "pixel", ReCount = 1,
        }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=bicubic)",
            "RandomHorizontalFlip(p=0.5)",
            $"RandAugment(n=2, m=9, mstd=0.5, mmax=10, inc=1, p=0.5, {Fill})",
            ImageNetNormalize,
            "RandomErasing(p=0.25, area=(0.02, 0.333), aspect=(0.3, 3.333), mode=pixel, count=(1, 1))"]),
        ["augmix-m5-w4-d2"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions { AutoAugment = "augmix-m5-w4-d2" }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            $"AugMix(m=5, w=4, d=2, a=1, {Fill})",
            ImageNetNormalize]),
        ["trivialaugment no hflip"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions { AutoAugment = "trivialaugment", HFlip = 0 }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            $"TrivialAugmentWide({Fill})",
            ImageNetNormalize]),
        ["original AutoAugment with forced jitter"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions
        {
            AutoAugment = "original", ForceColorJitter = true, ColorJitter = 0.3,
        }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            $"AutoAugment(policy=ImageNet, {Fill})",
            "ColorJitter(brightness=(0.7, 1.3), contrast=(0.7, 1.3), saturation=(0.7, 1.3), hue=None)",
            ImageNetNormalize]),
        ["vflip only"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions { HFlip = 0, VFlip = 0.5 }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomVerticalFlip(p=0.5)",
            "ColorJitter(brightness=(0.6, 1.4), contrast=(0.6, 1.4), saturation=(0.6, 1.4), hue=None)",
            ImageNetNormalize]),
        ["SimCLR-like jitter and grayscale"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions
        {
            ColorJitterFactors = [0.4, 0.4, 0.4, 0.1], ColorJitterProb = 0.8, GrayscaleProb = 0.2,
        }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            "RandomApply(p=0.8, ColorJitter(brightness=(0.6, 1.4), contrast=(0.6, 1.4), saturation=(0.6, 1.4), hue=(-0.1, 0.1)))",
            "RandomGrayscale(p=0.2)",
            ImageNetNormalize]),
        ["non-square, no jitter, three rand boxes"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions
        {
            InputSize = new ImageSize(192, 256), Scale = (0.35, 1.0), Ratio = (0.5, 2.0), ColorJitter = null, ReProb = 0.5, ReMode = "rand", ReCount = 3,
        }), [
            "RandomResizedCrop(size=192x256, scale=(0.35, 1), ratio=(0.5, 2), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            ImageNetNormalize,
            "RandomErasing(p=0.5, area=(0.02, 0.333), aspect=(0.3, 3.333), mode=rand, count=(1, 3))"]),
        ["normalize off drops erasing"] = (() => TimmTransforms.CreateTrain(new TimmTrainOptions { Normalize = false, ReProb = 0.25 }), [
            "RandomResizedCrop(size=224x224, scale=(0.08, 1), ratio=(0.75, 1.333), interpolation=random)",
            "RandomHorizontalFlip(p=0.5)",
            "ColorJitter(brightness=(0.6, 1.4), contrast=(0.6, 1.4), saturation=(0.6, 1.4), hue=None)"]),
        ["eval defaults"] = (() => TimmTransforms.CreateEval(), [
            "Resize(shorter=256, interpolation=bilinear)",
            "CenterCrop(224x224)",
            ImageNetNormalize]),
        ["eval 288 crop_pct 0.95 bicubic"] = (() => TimmTransforms.CreateEval(new TimmEvalOptions
        {
            InputSize = new ImageSize(288, 288), CropPct = 0.95, Interpolation = "bicubic",
        }), [
            "Resize(shorter=303, interpolation=bicubic)",
            "CenterCrop(288x288)",
            ImageNetNormalize]),
        ["eval squash nearest, mean 0.5"] = (() => TimmTransforms.CreateEval(new TimmEvalOptions
        {
            CropMode = "squash", CropPct = 1.0, Interpolation = "nearest", Mean = [0.5f, 0.5f, 0.5f], Std = [0.5f, 0.5f, 0.5f],
        }), [
            "Resize(exact=224x224, interpolation=nearest)",
            "CenterCrop(224x224)",
            "Normalize(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))"]),
        ["create_transform eval 320"] = (() => TimmTransforms.Create(new ImageSize(320, 320), isTraining: false), [
            "Resize(shorter=365, interpolation=bilinear)",
            "CenterCrop(320x320)",
            ImageNetNormalize]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PipelineMatchesTimms(string name)
    {
        (Func<Compose> build, string[] expected) = Cases[name];
        Assert.Equal(expected, build().Transforms.Select(Describe));
    }

    [Fact]
    public void AFixedInterpolationCropStaysFusableAndRandomOnesAreNot()
    {
        Assert.NotNull(FusedPipeline.TryCreate(TimmTransforms.Create(new ImageSize(224, 224), isTraining: true)));
        Assert.NotNull(FusedPipeline.TryCreate(TimmTransforms.CreateEval()));
        Assert.Null(FusedPipeline.TryCreate(TimmTransforms.CreateTrain()));
    }

    [Theory]
    [InlineData("random", Interpolation.Bilinear)]
    [InlineData("bicubic", Interpolation.Bilinear)]
    [InlineData("bilinear", Interpolation.Bilinear)]
    [InlineData("nearest", Interpolation.Nearest)]
    public void PolicyWarpsUseTheClosestSupportedInterpolation(string interpolation, Interpolation expected)
    {
        var policy = (PolicyTransform)TimmTransforms.CreateTrain(new TimmTrainOptions { AutoAugment = "rand-m9", Interpolation = interpolation }).Transforms[2];
        Assert.Equal(expected, policy.Interpolation);
    }

    [Fact]
    public void UnsupportedOptionsAreRejectedWithTheAlternatives()
    {
        Assert.Contains("'v0'", Assert.Throws<ArgumentException>(() => TimmTransforms.CreateTrain(new TimmTrainOptions { AutoAugment = "v0" })).Message);
        Assert.Throws<ArgumentException>(() => TimmTransforms.CreateTrain(new TimmTrainOptions { Interpolation = "lanczos" }));
        Assert.Throws<ArgumentException>(() => TimmTransforms.CreateTrain(new TimmTrainOptions { ReProb = 0.5, ReMode = "zeros" }));
        Assert.Throws<ArgumentException>(() => TimmTransforms.CreateTrain(new TimmTrainOptions { ColorJitterFactors = [0.4, 0.4] }));
        Assert.Throws<ArgumentException>(() => TimmTransforms.CreateEval(new TimmEvalOptions { Interpolation = "random" }));
        Assert.Contains("squash", Assert.Throws<ArgumentException>(() => TimmTransforms.CreateEval(new TimmEvalOptions { InputSize = new ImageSize(224, 320) })).Message);
        Assert.Throws<ArgumentException>(() => TimmTransforms.CreateEval(new TimmEvalOptions { CropMode = "border" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimmTransforms.CreateEval(new TimmEvalOptions { CropPct = 1.5 }));
    }

    /// <summary>A transform in timm/torchvision terms.</summary>
    private static string Describe(ITransform transform) => transform switch
    {
        RandomResizedCropAndInterpolation r when r.Interpolations.SequenceEqual([Interpolation.Bilinear, Interpolation.Bicubic]) =>
            $"RandomResizedCrop(size={r.Crop.Size}, scale={Pair(r.Crop.Scale)}, ratio={Pair(r.Crop.Ratio)}, interpolation=random)",
        RandomResizedCrop r => $"RandomResizedCrop(size={r.Size}, scale={Pair(r.Scale)}, ratio={Pair(r.Ratio)}, interpolation={Name(r.Interpolation)})",
        RandomHorizontalFlip f => $"RandomHorizontalFlip(p={N(f.P)})",
        RandomVerticalFlip f => $"RandomVerticalFlip(p={N(f.P)})",
        ColorJitter j => $"ColorJitter(brightness={Pair(j.Brightness)}, contrast={Pair(j.Contrast)}, saturation={Pair(j.Saturation)}, hue={Pair(j.Hue)})",
        RandomApply a => $"RandomApply(p={N(a.P)}, {Describe(a.Transform)})",
        RandomGrayscale g => $"RandomGrayscale(p={N(g.P)})",
        RandAugment r => $"RandAugment(n={r.NumOps}, m={N(Level(r, r.Magnitude))}, mstd={N(Level(r, r.MagnitudeStd))}, mmax={N(Level(r, r.MagnitudeMax))}, inc={(r.Increasing ? 1 : 0)}, p={N(r.Probability)}, {FillText(r.Fill)})",
        AugMix m => $"AugMix(m={m.Severity}, w={m.Width}, d={m.ChainDepth}, a={N(m.Alpha)}, {FillText(m.Fill)})",
        TrivialAugmentWide t => $"TrivialAugmentWide({FillText(t.Fill)})",
        AutoAugment a => $"AutoAugment(policy={a.Policy}, {FillText(a.Fill)})",
        Normalize n => $"Normalize(mean=({Join(n.Mean)}), std=({Join(n.Std)}))",
        RandomErasing e => $"RandomErasing(p={N(e.P)}, area={Pair(e.Scale)}, aspect={Pair(e.Ratio)}, mode={Mode(e.Fill)}, count=({e.MinCount}, {e.MaxCount}))",
        Resize r => r.Size.IsExplicit
            ? $"Resize(exact={r.Size.Height}x{r.Size.Width}, interpolation={Name(r.Interpolation)})"
            : $"Resize(shorter={r.Size.ShorterSide}, interpolation={Name(r.Interpolation)})",
        CenterCrop c => $"CenterCrop({c.Height}x{c.Width})",
        _ => transform.GetType().Name,
    };

    private static double Level(RandAugment r, double bins) => bins * 10.0 / (r.NumMagnitudeBins - 1);

    private static string Mode(ErasingFill fill) => fill.Mode switch
    {
        ErasingFillMode.PerPixelNormal => "pixel",
        ErasingFillMode.PerChannelNormal => "rand",
        _ => "const",
    };

    private static string FillText(IReadOnlyList<float> fill) => $"fill=({string.Join(", ", fill.Select(f => MathF.Round(f * 255f)))})";

    private static string Name(Interpolation interpolation) => interpolation.ToString().ToLowerInvariant();

    private static string Pair(ValueRange? range) => range is { } r ? $"({N(r.Min)}, {N(r.Max)})" : "None";

    private static string Join(IReadOnlyList<float> values) => string.Join(", ", values.Select(v => N(v)));

    private static string N(double value) => Math.Round(value, 3).ToString(CultureInfo.InvariantCulture);
}
