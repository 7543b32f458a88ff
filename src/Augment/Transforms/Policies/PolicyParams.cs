using System.Runtime.CompilerServices;
using System.Text;

namespace Augment.Transforms.Policies;

/// <summary>
/// A drawn augmentation policy: the operations to run, in order, with their magnitudes (at most
/// <see cref="MaxSteps"/>), and for AutoAugment the sub-policy they came from. Fixed-size and allocation-free,
/// so it can be recorded, compared and replayed.
/// </summary>
public readonly record struct PolicyParams
{
    /// <summary>The largest number of steps a policy can hold.</summary>
    public const int MaxSteps = 8;

    private readonly StepBuffer _steps;

    /// <summary>Creates a policy from its steps.</summary>
    /// <param name="subPolicy">The AutoAugment sub-policy index, or -1.</param>
    /// <param name="steps">The steps, at most <see cref="MaxSteps"/>.</param>
    /// <exception cref="ArgumentException">There are more than <see cref="MaxSteps"/> steps.</exception>
    public PolicyParams(int subPolicy, ReadOnlySpan<PolicyStep> steps)
    {
        if (steps.Length > MaxSteps)
        {
            throw new ArgumentException($"A policy holds at most {MaxSteps} steps, got {steps.Length}.", nameof(steps));
        }

        SubPolicy = subPolicy;
        Count = steps.Length;
        steps.CopyTo(_steps);
    }

    /// <summary>The AutoAugment sub-policy the steps come from, or -1 for the other policies.</summary>
    public int SubPolicy { get; }

    /// <summary>The number of steps that run.</summary>
    public int Count { get; }

    /// <summary>Step <paramref name="index"/>.</summary>
    /// <param name="index">The index, below <see cref="Count"/>.</param>
    public PolicyStep this[int index] =>
        (uint)index < (uint)Count ? _steps[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"The policy has {Count} steps.");

    /// <inheritdoc />
    public bool Equals(PolicyParams other)
    {
        if (SubPolicy != other.SubPolicy || Count != other.Count)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (_steps[i] != other._steps[i])
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
        hash.Add(SubPolicy);
        for (int i = 0; i < Count; i++)
        {
            hash.Add(_steps[i]);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("SubPolicy = ").Append(SubPolicy).Append(", Steps = [");
        for (int i = 0; i < Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(_steps[i].Op).Append(' ').Append(_steps[i].Magnitude);
        }

        builder.Append(']');
        return true;
    }

    [InlineArray(MaxSteps)]
    private struct StepBuffer
    {
        private PolicyStep _element;
    }
}
