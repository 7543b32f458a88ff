using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>Applies transforms one after the other. Child <c>i</c> draws from <c>random.Fork(i)</c>.</summary>
public sealed class Compose : Transform, ICompositeTransform
{
    private readonly ITransform[] _transforms;

    /// <summary>Creates a sequence of transforms.</summary>
    /// <param name="transforms">The transforms, in order; none may be <see langword="null"/>.</param>
    public Compose(params IEnumerable<ITransform> transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        _transforms = [.. transforms];
        for (int i = 0; i < _transforms.Length; i++)
        {
            if (_transforms[i] is null)
            {
                throw new ArgumentNullException(nameof(transforms), $"Transform #{i} is null.");
            }
        }
    }

    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <inheritdoc />
    IReadOnlyList<ITransform> ICompositeTransform.Children => _transforms;

    /// <summary>The stream child <paramref name="index"/> draws from: the one rule, shared with the loader's fused planner.</summary>
    /// <param name="random">The sequence's stream.</param>
    /// <param name="index">The child's index.</param>
    /// <returns>The child's stream.</returns>
    internal static RandomSource ChildStream(RandomSource random, int index) => random.Fork(index);

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (int i = 0; i < _transforms.Length; i++)
        {
            RandomSource child = ChildStream(random, i);
            image = ApplyPrivately(_transforms[i], image, ref child, recorder);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Compose([{string.Join(", ", _transforms.Select(t => t.ToString()))}])";
}
