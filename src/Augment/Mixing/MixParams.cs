namespace Augment.Mixing;

/// <summary>
/// The drawn parameters of a mixup / CutMix step, one entry per sample: what to do (<see cref="Kinds"/>), with
/// which partner (<see cref="Partners"/>, a permutation of the batch), the target weight λ
/// (<see cref="Lambdas"/>) and, for CutMix, the box (<see cref="Boxes"/>).
/// </summary>
/// <remarks>
/// An instance is reusable: <see cref="Reset"/> only grows its buffers, so drawing into the same instance batch
/// after batch allocates nothing. Filled by <see cref="Mixup"/>, <see cref="CutMix"/> or <see cref="MixupOrCutMix"/>,
/// or by hand (every span is writable) to replay a known step.
/// </remarks>
public sealed class MixParams
{
    private int[] _partners = [];
    private float[] _lambdas = [];
    private MixKind[] _kinds = [];
    private CutBox[] _boxes = [];

    /// <summary>The batch size N these parameters are for.</summary>
    public int Count { get; private set; }

    /// <summary>The partner of each sample: sample <c>i</c> is mixed with the original sample <c>Partners[i]</c>.</summary>
    public Span<int> Partners => _partners.AsSpan(0, Count);

    /// <summary>The weight of each sample's own image and targets, in [0, 1] (1 keeps the sample).</summary>
    public Span<float> Lambdas => _lambdas.AsSpan(0, Count);

    /// <summary>What happens to each sample.</summary>
    public Span<MixKind> Kinds => _kinds.AsSpan(0, Count);

    /// <summary>The box copied from the partner, for samples of kind <see cref="MixKind.Paste"/>.</summary>
    public Span<CutBox> Boxes => _boxes.AsSpan(0, Count);

    /// <summary>Sizes the parameters for <paramref name="count"/> samples, each kept as it is (identity partner, λ = 1, <see cref="MixKind.None"/>).</summary>
    /// <param name="count">The batch size, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void Reset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (_partners.Length < count)
        {
            _partners = new int[count];
            _lambdas = new float[count];
            _kinds = new MixKind[count];
            _boxes = new CutBox[count];
        }

        Count = count;
        for (int i = 0; i < count; i++)
        {
            _partners[i] = i;
        }

        Lambdas.Fill(1f);
        Kinds.Clear();
        Boxes.Clear();
    }

    /// <inheritdoc />
    public override string ToString() => $"MixParams for {Count} samples";
}
