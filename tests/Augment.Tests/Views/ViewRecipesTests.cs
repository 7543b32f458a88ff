using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Tests.Data;
using Augment.Transforms;
using Augment.Transforms.Blur;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Policies;
using Augment.Transforms.Tone;
using Augment.Views;

namespace Augment.Tests.Views;

/// <summary>The view recipes carry their papers' published parameters (written out from SimCLR's appendix A and DINO's main_dino.py).</summary>
public sealed class ViewRecipesTests
{
    private static IReadOnlyList<ITransform> Steps(ITransform pipeline) => Assert.IsAssignableFrom<ICompositeTransform>(pipeline).Children;

    [Fact]
    public void SimClrIsTheAppendixAugmentation()
    {
        IReadOnlyList<ITransform> steps = Steps(ViewRecipes.SimClrTransform());
        Assert.Equal(6, steps.Count);
        var crop = Assert.IsType<RandomResizedCrop>(steps[0]);
        Assert.Equal((new ImageSize(224, 224), new ValueRange(0.08, 1.0)), (crop.Size, crop.Scale));
        Assert.IsType<RandomHorizontalFlip>(steps[1]);
        var jitter = Assert.IsType<RandomApply>(steps[2]);
        Assert.Equal(0.8, jitter.P);
        var color = Assert.IsType<ColorJitter>(jitter.Transform);
        foreach (ValueRange? factor in new[] { color.Brightness, color.Contrast, color.Saturation })
        {
            Assert.Equal(0.2, factor!.Value.Min, 12);
            Assert.Equal(1.8, factor.Value.Max, 12);
        }

        Assert.Equal(new ValueRange(-0.2, 0.2), color.Hue);
        Assert.Equal(0.2, Assert.IsType<RandomGrayscale>(steps[3]).P);
        var blur = Assert.IsType<RandomApply>(steps[4]);
        Assert.Equal(0.5, blur.P);
        var gaussian = Assert.IsType<GaussianBlur>(blur.Transform);
        Assert.Equal(((23, 23), new ValueRange(0.1, 2.0)), (gaussian.KernelSize, gaussian.Sigma));
        Assert.Equal(Normalize.ImageNetMean.ToArray(), Assert.IsType<Normalize>(steps[5]).Mean);
        Assert.Equal(2, ViewRecipes.SimClr().Count);
    }

    [Fact]
    public void DinoHasTwoGlobalAndEightLocalViews()
    {
        IReadOnlyList<ViewGroup> groups = ViewRecipes.Dino();
        Assert.Equal(["global", "local"], groups.Select(g => g.Name));
        Assert.Equal([2, 8], groups.Select(g => g.Count));
        Assert.Equal([ViewRecipes.Dino(localCount: 0).Single().Name], ["global"]);
    }

    [Fact]
    public void DinoViewsComeOutAtTheirSizesThroughTheLoader()
    {
        var source = new InMemorySource(Enumerable.Range(0, 3).Select(i => InMemorySample.FromBytes(DataFixtures.Image(i, 60, 50), i, $"s{i}")));
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 3, Workers = 2, Views = ViewRecipes.Dino(32, 16, 4) });
        using ViewBatch batch = Assert.Single(loader.ReadViews(0, TestContext.Current.CancellationToken));
        Assert.Equal((6, 32, 32), (batch["global"].Count, batch["global"].Height, batch["global"].Width));
        Assert.Equal((12, 16, 16), (batch["local"].Count, batch["local"].Height, batch["local"].Width));
    }

    [Fact]
    public void AugMixJsdViewsShareOneCropAndStartWithTheCleanView()
    {
        var source = new InMemorySource([InMemorySample.FromBytes(DataFixtures.Image(4, 40, 36), 0, "s")]);
        var crop = new RandomResizedCrop(16);
        var preprocess = Normalize.ImageNet();
        ViewGroup jsd = ViewRecipes.AugMixJsd(new AugMix(), crop, preprocess);
        Assert.Equal(3, jsd.Count);
        using var loader = new DataLoader(source, new SkiaImageDecoder(), new DataLoaderOptions { BatchSize = 1, Workers = 1, Seed = 5, Views = [jsd] });
        using ViewBatch batch = Assert.Single(loader.ReadViews(2, TestContext.Current.CancellationToken));

        // By hand: the crop from the group's stream Fork(3), then the clean view (preprocess alone).
        RandomSource group = RandomSource.ForSample(5, 2, 0).Fork(0);
        RandomSource shared = group.Fork(3), clean = group.Fork(0);
        using ImageTensor decoded = new SkiaImageDecoder().Decode(source.Samples[0].Bytes.Span);
        using ImageTensor cropped = crop.Apply(decoded.Clone(), ref shared);
        using ImageTensor expected = preprocess.Apply(cropped.Clone(), ref clean);
        Assert.True(expected.Data.SequenceEqual(batch.Groups[0].Slot(0)));
        Assert.False(batch.Groups[0].Slot(1).SequenceEqual(batch.Groups[0].Slot(2)), "the two AugMix views are the same");
    }

    [Fact]
    public void TestTimeRecipesCutTheirViews()
    {
        Assert.Equal(10, ViewRecipes.TenCrop().Count);
        Assert.Equal(5, ViewRecipes.FiveCrop().Count);
        Assert.Equal(8, ViewRecipes.MultiScale(mirror: true).Count);
    }
}
