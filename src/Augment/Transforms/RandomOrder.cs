using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms;

/// <summary>The drawn order of a <see cref="RandomOrder"/>: transform indices packed four bits each, first in the lowest bits.</summary>
/// <param name="Packed">The packed permutation.</param>
/// <param name="Count">The number of transforms.</param>
public readonly record struct OrderParams(ulong Packed, int Count)
{
    /// <summary>Returns the index of the transform that runs at step <paramref name="step"/>.</summary>
    /// <param name="step">The step, in [0, <see cref="Count"/>).</param>
    public int this[int step] => (int)((Packed >> (4 * step)) & 0xF);

    /// <summary>Packs a permutation of at most 16 indices.</summary>
    /// <param name="order">The permutation.</param>
    public static OrderParams FromOrder(ReadOnlySpan<int> order)
    {
        if (order.Length > RandomOrder.MaxTransforms)
        {
            throw new ArgumentException($"At most {RandomOrder.MaxTransforms} transforms can be ordered, got {order.Length}.", nameof(order));
        }

        ulong packed = 0;
        for (int i = 0; i < order.Length; i++)
        {
            packed |= (ulong)(uint)order[i] << (4 * i);
        }

        return new OrderParams(packed, order.Length);
    }
}

/// <summary>Applies every transform once, in an order drawn uniformly at random (torchvision's RandomOrder).</summary>
/// <remarks>Transform <c>i</c> draws from <c>random.Fork(i + 1)</c> wherever it runs in the order.</remarks>
public sealed class RandomOrder : Transform, ICompositeTransform
{
    /// <summary>The largest number of transforms a <see cref="RandomOrder"/> takes.</summary>
    public const int MaxTransforms = 16;

    private readonly ITransform[] _transforms;

    /// <summary>Creates the transform.</summary>
    /// <param name="transforms">One to <see cref="MaxTransforms"/> transforms.</param>
    public RandomOrder(params IReadOnlyList<ITransform> transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Count is 0 or > MaxTransforms)
        {
            throw new ArgumentOutOfRangeException(nameof(transforms), transforms.Count, $"RandomOrder takes 1 to {MaxTransforms} transforms.");
        }

        _transforms = [.. transforms];
        for (int i = 0; i < _transforms.Length; i++)
        {
            if (_transforms[i] is null)
            {
                throw new ArgumentNullException(nameof(transforms), $"Transform #{i} is null.");
            }
        }
    }

    /// <summary>The transforms, in their given order.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    /// <inheritdoc />
    IReadOnlyList<ITransform> ICompositeTransform.Children => _transforms;

    /// <summary>Draws an order.</summary>
    /// <param name="random">The random stream.</param>
    public OrderParams Draw(ref RandomSource random)
    {
        Span<int> order = stackalloc int[_transforms.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return OrderParams.FromOrder(order);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, ref RandomSource random, IParameterRecorder? recorder)
    {
        OrderParams order = Draw(ref random);
        recorder?.Record(this, order);
        for (int step = 0; step < order.Count; step++)
        {
            int index = order[step];
            RandomSource child = random.Fork(index + 1);
            image = ApplyPrivately(_transforms[index], image, ref child, recorder);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomOrder([{string.Join(", ", _transforms.Select(t => t.ToString()))}])";
}
