using Augment.Batching;
using Augment.Views;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp;

/// <summary>Zero-copy handover of an <see cref="ImageBatch"/> to TorchSharp.</summary>
/// <remarks>
/// The images and soft targets become CPU tensors over the batch's pooled arrays through <c>torch.frombuffer</c>,
/// which pins an array for as long as a tensor uses it; nothing is copied. Move them to a GPU with
/// <c>images.to(CUDA)</c> (one host-to-device copy, as from any CPU tensor).
/// </remarks>
public static class ImageBatchTorchExtensions
{
    /// <summary>
    /// Wraps <paramref name="batch"/>'s images, labels and soft targets as TorchSharp tensors that share its memory.
    /// Dispose the result (not the batch) when the step is done.
    /// </summary>
    /// <param name="batch">
    /// The batch, mixed already (mixing after the handover throws). Disposing it while the result lives is safe: its
    /// memory stays out of the pool until the result is disposed too.
    /// </param>
    /// <param name="half">
    /// Hand over the float16 copy of the images made by <see cref="ImageBatch.ConvertToHalf"/> (or by
    /// <c>DataLoaderOptions.ConvertToHalf</c>) instead of the float32 images.
    /// </param>
    /// <param name="disposeBatch">Whether disposing the result also disposes the batch (the default).</param>
    /// <returns>The tensors, owning the batch unless <paramref name="disposeBatch"/> is <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="batch"/> has been disposed.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="half"/> is set but the batch was never converted to float16.</exception>
    public static TorchBatch ToTorch(this ImageBatch batch, bool half = false, bool disposeBatch = true)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Lease();
        Tensor? images = null, labels = null;
        try
        {
            images = half ? HalfImages(batch) : Images(batch);
            labels = Labels(batch);
            Tensor? targets = batch.ClassCount > 0 ? Share(batch.TargetsBuffer!, ScalarType.Float32, batch.Count, batch.ClassCount) : null;
            return new TorchBatch(batch, images, labels, targets, disposeBatch);
        }
        catch
        {
            images?.Dispose();
            labels?.Dispose();
            batch.Release();
            throw;
        }
    }

    /// <summary>
    /// Wraps every view group of <paramref name="views"/> as TorchSharp tensors that share its memory, as
    /// <see cref="ToTorch(ImageBatch, bool, bool)"/> does for one batch. Dispose the result (not the batch) when the
    /// step is done.
    /// </summary>
    /// <param name="views">The multi-view batch (from <c>DataLoader.ReadViews</c>).</param>
    /// <param name="half">Hand over the float16 copies of the images (every group must have been converted).</param>
    /// <param name="disposeBatch">Whether disposing the result also disposes the groups' batches (the default).</param>
    /// <returns>The tensors of each group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="views"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">A group's batch has been disposed.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="half"/> is set but a group was never converted to float16.</exception>
    public static TorchViewBatch ToTorch(this ViewBatch views, bool half = false, bool disposeBatch = true)
    {
        ArgumentNullException.ThrowIfNull(views);
        var groups = new TorchBatch[views.Groups.Count];
        int done = 0;
        try
        {
            for (; done < groups.Length; done++)
            {
                groups[done] = views.Groups[done].ToTorch(half, disposeBatch);
            }
        }
        catch
        {
            for (int g = 0; g < done; g++)
            {
                groups[g].Dispose();
            }

            throw;
        }

        return new TorchViewBatch(views, groups);
    }

    private static Tensor Images(ImageBatch batch) =>
        Share(batch.DataBuffer, ScalarType.Float32, batch.Count, batch.Channels, batch.Height, batch.Width);

    private static Tensor HalfImages(ImageBatch batch)
    {
        Half[] halves = batch.HalfBuffer
            ?? throw new InvalidOperationException("The batch holds no float16 images: call ConvertToHalf first, or set DataLoaderOptions.ConvertToHalf.");
        return Share(halves, ScalarType.Float16, batch.Count, batch.Channels, batch.Height, batch.Width);
    }

    private static Tensor Labels(ImageBatch batch)
    {
        ReadOnlySpan<int> labels = batch.Labels;
        var indices = new long[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            indices[i] = labels[i];
        }

        return torch.tensor(indices, ScalarType.Int64);
    }

    // frombuffer shares the array (pinned until the storage dies) and reads its first `count` elements; the pooled
    // array may be longer than the batch, so the flat tensor is cut to the batch and viewed with its shape.
    private static Tensor Share(Array buffer, ScalarType dtype, params ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            count *= dimension;
        }

        using Tensor flat = torch.frombuffer(buffer, dtype, count);
        return flat.view(shape.ToArray());
    }
}
