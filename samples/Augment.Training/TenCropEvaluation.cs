using System.Numerics.Tensors;
using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.TorchSharp;
using Augment.Tta;
using Augment.Views;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace Augment.Samples;

/// <summary>
/// Test-set accuracy with ten-crop test-time augmentation through the data loader: a test-time view group turns
/// every image into its ten crops, written straight into (N · 10, C, H, W) batches; the model sees them as one batch
/// and <see cref="ViewAveraging"/> averages each image's softmax outputs. The centre view alone (view 4) gives the
/// single-crop accuracy from the same forward pass.
/// </summary>
internal sealed class TenCropEvaluation(IImageSource source, IImageDecoder decoder, int crop, Collator collator) : IDisposable
{
    private const int ImagesPerBatch = 25;
    private const int Views = 10;
    private const int CentreView = 4;

    private readonly DataLoader _loader = new(source, decoder, new DataLoaderOptions
    {
        BatchSize = ImagesPerBatch,
        Views = [ViewGroup.TestTime("tencrop", TestTimeViews.TenCrop(crop, crop))],
        Collator = collator,
    });

    public (double CentreCrop, double TenCrop) Run(Module<Tensor, Tensor> model, int classCount)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        int centreHits = 0, tenCropHits = 0, images = 0;
        var averaged = new float[ImagesPerBatch * classCount];
        foreach (ImageBatch views in _loader.ReadEpoch(0))
        {
            using var scope = torch.NewDisposeScope();
            using TorchBatch batch = views.ToTorch();
            float[] logits = model.forward(batch.Images).data<float>().ToArray();
            int count = views.Count / Views;
            ViewAveraging.Average(logits, Views, classCount, averaged, ViewAverage.Probabilities);
            for (int i = 0; i < count; i++)
            {
                int label = views.Labels[i * Views];
                tenCropHits += TensorPrimitives.IndexOfMax(averaged.AsSpan(i * classCount, classCount)) == label ? 1 : 0;
                int centre = ((i * Views) + CentreView) * classCount;
                centreHits += TensorPrimitives.IndexOfMax(logits.AsSpan(centre, classCount)) == label ? 1 : 0;
            }

            images += count;
        }

        return ((double)centreHits / images, (double)tenCropHits / images);
    }

    public void Dispose() => _loader.Dispose();
}
