using System.Runtime.CompilerServices;

namespace Augment.Transforms.Occlusion;

/// <summary>
/// Up to <see cref="Capacity"/> boxes stored inline, so that a parameter record holding them stays a small value
/// with no heap allocation (the drawn holes of <see cref="Cutout"/> and boxes of <see cref="RandomErasing"/>).
/// </summary>
public readonly struct BoxList : IEquatable<BoxList>
{
    /// <summary>The largest number of boxes a list holds.</summary>
    public const int Capacity = 8;

    private readonly Storage _boxes;

    /// <summary>Copies <paramref name="boxes"/> into a new list.</summary>
    /// <param name="boxes">At most <see cref="Capacity"/> boxes.</param>
    /// <exception cref="ArgumentException">There are more than <see cref="Capacity"/> boxes.</exception>
    public BoxList(ReadOnlySpan<PixelBox> boxes)
    {
        if (boxes.Length > Capacity)
        {
            throw new ArgumentException($"A box list holds at most {Capacity} boxes, got {boxes.Length}.", nameof(boxes));
        }

        boxes.CopyTo(_boxes);
        Count = boxes.Length;
    }

    /// <summary>The number of boxes.</summary>
    public int Count { get; }

    /// <summary>Returns box <paramref name="index"/>.</summary>
    /// <param name="index">The index, in [0, <see cref="Count"/>).</param>
    public PixelBox this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _boxes[index];
        }
    }

    /// <summary>Whether two lists hold the same boxes in the same order.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    public static bool operator ==(BoxList left, BoxList right) => left.Equals(right);

    /// <summary>Whether two lists differ.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    public static bool operator !=(BoxList left, BoxList right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BoxList other)
    {
        if (other.Count != Count)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (_boxes[i] != other._boxes[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoxList other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        for (int i = 0; i < Count; i++)
        {
            hash.Add(_boxes[i]);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new System.Text.StringBuilder("[");
        for (int i = 0; i < Count; i++)
        {
            text.Append(i > 0 ? ", " : string.Empty).Append(_boxes[i]);
        }

        return text.Append(']').ToString();
    }

    [InlineArray(Capacity)]
    private struct Storage
    {
        private PixelBox _element;
    }
}
