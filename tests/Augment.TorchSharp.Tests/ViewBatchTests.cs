using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms.Geometry;
using Augment.Views;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp.Tests;

public sealed class ViewBatchTests
{
    [Theory]
    [InlineData(ViewLayout.SampleMajor)]
    [InlineData(ViewLayout.ViewMajor)]
    public void EveryGroup_IsAViewOfItsBatch_InTheLayoutsRowOrder(ViewLayout layout)
    {
        using DataLoader loader = Loader(layout);
        int batches = 0;
        foreach (ViewBatch views in loader.ReadViews(0, TestContext.Current.CancellationToken))
        {
            using TorchViewBatch step = views.ToTorch();
            Assert.Equal(views.SampleCount, step.SampleCount);
            Assert.Equal(layout, step.Layout);
            Assert.Equal(2, step.Groups.Count);
            for (int g = 0; g < 2; g++)
            {
                ImageBatch batch = views.Groups[g];
                TorchBatch group = step[views.Views[g].Name];
                Assert.Same(group, step.Groups[g]);
                Assert.Same(batch, group.Batch);
                int n = views.SampleCount, v = views.Views[g].Count;
                Assert.Equal([(long)n * v, 3, batch.Height, batch.Width], group.Images.shape);
                Assert.Equal(batch.Data.ToArray(), group.Images.data<float>().ToArray());
                Assert.Equal(batch.Targets.ToArray(), group.Targets!.data<float>().ToArray());
                Assert.Equal(batch.Labels.ToArray().Select(label => (long)label), group.Labels.data<long>().ToArray());

                // The documented 5-D view: N×V for sample-major rows, V×N for view-major ones.
                using Tensor split = layout == ViewLayout.SampleMajor
                    ? group.Images.view(n, v, 3, batch.Height, batch.Width)
                    : group.Images.view(v, n, 3, batch.Height, batch.Width).transpose(0, 1);
                for (int sample = 0; sample < n; sample++)
                {
                    for (int view = 0; view < v; view++)
                    {
                        Assert.Equal(batch.Slot(views.Row(g, sample, view)).ToArray(), split[sample, view].contiguous().data<float>().ToArray());
                    }
                }
            }

            batches++;
        }

        Assert.Equal(3, batches);
    }

    [Fact]
    public void DisposingTheTensors_DisposesEveryGroup_UnlessTheBatchIsKept()
    {
        using DataLoader loader = Loader(ViewLayout.SampleMajor);
        using IEnumerator<ViewBatch> reader = loader.ReadViews(0, TestContext.Current.CancellationToken).GetEnumerator();
        Assert.True(reader.MoveNext());
        using (ViewBatch kept = reader.Current)
        {
            kept.ToTorch(disposeBatch: false).Dispose();
            Assert.All(kept.Groups, batch => Assert.False(batch.IsDisposed));
        }

        Assert.True(reader.MoveNext());
        ViewBatch handed = reader.Current;
        handed.ToTorch().Dispose();
        Assert.All(handed.Groups, batch => Assert.True(batch.IsDisposed));
    }

    // Six generated images; every sample yields two 12 px crops ("global") and three 6 px crops ("local").
    private static DataLoader Loader(ViewLayout layout)
    {
        var encoder = new SkiaImageEncoder();
        var samples = new List<InMemorySample>();
        for (int i = 0; i < 6; i++)
        {
            using ImageTensor image = ImageTensor.Create(3, 20, 16 + i);
            var random = RandomSource.ForSample(30, 0, i);
            foreach (ref float value in image.Data)
            {
                value = random.NextSingle();
            }

            samples.Add(InMemorySample.FromBytes(encoder.Encode(image), i % 4, $"img{i}"));
        }

        return new DataLoader(new InMemorySource(samples), new SkiaImageDecoder(), new DataLoaderOptions
        {
            BatchSize = 2,
            Seed = 31,
            Views = [ViewGroup.Repeat("global", new RandomResizedCrop(12), 2), ViewGroup.Repeat("local", new RandomResizedCrop(6), 3)],
            ViewLayout = layout,
            Collator = new Collator(classCount: 4, labelSmoothing: 0.1),
        });
    }
}
