using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>
/// A random transform of a whole <see cref="ImageBatch"/> (images and soft targets), split like
/// <see cref="Transforms.RandomTransform{TParams}"/>: <see cref="Draw"/> fills a reusable parameter object from the
/// random stream, and <see cref="Apply(ImageBatch, TParams)"/> is a pure kernel call that modifies the batch in place.
/// </summary>
/// <typeparam name="TParams">The parameter object.</typeparam>
/// <remarks>
/// <see cref="Apply(ImageBatch, ref RandomSource)"/> draws into a parameter object cached by the instance, so an
/// instance must not run that overload on two threads at once; the two halves themselves hold no state.
/// </remarks>
public abstract class BatchTransform<TParams>
    where TParams : class, new()
{
    private TParams? _cached;

    /// <summary>Draws the parameters for a batch of <paramref name="batchSize"/> images of spatial <paramref name="size"/>.</summary>
    /// <param name="batchSize">N, positive.</param>
    /// <param name="size">The images' spatial size.</param>
    /// <param name="random">The random stream (one per batch, e.g. keyed by seed, epoch and batch index).</param>
    /// <param name="destination">The parameter object to overwrite.</param>
    public abstract void Draw(int batchSize, ImageSize size, ref RandomSource random, TParams destination);

    /// <summary>Applies drawn (or hand-made) parameters to <paramref name="batch"/> in place.</summary>
    /// <param name="batch">The batch; its images and, if it has any, its soft targets are modified.</param>
    /// <param name="parameters">The parameters, drawn for the batch's size.</param>
    public abstract void Apply(ImageBatch batch, TParams parameters);

    /// <summary>Draws parameters for <paramref name="batch"/> and applies them.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="random">The random stream.</param>
    /// <returns>The parameters used, valid until the next call on this instance.</returns>
    public TParams Apply(ImageBatch batch, ref RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(batch);
        TParams parameters = _cached ??= new TParams();
        Draw(batch.Count, batch.Size, ref random, parameters);
        Apply(batch, parameters);
        return parameters;
    }
}
