using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>
/// A random transform split in two halves: <see cref="Draw"/> samples a small parameter record from the random
/// stream and the image's shape, and <see cref="Apply(ImageTensor, in TParams)"/> is a pure kernel call with
/// those parameters. A draw can therefore be recorded, inspected and replayed.
/// </summary>
/// <typeparam name="TParams">The parameter record.</typeparam>
public abstract class RandomTransform<TParams> : Transform
    where TParams : struct
{
    /// <summary>Draws the parameters for an image of <paramref name="channels"/> channels and spatial <paramref name="size"/>.</summary>
    /// <param name="channels">The image's channel count.</param>
    /// <param name="size">The image's spatial size.</param>
    /// <param name="random">The random stream.</param>
    /// <returns>The drawn parameters.</returns>
    public abstract TParams Draw(int channels, ImageSize size, ref RandomSource random);

    /// <summary>
    /// Applies previously drawn (or hand-made) parameters. Consumes <paramref name="image"/> as
    /// <see cref="Transform.Apply"/> does: it is disposed afterwards, and the result is another object.
    /// </summary>
    /// <param name="image">The image; ownership passes to the transform.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The transformed image.</returns>
    /// <exception cref="ObjectDisposedException"><paramref name="image"/> is disposed, or was consumed by an earlier transform.</exception>
    public ImageTensor Apply(ImageTensor image, in TParams parameters)
    {
        ThrowIfConsumed(image);
        return HandOff(image, ApplyCore(image, parameters));
    }

    /// <summary>The kernel call: may work in place and return <paramref name="image"/>, or return a new tensor.</summary>
    /// <param name="image">The image, owned by the call.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns><paramref name="image"/> modified in place, or a new tensor.</returns>
    protected abstract ImageTensor ApplyCore(ImageTensor image, in TParams parameters);

    /// <inheritdoc />
    protected sealed override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        TParams parameters = Draw(image.Channels, image.Size, ref random);
        recorder?.Record(this, parameters);
        ImageTensor result = ApplyCore(image, parameters);
        if (recorder is null)
        {
            Release(parameters);
        }

        return result;
    }

    /// <summary>
    /// Gives back pooled memory that drawn <paramref name="parameters"/> hold (an elastic displacement field), once
    /// <see cref="Transform.Apply"/> has applied them and no recorder kept them; recorded parameters keep theirs, so
    /// they can be replayed. Does nothing unless overridden.
    /// </summary>
    /// <param name="parameters">The parameters, no longer used.</param>
    protected virtual void Release(in TParams parameters)
    {
    }
}
