using System.Collections.Concurrent;
using Augment.Batching;
using Augment.Mixing;
using Augment.Randomness;

namespace Augment.Data;

/// <summary>
/// A batch transform (<see cref="Mixup"/>, <see cref="CutMix"/>, <see cref="Ricap"/>, …) as a
/// <see cref="DataLoader"/> runs it: on the worker thread that finishes a batch, with its parameters drawn into
/// objects reused per thread, so several batches are mixed at once.
/// </summary>
public abstract class BatchStage
{
    private protected BatchStage()
    {
    }

    /// <summary>Wraps <paramref name="transform"/> for <see cref="DataLoaderOptions.BatchTransforms"/>.</summary>
    /// <typeparam name="TParams">The transform's parameter object.</typeparam>
    /// <param name="transform">The batch transform.</param>
    public static BatchStage Of<TParams>(BatchTransform<TParams> transform)
        where TParams : class, new() => new Stage<TParams>(transform ?? throw new ArgumentNullException(nameof(transform)));

    /// <summary>Draws parameters for <paramref name="batch"/> from <paramref name="random"/> and applies them. Thread-safe.</summary>
    /// <param name="batch">The finished batch.</param>
    /// <param name="random">The batch's random stream.</param>
    internal abstract void Apply(ImageBatch batch, ref RandomSource random);

    private sealed class Stage<TParams>(BatchTransform<TParams> transform) : BatchStage
        where TParams : class, new()
    {
        private readonly ConcurrentBag<TParams> _idle = [];

        internal override void Apply(ImageBatch batch, ref RandomSource random)
        {
            if (!_idle.TryTake(out TParams? parameters))
            {
                parameters = new TParams();
            }

            try
            {
                transform.Draw(batch.Count, batch.Size, ref random, parameters);
                transform.Apply(batch, parameters);
            }
            finally
            {
                _idle.Add(parameters);
            }
        }
    }
}
