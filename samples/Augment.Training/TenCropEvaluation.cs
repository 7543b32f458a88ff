using System.Numerics.Tensors;
using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Transforms.Geometry;
using Augment.Tta;
using Augment.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace Augment.Samples;

/// <summary>
/// Test-set accuracy with ten-crop test-time augmentation: the views of a few images go through the model as one
/// batch and their softmax outputs are averaged per image. The centre view alone (view 4) gives the single-crop
/// accuracy from the same forward pass.
/// </summary>
internal sealed class TenCropEvaluation : IDisposable
{
    private const int ImagesPerBatch = 25;
    private const int CentreView = 4;

    private readonly ImageTensor[] _images;
    private readonly int[] _labels;
    private readonly TestTimeCollator _views;

    public TenCropEvaluation(IImageSource source, IImageDecoder decoder, int crop, Collator collator)
    {
        _images = new ImageTensor[source.Count];
        _labels = new int[source.Count];
        byte[]? buffer = null;
        for (int i = 0; i < source.Count; i++)
        {
            _images[i] = decoder.Decode(source.Read(i, ref buffer).Span, source.GetName(i));
            _labels[i] = source.GetLabel(i);
        }

        _views = new TestTimeCollator(TestTimeViews.TenCrop(crop, crop), collator);
    }

    public (double CentreCrop, double TenCrop) Run(Module<Tensor, Tensor> model, int classCount)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        int centreHits = 0, tenCropHits = 0;
        var averaged = new float[ImagesPerBatch * classCount];
        for (int start = 0; start < _images.Length; start += ImagesPerBatch)
        {
            int count = Math.Min(ImagesPerBatch, _images.Length - start);
            using var scope = torch.NewDisposeScope();
            using TorchBatch views = _views.Collate(_images.AsSpan(start, count), _labels.AsSpan(start, count)).ToTorch();
            float[] logits = model.forward(views.Images).data<float>().ToArray();
            ViewAveraging.Average(logits, TenCrop.Count, classCount, averaged, ViewAverage.Probabilities);
            for (int i = 0; i < count; i++)
            {
                int label = _labels[start + i];
                tenCropHits += TensorPrimitives.IndexOfMax(averaged.AsSpan(i * classCount, classCount)) == label ? 1 : 0;
                int centre = ((i * TenCrop.Count) + CentreView) * classCount;
                centreHits += TensorPrimitives.IndexOfMax(logits.AsSpan(centre, classCount)) == label ? 1 : 0;
            }
        }

        return ((double)centreHits / _images.Length, (double)tenCropHits / _images.Length);
    }

    public void Dispose()
    {
        foreach (ImageTensor image in _images)
        {
            image.Dispose();
        }
    }
}
