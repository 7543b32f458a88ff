using System.Globalization;
using System.Text;
using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Transforms.Geometry;

namespace Augment.Gallery;

/// <summary>
/// The batch transforms (mixup, CutMix, RICAP): one batch of random crops of the photos, labelled by photo, is
/// collated with soft targets and mixed; each tile is one mixed sample, captioned with its draw and its target.
/// </summary>
internal static class MixingRows
{
    public const int Count = 3;

    public static void Render(ContactSheet sheet, int firstRow, GalleryPhotos photos, int columns, ulong seed)
    {
        var crop = new RandomResizedCrop(sheet.Tile, scale: (0.4, 1.0));
        var views = new ImageTensor[columns];
        var labels = new int[columns];
        for (int i = 0; i < columns; i++)
        {
            var random = RandomSource.ForSample(seed, epoch: firstRow, index: i);
            views[i] = crop.Apply(photos.Take(i), ref random);
            labels[i] = i % photos.Count;
        }

        var collator = new Collator(classCount: photos.Count);
        try
        {
            var mixup = new Mixup(alpha: 0.8, mode: MixMode.Sample);
            var cutMix = new CutMix(alpha: 1.0, mode: MixMode.Sample);
            var ricap = new Ricap(beta: 0.3, mode: MixMode.Sample);
            for (int k = 0; k < Count; k++)
            {
                using ImageBatch batch = collator.Collate(views, labels);
                var random = RandomSource.ForSample(seed, epoch: firstRow + k, index: columns);
                string[] captions = k switch
                {
                    0 => Describe(mixup.Apply(batch, ref random)),
                    1 => Describe(cutMix.Apply(batch, ref random)),
                    _ => Describe(ricap.Apply(batch, ref random), batch.Count),
                };
                sheet.Title(firstRow + k, k switch
                {
                    0 => "Mixup(alpha=0.8, per sample): x = lam x_i + (1 - lam) x_partner",
                    1 => "CutMix(alpha=1, per sample): a box from the partner, lam = area kept",
                    _ => "RICAP(beta=0.3, per sample): four patches of four samples, y by area",
                });
                for (int i = 0; i < batch.Count; i++)
                {
                    using ImageTensor image = ImageTensor.Create(batch.Channels, batch.Height, batch.Width);
                    batch.Slot(i).CopyTo(image.Data);
                    sheet.Paste(firstRow + k, i, image);
                    sheet.Caption(firstRow + k, i, captions[i] + "\n" + Targets(batch, i, photos.Names));
                }
            }
        }
        finally
        {
            foreach (ImageTensor view in views)
            {
                view.Dispose();
            }
        }
    }

    private static string[] Describe(MixParams p)
    {
        var captions = new string[p.Count];
        for (int i = 0; i < p.Count; i++)
        {
            string partner = $"#{p.Partners[i]}";
            captions[i] = p.Partners[i] == i ? "own partner: unchanged" : p.Kinds[i] switch
            {
                MixKind.Blend => $"lam {p.Lambdas[i]:F2} with {partner}",
                MixKind.Paste => $"box {p.Boxes[i].Height}x{p.Boxes[i].Width} at {p.Boxes[i].Top}, {p.Boxes[i].Left}\nfrom {partner}, lam {p.Lambdas[i]:F2}",
                _ => "unmixed",
            };
        }

        return captions;
    }

    private static string[] Describe(RicapParams p, int count)
    {
        var captions = new string[count];
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder($"split w {p.BoundaryWidths[i]}, h {p.BoundaryHeights[i]}\nfrom");
            for (int patch = 0; patch < RicapParams.PatchCount; patch++)
            {
                text.Append(CultureInfo.InvariantCulture, $" #{p.Sources(patch)[i]}");
            }

            captions[i] = text.ToString();
        }

        return captions;
    }

    private static string Targets(ImageBatch batch, int index, string[] names)
    {
        ReadOnlySpan<float> targets = batch.Targets.Slice(index * batch.ClassCount, batch.ClassCount);
        var text = new StringBuilder("y:");
        for (int c = 0; c < targets.Length; c++)
        {
            if (targets[c] > 0.005f)
            {
                text.Append(CultureInfo.InvariantCulture, $" {names[c][..3]} {targets[c]:.00}");
            }
        }

        return text.ToString();
    }
}
