using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>
/// The base of the library's transforms: it enforces the ownership rule of <see cref="ITransform"/> for every one of
/// them. <see cref="Apply"/> consumes its input, whether the transform works in place or writes a new tensor: the
/// input object is always disposed afterwards, and the result is always another object (holding the same pixels
/// when the work was done in place, moved there without a copy by <see cref="ImageTensor.Transfer"/>). Reusing an input
/// for a second view therefore throws <see cref="ObjectDisposedException"/> for every transform, instead of
/// silently overwriting the first view for some.
/// </summary>
public abstract class Transform : ITransform
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException"><paramref name="image"/> is disposed, or was consumed by an earlier transform.</exception>
    public ImageTensor Apply(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null)
    {
        ThrowIfConsumed(image);
        return HandOff(image, ApplyCore(image, ref random, recorder));
    }

    /// <summary>The transform itself: may work in place and return <paramref name="image"/>, or return a new tensor.</summary>
    /// <param name="image">The image, owned by the call.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="recorder">Receives the parameters drawn, or <see langword="null"/>.</param>
    /// <returns><paramref name="image"/> modified in place, or a new tensor.</returns>
    protected abstract ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder);

    /// <summary>
    /// Applies <paramref name="transform"/> to an image that the caller owns and never shows anyone (a composite's
    /// intermediate, a loader worker's sample): as <see cref="ITransform.Apply"/>, except that a library transform that
    /// works in place returns the same object instead of handing its pixels to a new one. The handoff only matters
    /// where a caller could reuse the input, so skipping it here saves an object per step.
    /// </summary>
    /// <param name="transform">The transform.</param>
    /// <param name="image">The image, consumed: the result, or disposed.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="recorder">Receives the parameters drawn, or <see langword="null"/>.</param>
    /// <returns><paramref name="image"/> modified in place, or a new tensor (then <paramref name="image"/> is disposed).</returns>
    internal static ImageTensor ApplyPrivately(ITransform transform, ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null)
    {
        if (transform is not Transform own)
        {
            return transform.Apply(image, ref random, recorder);
        }

        ThrowIfConsumed(image);
        ImageTensor result = own.ApplyCore(image, ref random, recorder);
        if (!ReferenceEquals(result, image))
        {
            image.Dispose();
        }

        return result;
    }

    /// <summary>Throws unless <paramref name="image"/> is a live tensor.</summary>
    private protected static void ThrowIfConsumed(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(image.IsDisposed, image);
    }

    /// <summary>Returns <paramref name="result"/> as a tensor other than <paramref name="input"/>, with <paramref name="input"/> disposed.</summary>
    private protected static ImageTensor HandOff(ImageTensor input, ImageTensor result)
    {
        if (ReferenceEquals(result, input))
        {
            return input.Transfer();
        }

        input.Dispose();
        return result;
    }
}
