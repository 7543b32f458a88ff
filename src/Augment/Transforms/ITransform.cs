using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>A transform of one CHW image.</summary>
/// <remarks>
/// <para>
/// <b>Ownership.</b> <see cref="Apply"/> takes ownership of its input: it returns either the same instance,
/// modified in place, or a new tensor, in which case it has disposed the input. Callers that need the input
/// afterwards pass a <see cref="ImageTensor.Clone"/>.
/// </para>
/// <para>
/// <b>Randomness.</b> A transform draws every random number from the <see cref="RandomSource"/> it is given and
/// from nowhere else, so a pipeline given the same stream yields bit-identical output on any thread.
/// </para>
/// </remarks>
public interface ITransform
{
    /// <summary>Applies the transform to <paramref name="image"/>.</summary>
    /// <param name="image">The image; ownership passes to the transform.</param>
    /// <param name="random">The random stream to draw from; deterministic transforms leave it untouched.</param>
    /// <param name="recorder">Receives every parameter set drawn, or <see langword="null"/>.</param>
    /// <returns>The transformed image (possibly <paramref name="image"/> itself).</returns>
    ImageTensor Apply(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder = null);
}
