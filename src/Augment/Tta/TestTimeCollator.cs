using Augment.Batching;
using Augment.Imaging;

namespace Augment.Tta;

/// <summary>
/// Collates the test-time views of N images into one batch of <c>N · V</c> samples: sample <c>n · V + v</c> is view
/// v of image n, written straight into its slot and normalized there by the <see cref="Collator"/>. Feed the
/// batch to the model, then reduce its outputs with <see cref="ViewAveraging.Average(ReadOnlySpan{float}, int, int, Span{float}, ViewAverage)"/>
/// to get one prediction per image.
/// </summary>
public sealed class TestTimeCollator
{
    /// <summary>Creates the collator.</summary>
    /// <param name="views">The view recipe.</param>
    /// <param name="collator">The collator supplying the pool, the normalization and the label handling; <see langword="null"/> for a plain one.</param>
    public TestTimeCollator(TestTimeViews views, Collator? collator = null)
    {
        ArgumentNullException.ThrowIfNull(views);
        Views = views;
        Collator = collator ?? new Collator();
    }

    /// <summary>The view recipe.</summary>
    public TestTimeViews Views { get; }

    /// <summary>The underlying collator.</summary>
    public Collator Collator { get; }

    /// <summary>
    /// Builds the batch of views of <paramref name="images"/>; each view carries its image's label. The images are
    /// read, not disposed, and may differ in size (each must hold the views).
    /// </summary>
    /// <param name="images">The images, at least one, all with the same channel count.</param>
    /// <param name="labels">One class index per image, or empty when the collator has no class count.</param>
    /// <returns>A completed batch of <c>N · V</c> samples; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">No images; an image is null, has another channel count than the first (the message names it), or is too small for the views; the label count differs from the image count.</exception>
    public ImageBatch Collate(ReadOnlySpan<ImageTensor> images, ReadOnlySpan<int> labels = default)
    {
        if (images.IsEmpty)
        {
            throw new ArgumentException("A batch needs at least one sample, got none.", nameof(images));
        }

        if (!labels.IsEmpty && labels.Length != images.Length)
        {
            throw new ArgumentException($"Got {images.Length} images and {labels.Length} labels.", nameof(labels));
        }

        ImageTensor first = images[0] ?? throw new ArgumentNullException(nameof(images), "Sample 0 is null.");
        for (int n = 1; n < images.Length; n++)
        {
            ImageTensor image = images[n] ?? throw new ArgumentNullException(nameof(images), $"Sample {n} is null.");
            if (image.Channels != first.Channels)
            {
                throw new ArgumentException($"Sample {n} has shape {image.ShapeString} but sample 0 has {first.ShapeString}; views need one channel count.", nameof(images));
            }
        }

        int viewCount = Views.Count;
        ImageBatch batch = Collator.Rent(images.Length * viewCount, first.Channels, Views.ViewSize);
        try
        {
            int length = batch.SampleLength;
            for (int n = 0; n < images.Length; n++)
            {
                Views.Write(images[n], batch.Data.Slice(n * viewCount * length, viewCount * length));
                for (int v = 0; v < viewCount; v++)
                {
                    int index = (n * viewCount) + v;
                    Collator.Normalize(batch, index);
                    batch.Labels[index] = labels.IsEmpty ? -1 : labels[n];
                }
            }

            return Collator.Complete(batch);
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }
}
