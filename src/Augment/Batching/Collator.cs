using Augment.Imaging;
using Augment.Kernels;
using Augment.Labels;

namespace Augment.Batching;

/// <summary>
/// Gathers samples (CHW image + class index) into an <see cref="ImageBatch"/>: one pooled NCHW float32 buffer,
/// normalized while it is written (per-channel <c>(x - mean) / std</c>, fused into the copy), plus class indices and,
/// with a class count, smoothed one-hot soft targets.
/// </summary>
/// <remarks>
/// <para>Two ways to build a batch:</para>
/// <list type="number">
/// <item><description>
/// <see cref="Collate(ReadOnlySpan{ImageTensor}, ReadOnlySpan{int})"/>: all samples at once, into a pooled batch
/// (or into a batch the caller reuses, with the overload that takes one: no pool traffic, no allocation).
/// </description></item>
/// <item><description>
/// Slot by slot, as a data loader does: <see cref="Rent"/> an empty batch; let producers (any threads, one thread
/// per slot) call <see cref="Write"/>, or write raw <c>[0, 1]</c> values straight into
/// <see cref="ImageBatch.Slot"/>, set <see cref="ImageBatch.Labels"/><c>[i]</c> and call <see cref="Normalize"/>;
/// once they have all finished, <see cref="Complete"/> builds the soft targets.
/// </description></item>
/// </list>
/// <para>
/// Neither path takes ownership of the images it reads: the caller disposes them. Every batch must be disposed;
/// its buffers then return to <see cref="Pool"/>, so a steady stream of batches allocates no buffers (only the
/// small batch object; collating into a reused batch allocates nothing at all).
/// A collator holds no per-batch state and may be shared by threads.
/// </para>
/// </remarks>
public sealed class Collator
{
    private readonly float[]? _scale;
    private readonly float[]? _offset;

    /// <summary>Creates a collator.</summary>
    /// <param name="classCount">K: with K &gt; 0 batches carry an (N, K) soft-target matrix and every label must lie in [0, K); 0 keeps class indices only.</param>
    /// <param name="labelSmoothing">ε in [0, 1) for the soft targets: <c>(1 - ε) · onehot + ε / K</c>.</param>
    /// <param name="mean">Per-channel means to subtract while collating, or <see langword="null"/> for no normalization.</param>
    /// <param name="std">Per-channel standard deviations (positive) to divide by; required with <paramref name="mean"/>, of the same length.</param>
    /// <param name="pool">The pool to rent batches from; <see langword="null"/> creates a private one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, ε, a mean or a standard deviation is out of range.</exception>
    /// <exception cref="ArgumentException">Only one of <paramref name="mean"/> and <paramref name="std"/> is given, or their lengths differ.</exception>
    public Collator(int classCount = 0, double labelSmoothing = 0.0, float[]? mean = null, float[]? std = null, BatchPool? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classCount);
        LabelEncoding.ValidateSmoothing(labelSmoothing, nameof(labelSmoothing));
        if (labelSmoothing > 0.0 && classCount == 0)
        {
            throw new ArgumentException($"Label smoothing {labelSmoothing} needs a positive class count.", nameof(labelSmoothing));
        }

        if ((mean is null) != (std is null))
        {
            throw new ArgumentException("Normalization needs both a mean and a standard deviation per channel.", mean is null ? nameof(mean) : nameof(std));
        }

        if (mean is not null && std is not null)
        {
            if (mean.Length != std.Length || mean.Length == 0)
            {
                throw new ArgumentException($"Got {mean.Length} means and {std.Length} standard deviations; give one of each per channel.", nameof(std));
            }

            _scale = new float[mean.Length];
            _offset = new float[mean.Length];
            for (int c = 0; c < mean.Length; c++)
            {
                if (!float.IsFinite(mean[c]))
                {
                    throw new ArgumentOutOfRangeException(nameof(mean), mean[c], $"Mean {c} must be finite, got {mean[c]}.");
                }

                if (!(std[c] > 0f && float.IsFinite(std[c])))
                {
                    throw new ArgumentOutOfRangeException(nameof(std), std[c], $"Standard deviation {c} must be positive and finite, got {std[c]}.");
                }

                _scale[c] = 1f / std[c];
                _offset[c] = -mean[c] / std[c];
            }
        }

        ClassCount = classCount;
        LabelSmoothing = labelSmoothing;
        Pool = pool ?? new BatchPool();
    }

    /// <summary>K, the number of classes of the soft targets; 0 for class indices only.</summary>
    public int ClassCount { get; }

    /// <summary>The label-smoothing ε applied to the soft targets.</summary>
    public double LabelSmoothing { get; }

    /// <summary>Whether samples are normalized while they are written.</summary>
    public bool Normalizes => _scale is not null;

    /// <summary>The channel count the normalization is for; 0 when the collator does not normalize.</summary>
    public int NormalizedChannels => _scale?.Length ?? 0;

    /// <summary>The pool batches come from.</summary>
    public BatchPool Pool { get; }

    /// <summary>The per-channel scale of the normalization (<c>1 / std</c>); empty when the collator does not normalize.</summary>
    internal ReadOnlySpan<float> NormalizationScale => _scale;

    /// <summary>The per-channel offset of the normalization (<c>-mean / std</c>); empty when the collator does not normalize.</summary>
    internal ReadOnlySpan<float> NormalizationOffset => _offset;

    /// <summary>
    /// Collates <paramref name="images"/> (all of one shape) and their <paramref name="labels"/> into a new batch,
    /// completed (see <see cref="Complete"/>). The images are read, not disposed.
    /// </summary>
    /// <param name="images">The samples, at least one, all of the same shape.</param>
    /// <param name="labels">One class index per image, or empty when the collator has no class count.</param>
    /// <returns>The batch; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">No images; an image is null or its shape differs from the first one's (the message names its index and shape); the label count differs from the image count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside [0, K).</exception>
    public ImageBatch Collate(ReadOnlySpan<ImageTensor> images, ReadOnlySpan<int> labels = default)
    {
        ImageTensor first = ValidateSamples(images, labels);
        ImageBatch batch = Rent(images.Length, first.Channels, first.Size);
        try
        {
            return Fill(batch, images, labels);
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Collates <paramref name="images"/> and <paramref name="labels"/> into <paramref name="destination"/>, a batch
    /// the caller keeps and reuses (no pool traffic at all), overwriting it, and completes it.
    /// </summary>
    /// <param name="images">The samples: as many as the batch holds, of its sample shape.</param>
    /// <param name="labels">One class index per image, or empty when the collator has no class count.</param>
    /// <param name="destination">A batch rented from this collator, e.g. by an earlier <see cref="Collate(ReadOnlySpan{ImageTensor}, ReadOnlySpan{int})"/>.</param>
    /// <returns><paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException">The counts or shapes differ (the message names the sample), or the batch's class count is not the collator's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside [0, K).</exception>
    public ImageBatch Collate(ReadOnlySpan<ImageTensor> images, ReadOnlySpan<int> labels, ImageBatch destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ValidateSamples(images, labels);
        if (images.Length != destination.Count)
        {
            throw new ArgumentException($"Got {images.Length} images for a batch of {destination.Count}.", nameof(images));
        }

        if (destination.ClassCount != ClassCount)
        {
            throw new ArgumentException($"The batch has {destination.ClassCount} classes, the collator {ClassCount}.", nameof(destination));
        }

        return Fill(destination, images, labels);
    }

    /// <summary>
    /// Rents an empty batch of <paramref name="count"/> samples of shape (<paramref name="channels"/>,
    /// <paramref name="size"/>) to fill slot by slot: see <see cref="Write"/>, <see cref="Normalize"/> and <see cref="Complete"/>.
    /// </summary>
    /// <param name="count">N, positive.</param>
    /// <param name="channels">C, positive; must match the normalization's channel count if there is one.</param>
    /// <param name="size">The spatial size.</param>
    /// <returns>The batch; the caller disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="channels"/> differs from the normalization's channel count.</exception>
    public ImageBatch Rent(int count, int channels, ImageSize size)
    {
        if (_scale is not null && _scale.Length != channels)
        {
            throw new ArgumentException($"The collator normalizes {_scale.Length} channels, the batch would hold {channels}.", nameof(channels));
        }

        return Pool.Rent(count, channels, size, ClassCount);
    }

    /// <summary>
    /// Writes <paramref name="image"/> (normalized, if the collator normalizes) into slot <paramref name="index"/> of
    /// <paramref name="batch"/> and sets its label. Thread-safe for distinct slots. The image is read, not disposed.
    /// </summary>
    /// <param name="batch">A batch rented from this collator.</param>
    /// <param name="index">The slot, in [0, N).</param>
    /// <param name="image">The sample, of the batch's sample shape.</param>
    /// <param name="label">Its class index, or -1 when the batch carries no labels.</param>
    /// <exception cref="ArgumentException">The image's shape differs from the batch's (the message names the slot and both shapes).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range, or <paramref name="label"/> lies outside [0, K) with K &gt; 0.</exception>
    public void Write(ImageBatch batch, int index, ImageTensor image, int label = -1)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(image);
        batch.ThrowIfIndexOutside(index);
        if (image.Channels != batch.Channels || image.Height != batch.Height || image.Width != batch.Width)
        {
            throw new ArgumentException(
                $"Sample {index} has shape {image.ShapeString}; the batch holds {batch.SampleShapeString} samples (resize or crop it first).",
                nameof(image));
        }

        ThrowIfLabelOutside(index, label);
        Span<float> slot = batch.Slot(index);
        if (_scale is null || _offset is null)
        {
            image.Data.CopyTo(slot);
        }
        else
        {
            NormalizeSample(image.Data, slot, image.PlaneLength);
        }

        batch.Labels[index] = label;
    }

    /// <summary>
    /// Normalizes slot <paramref name="index"/> in place, for producers that wrote raw values straight into
    /// <see cref="ImageBatch.Slot"/>; does nothing when the collator does not normalize. Thread-safe for distinct slots.
    /// </summary>
    /// <param name="batch">A batch rented from this collator.</param>
    /// <param name="index">The slot, in [0, N).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void Normalize(ImageBatch batch, int index)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.ThrowIfIndexOutside(index);
        if (_scale is not null)
        {
            Span<float> slot = batch.Slot(index);
            NormalizeSample(slot, slot, batch.Height * batch.Width);
        }
    }

    /// <summary>
    /// Normalizes <paramref name="image"/> in place as <see cref="Write"/> normalizes a sample, for producers that cut
    /// several samples out of one image (test-time views): normalizing the image once equals normalizing each copy.
    /// Does nothing when the collator does not normalize.
    /// </summary>
    /// <param name="image">An image with the normalization's channel count.</param>
    /// <exception cref="ArgumentException">The channel count differs from the normalization's.</exception>
    internal void NormalizeInPlace(ImageTensor image)
    {
        if (_scale is null || _offset is null)
        {
            return;
        }

        if (image.Channels != _scale.Length)
        {
            throw new ArgumentException($"The collator normalizes {_scale.Length} channels, the image has {image.Channels}.", nameof(image));
        }

        NormalizeSample(image.Data, image.Data, image.PlaneLength);
    }

    /// <summary>
    /// Writes the normalized channels of one sample, <paramref name="plane"/> elements each, from
    /// <paramref name="source"/> into <paramref name="destination"/> (which may be <paramref name="source"/>).
    /// </summary>
    private void NormalizeSample(ReadOnlySpan<float> source, Span<float> destination, int plane)
    {
        for (int c = 0; c < _scale!.Length; c++)
        {
            Pointwise.Apply(source.Slice(c * plane, plane), destination.Slice(c * plane, plane), new AffineOperator(_scale[c], _offset![c]));
        }
    }

    /// <summary>
    /// Finishes a batch filled slot by slot, after every producer has finished: with a class count, checks that
    /// every label lies in [0, K) and writes the smoothed one-hot soft targets.
    /// </summary>
    /// <param name="batch">The filled batch.</param>
    /// <returns><paramref name="batch"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside [0, K); -1 means the slot's label was never set. The message names the sample.</exception>
    public ImageBatch Complete(ImageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ClassCount > 0)
        {
            LabelEncoding.OneHot(batch.Labels, batch.ClassCount, batch.Targets, LabelSmoothing);
        }

        return batch;
    }

    private ImageTensor ValidateSamples(ReadOnlySpan<ImageTensor> images, ReadOnlySpan<int> labels)
    {
        if (images.IsEmpty)
        {
            throw new ArgumentException("A batch needs at least one sample, got none.", nameof(images));
        }

        if (!labels.IsEmpty && labels.Length != images.Length)
        {
            throw new ArgumentException($"Got {images.Length} images and {labels.Length} labels.", nameof(labels));
        }

        if (labels.IsEmpty && ClassCount > 0)
        {
            throw new ArgumentException($"The collator builds soft targets over {ClassCount} classes, so every image needs a label.", nameof(labels));
        }

        ImageTensor first = images[0] ?? throw new ArgumentNullException(nameof(images), "Sample 0 is null.");
        for (int i = 1; i < images.Length; i++)
        {
            ImageTensor image = images[i] ?? throw new ArgumentNullException(nameof(images), $"Sample {i} is null.");
            if (image.Channels != first.Channels || image.Height != first.Height || image.Width != first.Width)
            {
                throw new ArgumentException(
                    $"Sample {i} has shape {image.ShapeString} but sample 0 has {first.ShapeString}; a batch needs samples of one shape (resize or crop them first).",
                    nameof(images));
            }
        }

        return first;
    }

    private ImageBatch Fill(ImageBatch batch, ReadOnlySpan<ImageTensor> images, ReadOnlySpan<int> labels)
    {
        for (int i = 0; i < images.Length; i++)
        {
            Write(batch, i, images[i], labels.IsEmpty ? -1 : labels[i]);
        }

        return Complete(batch);
    }

    private void ThrowIfLabelOutside(int index, int label)
    {
        if (ClassCount > 0 ? (uint)label >= (uint)ClassCount : label < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(label),
                label,
                ClassCount > 0 ? $"Sample {index} has label {label}, outside [0, {ClassCount})." : $"Sample {index} has label {label}; use -1 for none.");
        }
    }
}
