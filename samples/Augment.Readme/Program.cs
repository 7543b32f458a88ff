using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;

int rank = 0, worldSize = 1;                                   // distributed: from your launcher (e.g. RANK, WORLD_SIZE)
var decoder = new SkiaImageDecoder();
var source = new ImageFolderSource("/data/imagenet/train", decoder);   // lists the extensions the decoder decodes

var train = new Compose(
    new RandomResizedCrop(224),
    new RandomHorizontalFlip(),
    new ColorJitter(brightness: 0.4, contrast: 0.4, saturation: 0.4),
    Normalize.ImageNet(),
    new RandomErasing(p: 0.25));

using var loader = new DataLoader(source, decoder, new DataLoaderOptions
{
    BatchSize = 256,
    Shuffle = true,
    Seed = 42,
    Rank = rank, WorldSize = worldSize,                        // every rank gets the same number of batches
    Transform = train,
    Collator = new Collator(classCount: source.ClassCount, labelSmoothing: 0.1),
    BatchTransforms = [BatchStage.Of(new MixupOrCutMix())],    // timm-style mixup / CutMix on soft targets
    BadFiles = BadFilePolicy.Skip,                             // bad files are replaced and reported, never fatal
    Progress = new ConsoleProgress(),                          // images/s, batches, skipped files, ETA
});

for (int epoch = 0; epoch < 90; epoch++)
{
    foreach (ImageBatch batch in loader.ReadEpoch(epoch))      // or: await foreach (... in loader.ReadEpochAsync(epoch))
    {
        using (batch)
        {
            // batch.AsTensorSpan(): (N, 3, 224, 224) float32; batch.TargetsAsTensorSpan(): (N, 1000) soft targets;
            // batch.Origins[i]: the file behind slot i
        }
    }

    Console.WriteLine($"epoch {epoch}: {loader.LastEpoch!.Images} images, {loader.LastEpoch.Skipped.Count} bad files skipped");
}

// One image through the pipeline, with its own random stream. Apply consumes its input: pass a clone to keep it.
using ImageTensor image = decoder.DecodeFile("/data/cat.jpg");          // 3xHxW float in [0, 1]
var random = RandomSource.ForSample(seed: 42, epoch: 0, index: 17);
using ImageTensor view = train.Apply(image.Clone(), ref random);
