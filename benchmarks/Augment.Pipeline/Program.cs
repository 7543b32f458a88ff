// End-to-end throughput of the data pipeline over the make_images.py JPEGs, bytes in memory.
//
//   dotnet run -c Release --project benchmarks/Augment.Pipeline -- [IMAGES] [--workers N] [--seconds S]
//       [--only REGEX] [--no-dct] [--no-fuse] [--batch B] [--repeat K] [--decoder skia|turbo|imagesharp]
//
// --decoder picks the JPEG decoder: turbo (the system's SIMD libjpeg-turbo through Augment.TurboJpeg, with Skia for
// other formats; the default when libturbojpeg.so.0 is installed), skia (SkiaSharp's bundled, non-SIMD libjpeg-turbo)
// or imagesharp (SixLabors.ImageSharp 2.1, fully managed; it has no DCT scaling, so it always decodes at full size).
//
// IMAGES defaults to /tmp/augbench/images (python3 ../shared/bench/make_images.py). Each recipe runs first on
// one worker, then on N (default: all cores), and prints images/s (median, min and max over passes of the set),
// images per second of process CPU time (comparable with peers.py's ms/img × cpu/wall on a busy machine) and managed
// bytes allocated per image. The loader keeps its threads (and their thread-local pool caches) from one epoch to the
// next; the direct decode rows start fresh threads each pass, so there B/img includes their per-pass warm-up.
//
// Each row warms up for 3 s first. The runtime promotes counted methods to optimized code only after 100 ms without
// new tier-0 compilations, which in this process can take longer than the warm-up; the recorded sittings set
// DOTNET_TC_CallCountingDelayMs=0 (the header line says so), which removes the wait, not the optimized code's PGO.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Augment.Batching;
using Augment.Data;
using Augment.Imaging;
using Augment.ImageSharp;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Tta;
using Augment.TurboJpeg;
using Augment.Views;

string folder = "/tmp/augbench/images";
int workers = Environment.ProcessorCount;
double seconds = 3;
int batchSize = 32;
int repeat = 1;
bool dct = true, fuse = true;
Regex? only = null;
string decoderName = TurboJpegDecoder.IsAvailable ? "turbo" : "skia";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--workers": workers = int.Parse(args[++i]); break;
        case "--seconds": seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--only": only = new Regex(args[++i]); break;
        case "--batch": batchSize = int.Parse(args[++i]); break;
        case "--repeat": repeat = int.Parse(args[++i]); break;
        case "--no-dct": dct = false; break;
        case "--no-fuse": fuse = false; break;
        case "--decoder": decoderName = args[++i]; break;
        default: folder = args[i]; break;
    }
}

var files = new ImageFolderSource(folder, [".jpeg", ".jpg"]);
var bytes = new byte[files.Count][];
for (int i = 0; i < files.Count; i++)
{
    bytes[i] = File.ReadAllBytes(files.Paths[i]);
}

// --repeat K lists the set K times per epoch (longer epochs: fewer epoch boundaries, where the prefetch drains).
var source = new InMemorySource(Enumerable.Range(0, repeat).SelectMany(_ => bytes.Select((b, i) => InMemorySample.FromBytes(b, files.GetLabel(i), files.Paths[i]))));
IImageDecoder decoder = decoderName switch
{
    "skia" => new SkiaImageDecoder(),
    "turbo" => new TurboJpegDecoder(new SkiaImageDecoder()),
    "imagesharp" => new ImageSharpDecoder(),
    _ => throw new ArgumentException($"--decoder must be skia, turbo or imagesharp, got '{decoderName}'."),
};
Console.WriteLine($"{files.Count} JPEGs from {folder}; {Environment.ProcessorCount} cores; decoder {decoderName} ({decoder.GetType().Name}); DCT scaling {(dct ? "on" : "off")}; fusion {(fuse ? "on" : "off")}; batch {batchSize}; {seconds} s per row; tiering delay {Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? "100 (default)"} ms");
Console.WriteLine($"{"recipe",-44} {"workers",7} {"median",9} {"min",9} {"max",9} {"per-cpu-s",10} {"B/img",8}  img/s (per-cpu-s: images per second of process CPU time, robust to a busy machine; B/img: managed bytes allocated per image)");

ITransform TrainClassic() => new Compose(new Resize(256), new RandomCrop(224), new RandomHorizontalFlip(), Normalize.ImageNet());
ITransform TrainRrc() => new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip(), new ColorJitter(0.4, 0.4, 0.4), Normalize.ImageNet(), new RandomErasing(0.25));
ITransform Eval() => new Compose(new Resize(256), new CenterCrop(224), Normalize.ImageNet());

// --workers 0: the loader fills the batches on the consuming thread, and the direct rows run on the calling thread.
int[] counts = workers <= 1 ? [workers] : [1, workers];
foreach (int n in counts)
{
    Direct("decode only (full size)", n, b => decoder.DecodePixels(b).Dispose());
    Direct("decode only (DCT-scaled, sides >= 256)", n, b => decoder.DecodePixels(b, new ImageSize(256, 256)).Dispose());
    Loader("train-classic", n, TrainClassic());
    Loader("train-rrc", n, TrainRrc());
    Loader("eval", n, Eval());
    TenCrop(n);
    ViewLoader("ten-crop (loader)", n, [ViewGroup.TestTime("tencrop", TestTimeViews.TenCrop(224, 224), before: new Resize(256))], new Collator(mean: [.. Normalize.ImageNetMean], std: [.. Normalize.ImageNetStd]), Math.Max(1, batchSize / 4));
    ViewLoader("simclr two views (loader)", n, [ViewGroup.Repeat("views", SimClr(), 2)], new Collator(), batchSize);
    ViewLoader("four distinct crops (loader)", n, [ViewGroup.DistinctCrops("crops", 4, 224, 224, before: new Resize(256), strideY: 8, strideX: 8)], new Collator(mean: [.. Normalize.ImageNetMean], std: [.. Normalize.ImageNetStd]), batchSize / 4);
}

// SimCLR's augmentation (Chen et al. 2020, appendix A): RRC 224, flip, colour jitter (0.8 s, s = 1) with p 0.8,
// grayscale with p 0.2, normalized; the blur is left out here (not every recipe uses it on ImageNet-sized crops).
ITransform SimClr() => new Compose(
    new RandomResizedCrop(224),
    new RandomHorizontalFlip(),
    new RandomApply(new ColorJitter(0.8, 0.8, 0.8, 0.2), 0.8),
    new RandomGrayscale(0.2),
    Normalize.ImageNet());

void ViewLoader(string name, int n, IReadOnlyList<ViewGroup> views, Collator collator, int batch)
{
    if (only is not null && !only.IsMatch(name))
    {
        return;
    }

    using var loader = new DataLoader(source, decoder, new DataLoaderOptions
    {
        BatchSize = batch, Workers = n, Shuffle = true, Seed = 1, Views = views, Collator = collator, Fuse = fuse, DctScaling = dct,
    });
    Report(name + (loader.IsFused ? " (fused)" : string.Empty), n, epoch =>
    {
        loader.Epoch = epoch;
        foreach (ImageBatch b in loader)
        {
            b.Dispose();
        }

        return source.Count;
    });
}

void Loader(string name, int n, ITransform transform)
{
    if (only is not null && !only.IsMatch(name))
    {
        return;
    }

    var collator = new Collator();
    using var loader = new DataLoader(source, decoder, new DataLoaderOptions
    {
        BatchSize = batchSize, Workers = n, Shuffle = true, Seed = 1, Transform = transform, Collator = collator,
        Fuse = fuse, DctScaling = dct,
    });
    Report(name + (loader.IsFused ? " (fused)" : string.Empty), n, epoch =>
    {
        loader.Epoch = epoch;
        foreach (ImageBatch batch in loader)
        {
            batch.Dispose();
        }

        return source.Count;
    });
}

void Direct(string name, int n, Action<byte[]> work)
{
    if (only is not null && !only.IsMatch(name))
    {
        return;
    }

    Report(name, n, _ =>
    {
        if (n == 0)
        {
            foreach (byte[] b in bytes)
            {
                work(b);
            }

            return bytes.Length;
        }

        int next = -1;
        var threads = new Thread[n];
        for (int t = 0; t < n; t++)
        {
            threads[t] = new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < bytes.Length)
                {
                    work(bytes[i]);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return bytes.Length;
    });
}

// Resize 256 → TenCrop 224 → normalized, stacked (10, 3, 224, 224) per image: normalizing the resized image once
// equals normalizing the ten views.
void TenCrop(int n)
{
    var resize = new Resize(256);
    var tenCrop = new TenCrop(224, 224);
    Normalize normalize = Normalize.ImageNet();
    var views = new ThreadLocal<float[]>(() => new float[10 * 3 * 224 * 224]);
    Direct("ten-crop", n, b =>
    {
        ImageTensor image;
        using (PixelBuffer pixels = decoder.DecodePixels(b, dct ? new ImageSize(256, 256) : null))
        {
            image = pixels.ToTensor();
        }

        image = resize.Apply(image);
        normalize.ApplyInPlace(image);
        tenCrop.Apply(image, views.Value!);
        image.Dispose();
    });
}

void Report(string name, int n, Func<int, int> pass)
{
    // Warm-up for at least three seconds: JIT, pools, kernel maps. Tiered compilation runs the kernels unoptimized for
    // the first seconds of a recipe (up to five times slower; see benchmarks/README.md), which a single pass may not cover.
    var warmUp = Stopwatch.StartNew();
    int warmPass = 0;
    do
    {
        pass(1000 + warmPass++); // epochs the measured passes do not use
    }
    while (warmUp.Elapsed.TotalSeconds < 3);

    var rates = new List<double>();
    var process = Process.GetCurrentProcess();
    TimeSpan cpuStart = process.TotalProcessorTime;
    long allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
    long images = 0;
    var total = Stopwatch.StartNew();
    int epoch = 1;
    while (total.Elapsed.TotalSeconds < seconds || rates.Count < 3)
    {
        var watch = Stopwatch.StartNew();
        int count = pass(epoch++);
        images += count;
        rates.Add(count / watch.Elapsed.TotalSeconds);
    }

    process.Refresh();
    double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
    long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
    rates.Sort();
    Console.WriteLine($"{name,-44} {n,7} {rates[rates.Count / 2],9:F0} {rates[0],9:F0} {rates[^1],9:F0} {images / cpu,10:F0} {allocated / images,8}");
}
