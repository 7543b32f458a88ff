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
/// The batch's memory goes back to its pool when the batch is disposed, and the next batch will overwrite it, so the
/// tensors are only valid until <see cref="Dispose"/>, which disposes them and then (by default) the batch. Anything
/// that shares their storage (<c>view</c>, <c>reshape</c>, slicing, <c>requires_grad_</c>) must not outlive it either;
/// operations that produce new storage (<c>to(CUDA)</c>, <c>clone()</c>, <c>contiguous()</c> of a permuted view, any
/// arithmetic) are safe to keep.
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

    /// <summary>The class indices, shape N, int64 (-1 where a sample has no label); a copy.</summary>
    public Tensor Labels { get; }

    /// <summary>The soft targets (one-hot, smoothed and mixed), shape N×K, float32, sharing the batch's memory; null when the collator has no class count.</summary>
    public Tensor? Targets { get; }

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
    }
}
