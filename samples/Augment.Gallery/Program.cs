// Augment gallery: a contact sheet with one row per transform and policy, five random draws per row, each tile
// captioned with the parameters its transform drew (recorded through a ParameterLog). Regenerate the README's
// picture with: dotnet run --project samples/Augment.Gallery -c Release -- docs/gallery.png
using Augment.Gallery;
using Augment.Imaging;
using Augment.Kernels.Warp;
using Augment.Randomness;
using Augment.Skia;
using Augment.Transforms;
using Augment.Transforms.Blur;
using Augment.Transforms.Color;
using Augment.Transforms.Geometry;
using Augment.Transforms.Occlusion;
using Augment.Transforms.Policies;
using Augment.Transforms.Warp;

const int Tile = 120;
const int Columns = 5;
const ulong Seed = 2026;
string output = args.Length > 0 ? args[0] : "gallery.png";

using var photos = new GalleryPhotos(new SkiaImageDecoder());
var square = new Compose(new Resize(Tile), new CenterCrop(Tile));

// (title, deterministic preparation or null, the random transform whose draws label the tiles)
var rows = new (string Title, ITransform? Prepare, ITransform Transform)[]
{
    ("RandomHorizontalFlip(p=0.5)", square, new RandomHorizontalFlip()),
    ($"RandomCrop({Tile}) from the {Tile * 5 / 4} px centre square", new Compose(new Resize(Tile * 5 / 4), new CenterCrop(Tile * 5 / 4)), new RandomCrop(Tile)),
    ($"RandomResizedCrop({Tile}, scale=(0.08, 1), ratio=(3/4, 4/3))", null, new RandomResizedCrop(Tile)),
    ("ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1)", square, new ColorJitter(0.4, 0.4, 0.4, 0.1)),
    ("ChannelShift.Uniform(0.15): one offset per channel", square, ChannelShift.Uniform(0.15)),
    ("PcaLighting(alphaStd=1.0, ImageNet basis): exaggerated, AlexNet uses 0.1", square, new PcaLighting(alphaStd: 1.0)),
    ("Cutout(holes=2, length=48)", square, new Cutout(holes: 2, length: 48)),
    ("RandomErasing(p=1, fill=per-pixel N(0, 1))", square, new RandomErasing(p: 1.0, fill: ErasingFill.PerPixelNormal)),
    ("RandomRotation(30, bilinear)", square, new RandomRotation(30, Interpolation.Bilinear)),
    ("RandomAffine(shear=(-20, 20, -20, 20), translate=0.1, scale=(0.9, 1.1))", square,
        new RandomAffine(0, translate: (0.1, 0.1), scale: (0.9, 1.1), shear: [-20, 20, -20, 20], interpolation: Interpolation.Bilinear)),
    ("ElasticTransform(alpha=50, sigma=5): a local warp", square, new ElasticTransform(50.0, 5.0)),
    ("RandomPerspective(distortion_scale=0.5, p=1)", square, new RandomPerspective(0.5, p: 1.0)),
    ("GaussianBlur(9, sigma=(0.1, 3))", square, new GaussianBlur(9, (0.1, 3.0))),
    ("ThreeAugment() (DeiT III): grayscale, solarize or blur", square, new ThreeAugment()),
    ("AutoAugment(ImageNet policy)", square, new AutoAugment(AutoAugmentPolicy.ImageNet)),
    ("RandAugment(num_ops=2, magnitude=9)", square, new RandAugment(numOps: 2, magnitude: 9)),
    ("TrivialAugmentWide()", square, new TrivialAugmentWide()),
};

const int TenCropRow = 3;
int rowCount = rows.Length + 1 + MixingRows.Count;
using var sheet = new ContactSheet(rowCount, Columns, Tile, captionLines: 3);
if (!sheet.HasText)
{
    Console.Error.WriteLine("No system font found: the sheet will have no captions (install e.g. fonts-dejavu-core).");
}

var log = new ParameterLog();
int row = 0;
foreach (var (title, prepare, transform) in rows)
{
    if (row == TenCropRow)
    {
        TenCropRowRender(sheet, row++, photos.Take(0));
    }

    sheet.Title(row, title);
    for (int column = 0; column < Columns; column++)
    {
        var random = RandomSource.ForSample(Seed, epoch: row, index: column);
        ImageTensor image = photos.Take(column);
        if (prepare is not null)
        {
            image = prepare.Apply(image, ref random);
        }

        log.Clear();
        using (image = transform.Apply(image, ref random, log))
        {
            sheet.Paste(row, column, image);
        }

        sheet.Caption(row, column, string.Join("\n", log.Entries.Select(entry => ParameterText.Format(entry.Parameters))));
    }

    row++;
}

MixingRows.Render(sheet, row, photos, Columns, Seed);
sheet.Save(output);
Console.WriteLine($"Wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length / 1024} KiB): {rowCount} rows of {Columns} tiles of {Tile} px.");

// Ten-crop is deterministic: each tile holds one of the five crops above its mirrored twin (at half size).
static void TenCropRowRender(ContactSheet sheet, int row, ImageTensor photo)
{
    string[] corners = ["top-left", "top-right", "bottom-left", "bottom-right", "centre"];
    int half = sheet.Tile / 2;
    var random = default(RandomSource);
    int crop = sheet.Tile * 13 / 16;
    using ImageTensor input = new Resize(ResizeSize.Exact(sheet.Tile, sheet.Tile)).Apply(photo, ref random);
    sheet.Title(row, $"TenCrop({crop}) for test-time augmentation: each crop above its mirror");
    ImageTensor[] views = new TenCrop(crop, crop).Apply(input);
    var shrink = new Resize(ResizeSize.Exact(half, half));
    for (int i = 0; i < TenCrop.Count; i++)
    {
        using ImageTensor small = shrink.Apply(views[i], ref random);
        int column = i % 5;
        sheet.Paste(row, column, small, top: i < 5 ? 0 : half, left: half / 2);
        if (i < 5)
        {
            sheet.Caption(row, column, $"view {i}: {corners[column]}\nview {i + 5} below: mirrored");
        }
    }
}
