// Augment + TorchSharp: a small CNN trained on generated shapes through the Augment data loader (random resized
// crops, flips, colour jitter, mixup and label smoothing) and evaluated with ten-crop test-time augmentation.
// Run: dotnet run --project samples/Augment.Training -c Release [epochs] [--input PX] [--resizer bilinear|learnable]
// --input: the crop size the loader produces (default 32, the model's size); the generated images are 1.25 times that.
// --resizer: what brings the crops to the model's 32 px, trained jointly with it: a fixed bilinear resize or the
// learnable resizer (Talebi and Milanfar 2021). Without it the model reads the crops at their own size.
using System.Diagnostics;
using Augment.Batching;
using Augment.Data;
using Augment.Mixing;
using Augment.Samples;
using Augment.Skia;
using Augment.TorchSharp;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

int epochs = 12, crop = 32;
string? resizer = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--input": crop = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--resizer": resizer = args[++i]; break;
        default: epochs = int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture); break;
    }
}

const int ModelSize = 32;
int imageSize = crop * ShapesDataset.Size / ModelSize;
int classCount = ShapesDataset.Classes.Length;
float[] mean = [0.5f, 0.5f, 0.5f], std = [0.29f, 0.29f, 0.29f];

torch.manual_seed(0);
var clock = Stopwatch.StartNew();
InMemorySource train = ShapesDataset.Create(count: 2000, seed: 1, imageSize);
InMemorySource test = ShapesDataset.Create(count: 200, seed: 2, imageSize);
Console.WriteLine($"Generated {train.Count} training and {test.Count} test images of {imageSize}x{imageSize} " +
    $"({string.Join(", ", ShapesDataset.Classes)}) in {clock.ElapsedMilliseconds} ms");

var decoder = new SkiaImageDecoder();
using var loader = new DataLoader(train, decoder, new DataLoaderOptions
{
    BatchSize = 64,
    Shuffle = true,
    DropLast = true,
    Seed = 42,
    Transform = new Compose(
        new RandomResizedCrop(crop, scale: (0.5, 1.0)),
        new RandomHorizontalFlip(),
        new ColorJitter(brightness: 0.3, contrast: 0.3, saturation: 0.3)),
    Collator = new Collator(classCount, labelSmoothing: 0.1, mean: mean, std: std),
    BatchTransforms = [BatchStage.Of(new Mixup(alpha: 0.2))],
});
using var evaluation = new TenCropEvaluation(test, decoder, crop, new Collator(mean: mean, std: std));

Module<Tensor, Tensor> model = resizer is null ? SmallCnn.Create(classCount) : SmallCnn.Create(classCount).WithResizer(Resizers.Create(resizer, ModelSize));
Console.WriteLine($"{crop} px crops, {(resizer is null ? "no resizer" : $"{resizer} resizer to {ModelSize} px")}, " +
    $"{model.parameters().Sum(p => p.numel())} parameters");
var total = Stopwatch.StartNew();
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.002);
Console.WriteLine("epoch  train loss  train acc  test acc (centre crop)  test acc (ten-crop)  seconds");
for (int epoch = 0; epoch < epochs; epoch++)
{
    clock.Restart();
    model.train();
    double lossSum = 0;
    long hits = 0, seen = 0;
    foreach (ImageBatch batch in loader.ReadEpoch(epoch))
    {
        using var scope = torch.NewDisposeScope();
        using TorchBatch step = batch.ToTorch();
        optimizer.zero_grad();
        Tensor logits = model.forward(step.Images);

        // Cross-entropy against the soft targets, which carry the label smoothing and the mixup weights.
        Tensor loss = -(step.Targets! * nn.functional.log_softmax(logits, 1)).sum(1).mean();
        loss.backward();
        optimizer.step();

        lossSum += loss.item<float>() * batch.Count;
        // With mixup a sample's own label may hold the smaller share: score against the dominant class of its target.
        hits += logits.argmax(1).eq(step.Targets!.argmax(1)).sum().item<long>();
        seen += batch.Count;
    }

    (double centre, double tenCrop) = evaluation.Run(model, classCount);
    Console.WriteLine($"{epoch,5}  {lossSum / seen,10:F4}  {(double)hits / seen,9:P1}  {centre,22:P1}  {tenCrop,19:P1}  {clock.Elapsed.TotalSeconds,7:F1}");
}

Console.WriteLine($"{epochs} epochs in {total.Elapsed.TotalSeconds:F1} s");
