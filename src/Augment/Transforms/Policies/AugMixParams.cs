using System.Runtime.CompilerServices;
using System.Text;

namespace Augment.Transforms.Policies;

/// <summary>
/// A drawn AugMix: the operation chain of each of the <see cref="Width"/> branches (its depth is the chain's
/// <see cref="PolicyParams.Count"/>), the Dirichlet weight of each branch, and the Beta weight <see cref="MixingWeight"/>
/// of the mixed branches against the original. The output is
/// <c>(1 - m) · x + m · Σ_i w_i · chain_i(x)</c>. Fixed-size and allocation-free, so it can be recorded and replayed.
/// </summary>
public readonly record struct AugMixParams
{
    /// <summary>The largest number of branches (mixture width).</summary>
    public const int MaxWidth = 8;

    private readonly ChainBuffer _chains;
    private readonly WeightBuffer _weights;

    /// <summary>Creates the parameters.</summary>
    /// <param name="mixingWeight">m, the weight of the mixed branches, in [0, 1]; the original keeps <c>1 - m</c>.</param>
    /// <param name="weights">The branch weights w_i, non-negative (AugMix's sum to one); one per chain.</param>
    /// <param name="chains">The operation chain of each branch, 1 to <see cref="MaxWidth"/> of them.</param>
    /// <exception cref="ArgumentException">The spans differ in length, are empty or longer than <see cref="MaxWidth"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or NaN, or m lies outside [0, 1].</exception>
    public AugMixParams(float mixingWeight, ReadOnlySpan<float> weights, ReadOnlySpan<PolicyParams> chains)
    {
        if (chains.IsEmpty || chains.Length > MaxWidth || weights.Length != chains.Length)
        {
            throw new ArgumentException($"AugMix needs 1 to {MaxWidth} chains with one weight each; got {chains.Length} chains and {weights.Length} weights.", nameof(chains));
        }

        if (!(mixingWeight >= 0f && mixingWeight <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(mixingWeight), mixingWeight, $"The mixing weight must lie in [0, 1], got {mixingWeight}.");
        }

        foreach (float weight in weights)
        {
            if (!(weight >= 0f) || float.IsInfinity(weight))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"Branch weights must be finite and non-negative, got {weight}.");
            }
        }

        MixingWeight = mixingWeight;
        Width = chains.Length;
        chains.CopyTo(_chains);
        weights.CopyTo(_weights);
    }

    /// <summary>m, the weight of the mixed branches (a Beta(α, α) draw); the original image keeps <c>1 - m</c>.</summary>
    public float MixingWeight { get; }

    /// <summary>The number of branches.</summary>
    public int Width { get; }

    /// <summary>The operation chain of branch <paramref name="index"/>.</summary>
    /// <param name="index">The branch, below <see cref="Width"/>.</param>
    public PolicyParams Chain(int index) =>
        (uint)index < (uint)Width ? _chains[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"AugMix has {Width} branches.");

    /// <summary>The weight w_i of branch <paramref name="index"/> (a Dirichlet(α, …, α) component).</summary>
    /// <param name="index">The branch, below <see cref="Width"/>.</param>
    public float Weight(int index) =>
        (uint)index < (uint)Width ? _weights[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"AugMix has {Width} branches.");

    /// <inheritdoc />
    public bool Equals(AugMixParams other)
    {
        if (MixingWeight != other.MixingWeight || Width != other.Width)
        {
            return false;
        }

        for (int i = 0; i < Width; i++)
        {
            if (_weights[i] != other._weights[i] || _chains[i] != other._chains[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(MixingWeight);
        for (int i = 0; i < Width; i++)
        {
            hash.Add(_weights[i]);
            hash.Add(_chains[i]);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("MixingWeight = ").Append(MixingWeight).Append(", Branches = [");
        for (int i = 0; i < Width; i++)
        {
            builder.Append(i == 0 ? string.Empty : "; ").Append(_weights[i]).Append(": ");
            PolicyParams chain = _chains[i];
            for (int s = 0; s < chain.Count; s++)
            {
                builder.Append(s == 0 ? string.Empty : ", ").Append(chain[s].Op).Append(' ').Append(chain[s].Magnitude);
            }
        }

        builder.Append(']');
        return true;
    }

    [InlineArray(MaxWidth)]
    private struct ChainBuffer
    {
        private PolicyParams _element;
    }

    [InlineArray(MaxWidth)]
    private struct WeightBuffer
    {
        private float _element;
    }
}
