using Augment.Randomness;

namespace Augment.Data;

/// <summary>
/// webdataset's <c>shuffle(n)</c> over a stream: the buffer fills to its capacity, then each item pushed in takes
/// the place of one drawn uniformly from the buffer, which comes out; <see cref="TryDrain"/> empties it in random
/// order at the end. The order depends only on the stream and the random source.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="capacity">The most items held, positive; 1 passes the stream through in order.</param>
/// <param name="random">The random source of the draws.</param>
internal sealed class ShuffleBuffer<T>(int capacity, RandomSource random)
{
    private readonly List<T> _items = new(Math.Min(capacity, 4096));
    private RandomSource _random = random;

    /// <summary>The items held.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>Adds <paramref name="item"/>; once the buffer is full, takes out a random item into <paramref name="emitted"/>.</summary>
    public bool Push(T item, out T emitted)
    {
        _items.Add(item);
        if (_items.Count < capacity)
        {
            emitted = default!;
            return false;
        }

        emitted = TakeRandom();
        return true;
    }

    /// <summary>Takes out a random item, while any is left.</summary>
    public bool TryDrain(out T emitted)
    {
        if (_items.Count == 0)
        {
            emitted = default!;
            return false;
        }

        emitted = TakeRandom();
        return true;
    }

    /// <summary>Forgets every item (after the caller has disposed them).</summary>
    public void Clear() => _items.Clear();

    private T TakeRandom()
    {
        int k = _random.NextInt32(_items.Count);
        T item = _items[k];
        _items[k] = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        return item;
    }
}
