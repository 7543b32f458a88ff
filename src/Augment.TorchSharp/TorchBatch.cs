using Augment.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp;

/// <summary>
/// The TorchSharp tensors of one <see cref="ImageBatch"/>: <see cref="Images"/> and <see cref="Targets"/> are views of
/// the batch's own pooled memory (no copy), <see cref="Labels"/> is a small int64 copy of the class indices.
/// </summary>
/// <remarks>
/// <para>
/// <b>Lifetime.</b> The batch's memory goes back to its pool (and the next batch overwrites it) only when both this
/// object and the batch are disposed, in either order: <see cref="Dispose"/> disposes the tensors, then (by default)
/// the batch. Anything that shares the tensors' storage (<c>view</c>, <c>reshape</c>, slicing, <c>requires_grad_</c>,
/// a backward graph that saved them) must not outlive this object; operations that produce new storage
/// (<see cref="CopyTo"/>, <c>clone()</c>, <c>contiguous()</c> of a permuted view, any arithmetic) are safe to keep.
/// </para>
/// <para>
/// While they live, TorchSharp keeps the pooled arrays pinned. Inside a <c>torch.NewDisposeScope()</c> the tensors
/// are also disposed with the scope; disposing twice is harmless.
/// </para>
/// </remarks>
public sealed class TorchBatch : IDisposable
{
    private readonly bool _ownsBatch;
    private int _disposed;

    internal TorchBatch(ImageBatch batch, Tensor images, Tensor labels, Tensor? targets, bool ownsBatch)
    {
        Batch = batch;
        Images = images;
        Labels = labels;
        Targets = targets;
        _ownsBatch = ownsBatch;
    }

    /// <summary>The batch whose memory the tensors share.</summary>
    public ImageBatch Batch { get; }

    /// <summary>The images, shape N×C×H×W, float32 (or float16 when converted), sharing the batch's memory.</summary>
    public Tensor Images { get; }

    /// <summary>The class indices (hard targets), shape N, int64 (-1 where a sample has no label); a copy.</summary>
    public Tensor Labels { get; }

    /// <summary>The soft targets (one-hot, smoothed and mixed), shape N×K, float32, sharing the batch's memory; null when the collator has no class count.</summary>
    public Tensor? Targets { get; }

    /// <summary>
    /// Copies the tensors to <paramref name="device"/> (always a copy, on the CPU too), so that this object and the
    /// batch can be disposed at once and the loader reuse the memory while the step runs on the copies.
    /// </summary>
    /// <param name="device">Where the copies go, e.g. <c>torch.CPU</c> or <c>torch.CUDA</c>.</param>
    /// <param name="nonBlocking">Whether a host-to-GPU copy may run asynchronously (TorchSharp's <c>non_blocking</c>).</param>
    /// <returns>The copies; the caller disposes them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">This object has been disposed.</exception>
    public DeviceBatch CopyTo(Device device, bool nonBlocking = false)
    {
        ArgumentNullException.ThrowIfNull(device);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Tensor? images = null, labels = null;
        try
        {
            images = Images.to(device, copy: true, non_blocking: nonBlocking);
            labels = Labels.to(device, copy: true, non_blocking: nonBlocking);
            Tensor? targets = Targets?.to(device, copy: true, non_blocking: nonBlocking);
            return new DeviceBatch(device, images, labels, targets);
        }
        catch
        {
            images?.Dispose();
            labels?.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the tensors, then the batch unless it was handed over with <c>disposeBatch: false</c>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Images.Dispose();
        Labels.Dispose();
        Targets?.Dispose();
        if (_ownsBatch)
        {
            Batch.Dispose();
        }

        Batch.Release();
    }
}
