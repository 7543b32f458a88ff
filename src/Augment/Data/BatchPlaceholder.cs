// TEMPORARY stand-in for the `batch` helper's Augment.Batching types; deleted when that branch is merged.
using Augment.Imaging;

namespace Augment.Batching;

/// <summary>Placeholder.</summary>
public sealed class BatchPool
{
    private int _outstanding;

    /// <summary>Placeholder.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Placeholder.</summary>
    /// <param name="count">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="size">HW.</param>
    /// <param name="classCount">K.</param>
    public ImageBatch Rent(int count, int channels, ImageSize size, int classCount = 0)
    {
        Interlocked.Increment(ref _outstanding);
        return new ImageBatch(this, count, channels, size.Height, size.Width);
    }

    internal void Return() => Interlocked.Decrement(ref _outstanding);
}

/// <summary>Placeholder.</summary>
public sealed class ImageBatch : IDisposable
{
    private readonly BatchPool _pool;
    private float[]? _data;
    private readonly int[] _labels;

    internal ImageBatch(BatchPool pool, int count, int channels, int height, int width)
    {
        _pool = pool;
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        _data = new float[count * channels * height * width];
        _labels = new int[count];
    }

    /// <summary>Placeholder.</summary>
    public int Count { get; }

    /// <summary>Placeholder.</summary>
    public int Channels { get; }

    /// <summary>Placeholder.</summary>
    public int Height { get; }

    /// <summary>Placeholder.</summary>
    public int Width { get; }

    /// <summary>Placeholder.</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>Placeholder.</summary>
    public int SampleLength => Channels * Height * Width;

    /// <summary>Placeholder.</summary>
    public Span<float> Data => _data!.AsSpan(0, Count * SampleLength);

    /// <summary>Placeholder.</summary>
    public Span<int> Labels => _labels;

    /// <summary>Placeholder.</summary>
    /// <param name="index">n.</param>
    public Span<float> Slot(int index) => _data!.AsSpan(index * SampleLength, SampleLength);

    /// <summary>Placeholder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _data, null) is not null)
        {
            _pool.Return();
        }
    }
}

/// <summary>Placeholder.</summary>
public sealed class Collator
{
    /// <summary>Placeholder.</summary>
    /// <param name="pool">Pool.</param>
    public Collator(BatchPool? pool = null) => Pool = pool ?? new BatchPool();

    /// <summary>Placeholder.</summary>
    public BatchPool Pool { get; }

    /// <summary>Placeholder.</summary>
    /// <param name="count">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="size">HW.</param>
    public ImageBatch Rent(int count, int channels, ImageSize size) => Pool.Rent(count, channels, size);

    /// <summary>Placeholder.</summary>
    /// <param name="batch">B.</param>
    /// <param name="index">I.</param>
    /// <param name="image">Img.</param>
    /// <param name="label">L.</param>
    public void Write(ImageBatch batch, int index, ImageTensor image, int label = -1)
    {
        image.Data.CopyTo(batch.Slot(index));
        batch.Labels[index] = label;
    }

    /// <summary>Placeholder.</summary>
    /// <param name="batch">B.</param>
    public ImageBatch Complete(ImageBatch batch) => batch;
}
