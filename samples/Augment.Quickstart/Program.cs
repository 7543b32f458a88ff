// Augment quickstart: the training and evaluation pipelines of an ImageNet-style CNN, run through the data loader
// on the bundled photos (or on an ImageFolder tree given as the first argument), with a preview PNG of the views.
//
//   dotnet run --project samples/Augment.Quickstart -- [FOLDER [PREVIEW.png]] [--decoder skia|turbo|imagesharp]
using System.Diagnostics;
using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.ImageSharp;
using Augment.Samples;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.TurboJpeg;

// --decoder picks the codec: turbo (the system's SIMD libjpeg-turbo, the default when installed: apt-get install
// libturbojpeg0), skia (SkiaSharp, bundled native code) or imagesharp (fully managed, no native code, no DCT scaling).
string decoderName = TurboJpegDecoder.IsAvailable ? "turbo" : "skia";
List<string> positional = [];
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--decoder" && i + 1 < args.Length)
    {
        decoderName = args[++i];
    }
    else
    {
        positional.Add(args[i]);
    }
}

IImageDecoder decoder = decoderName switch
{
    "turbo" => new TurboJpegDecoder(fallback: new SkiaImageDecoder()),
    "skia" => new SkiaImageDecoder(),
    "imagesharp" => new ImageSharpDecoder(),
    _ => throw new ArgumentException($"--decoder must be skia, turbo or imagesharp, got '{decoderName}'."),
};

string preview = positional.Count > 1 ? positional[1] : "preview.png";
IImageSource source = positional.Count > 0 ? new ImageFolderSource(positional[0], decoder) : BundledPhotos.Load();
Console.WriteLine($"Source: {source.Count} images ({(positional.Count > 0 ? positional[0] : "bundled photos")})");

// torchvision: RandomResizedCrop(224), RandomHorizontalFlip(), ColorJitter(0.4, 0.4, 0.4), ToTensor(), Normalize(), RandomErasing(0.25)
var train = new Compose(
    new RandomResizedCrop(224),
    new RandomHorizontalFlip(),
    new ColorJitter(brightness: 0.4, contrast: 0.4, saturation: 0.4),
    Normalize.ImageNet(),
    new RandomErasing(p: 0.25));

// torchvision: Resize(256), CenterCrop(224), ToTensor(), Normalize()
var eval = new Compose(new Resize(256), new CenterCrop(224), Normalize.ImageNet());

Console.WriteLine($"Decoder: {decoder.GetType().Name}");
foreach (var (name, pipeline, shuffle) in new[] { ("train", (ITransform)train, true), ("eval", eval, false) })
{
    var options = new DataLoaderOptions
    {
        BatchSize = Math.Min(16, source.Count),
        Shuffle = shuffle,
        Seed = 42,
        Transform = pipeline,
        Collator = new Collator(classCount: source.ClassCount, labelSmoothing: shuffle ? 0.1 : 0.0),
    };
    using var loader = new DataLoader(source, decoder, options);

    foreach (ImageBatch batch in loader.ReadEpoch(0))
    {
        using (batch)
        {
            Console.WriteLine($"[{name}] epoch 0, {batch}");
            BatchStatistics.Print(batch);
        }
    }

    // Throughput over one epoch of at least 1024 images (the bundled set listed over and over), after epoch 0
    // warmed up the JIT, the pools and the kernel maps.
    using var timed = new DataLoader(new RepeatedSource(source, Math.Max(1, 1024 / source.Count)), decoder, options);
    var clock = Stopwatch.StartNew();
    long images = 0;
    foreach (ImageBatch batch in timed.ReadEpoch(1))
    {
        images += batch.Count;
        batch.Dispose();
    }

    clock.Stop();
    Console.WriteLine($"[{name}] {images} images in {clock.Elapsed.TotalMilliseconds:F0} ms: " +
        $"{images / clock.Elapsed.TotalSeconds:F0} images/s on {options.Workers} workers (fused path: {loader.IsFused})");
}

PreviewSheet.Write(source, decoder, train, preview, viewsPerImage: 6);
Console.WriteLine($"Wrote {Path.GetFullPath(preview)}: each row is one photo's original and six training views.");
