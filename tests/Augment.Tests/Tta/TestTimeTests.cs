using System.Numerics.Tensors;
using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Tests.Batching;
using Augment.Transforms.Geometry;
using Augment.Tta;

namespace Augment.Tests.Tta;

public sealed class TestTimeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CropViews_AreCollatedImageByImageInTorchvisionOrder(bool ten)
    {
        using ImageTensor a = BatchTestData.Image(3, 12, 15, 1), b = BatchTestData.Image(3, 10, 9, 2);
        TestTimeViews views = ten ? TestTimeViews.TenCrop(8, 7) : TestTimeViews.FiveCrop(8, 7);
        var collator = new TestTimeCollator(views, new Collator(classCount: 4));
        using ImageBatch batch = collator.Collate([a, b], [3, 1]);
        Assert.Equal(ten ? 20 : 10, batch.Count);
        Assert.Equal(new ImageSize(8, 7), batch.Size);
        ImageTensor[] images = [a, b];
        for (int n = 0; n < 2; n++)
        {
            ImageTensor[] expected = ten ? new TenCrop(8, 7).Apply(images[n]) : new FiveCrop(8, 7).Apply(images[n]);
            for (int v = 0; v < views.Count; v++)
            {
                Assert.Equal(expected[v].Data.ToArray(), batch.Slot((n * views.Count) + v).ToArray());
                Assert.Equal(n == 0 ? 3 : 1, batch.Labels[(n * views.Count) + v]);
                expected[v].Dispose();
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MultiScaleViews_AreResizedCentreCrops(bool mirror)
    {
        using ImageTensor image = BatchTestData.Image(3, 30, 40, 5);
        var views = new MultiScaleViews([16, 20, 24], 16, 14, mirror);
        Assert.Equal(mirror ? 6 : 3, views.Count);
        float[] mean = [0.4f, 0.5f, 0.6f], std = [0.2f, 0.25f, 0.3f];
        using ImageBatch batch = new TestTimeCollator(views, new Collator(mean: mean, std: std)).Collate([image]);
        var random = RandomSource.FromSeed(0);
        int v = 0;
        foreach (int scale in views.Scales)
        {
            using ImageTensor resized = new Resize(scale).Apply(image.Clone());
            using ImageTensor crop = new CenterCrop(16, 14).Apply(resized.Clone(), ref random);
            AssertNormalizedEqual(crop, batch, v++, mean, std);
            if (mirror)
            {
                using ImageTensor mirrored = new CenterCrop(16, 14).Apply(new HorizontalFlip().Apply(resized.Clone(), ref random), ref random);
                AssertNormalizedEqual(mirrored, batch, v++, mean, std);
            }
        }
    }

    [Fact]
    public void DefaultMultiScale_IsFourScalesOf224()
    {
        var views = new MultiScaleViews();
        Assert.Equal([224, 256, 288, 320], views.Scales.ToArray());
        Assert.Equal(new ImageSize(224, 224), views.ViewSize);
    }

    [Fact]
    public void AverageOfLogits_IsTheMeanRow()
    {
        float[] outputs = [1, 2, 3, 3, 2, 1, /* image 1 */ 0, 0, 6, 2, 2, 0];
        var result = new float[6];
        ViewAveraging.Average(outputs, 2, 3, result, ViewAverage.Logits);
        Assert.Equal([2f, 2, 2, 1, 1, 3], result);
    }

    [Fact]
    public void AverageOfProbabilities_IsTheMeanSoftmaxAndSumsToOne()
    {
        var random = RandomSource.FromSeed(4);
        const int images = 3, viewCount = 5, classes = 7;
        float[] outputs = [.. Enumerable.Range(0, images * viewCount * classes).Select(_ => (float)random.NextNormal(0, 3))];
        var result = new float[images * classes];
        ViewAveraging.Average(outputs, viewCount, classes, result);
        for (int n = 0; n < images; n++)
        {
            for (int k = 0; k < classes; k++)
            {
                double expected = 0;
                for (int v = 0; v < viewCount; v++)
                {
                    int row = ((n * viewCount) + v) * classes;
                    double sum = 0;
                    for (int j = 0; j < classes; j++)
                    {
                        sum += Math.Exp(outputs[row + j]);
                    }

                    expected += Math.Exp(outputs[row + k]) / sum / viewCount;
                }

                Assert.Equal(expected, result[(n * classes) + k], 1e-5);
            }

            Assert.Equal(1f, result.AsSpan(n * classes, classes).ToArray().Sum(), 1e-5f);
        }

        Tensor<float> tensor = ViewAveraging.Average(Tensor.Create(outputs, [images * viewCount, classes]).AsReadOnlyTensorSpan(), viewCount);
        Assert.Equal([images, classes], tensor.Lengths.ToArray());
        Assert.Equal(result, tensor.ToArray());
    }

    [Fact]
    public void InvalidInputs_Throw()
    {
        Assert.Throws<ArgumentException>(() => ViewAveraging.Average(new float[7], 2, 3, new float[3]));
        Assert.Throws<ArgumentException>(() => ViewAveraging.Average(new float[12], 2, 3, new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewAveraging.Average(new float[6], 0, 3, new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewAveraging.Average(new float[6], 2, 3, new float[3], (ViewAverage)9));
        Assert.Throws<ArgumentException>(() => new MultiScaleViews([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiScaleViews([224, 0]));

        var pool = new BatchPool();
        var collator = new TestTimeCollator(TestTimeViews.FiveCrop(8, 8), new Collator(pool: pool));
        using ImageTensor small = ImageTensor.Create(3, 6, 6), gray = ImageTensor.Create(1, 9, 9), fine = ImageTensor.Create(3, 9, 9);
        Assert.Throws<ArgumentException>(() => collator.Collate([]));
        Assert.Throws<ArgumentException>(() => collator.Collate([fine, small]));
        Assert.Contains("Sample 1 has shape 1x9x9", Assert.Throws<ArgumentException>(() => collator.Collate([fine, gray])).Message);
        Assert.Equal(0, pool.Outstanding);
    }

    private static void AssertNormalizedEqual(ImageTensor expected, ImageBatch batch, int index, float[] mean, float[] std)
    {
        for (int c = 0; c < 3; c++)
        {
            Span<float> plane = batch.Plane(index, c);
            Span<float> source = expected.Plane(c);
            for (int i = 0; i < plane.Length; i++)
            {
                Assert.Equal((source[i] - mean[c]) / std[c], plane[i], 1e-5f);
            }
        }
    }
}
