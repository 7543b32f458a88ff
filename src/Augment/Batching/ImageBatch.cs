using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Augment.Imaging;

namespace Augment.Batching;

/// <summary>
/// A batch of N images in one NCHW float32 buffer, with their class indices and, when the batch has
/// <see cref="ClassCount"/> K &gt; 0, a soft-target matrix (N, K). Rented from a <see cref="BatchPool"/> (usually
/// through a <see cref="Collator"/>); <see cref="Dispose"/> returns every buffer.
/// </summary>
/// <remarks>
/// <para>
/// <b>Layout.</b> Sample <c>n</c> occupies <c>[n * C * H * W, (n + 1) * C * H * W)</c> of <see cref="Data"/>
/// (its <see cref="Slot"/>), channel-major inside, exactly like an <see cref="ImageTensor"/>. Target row
/// <c>n</c> occupies <c>[n * K, (n + 1) * K)</c> of <see cref="Targets"/>.
/// </para>
/// <para>
/// <b>Filling from several threads.</b> Producers may write different slots (and their labels) concurrently;
/// each slot must be written by one thread. The consumer must see all writes complete (join the producers)
/// before it calls <see cref="Collator.Complete"/>, mixes or reads the batch.
/// </para>
/// <para>
/// <b>Buffer identity.</b> Buffers are pinned. Some batch operations (RICAP) write into a fresh pooled buffer and
/// swap it in, so take spans and pointers after mixing, not before.
/// </para>
/// </remarks>
public sealed class ImageBatch : IDisposable
{
    private readonly BatchPool _pool;
    private float[]? _data;
    private int[]? _labels;
    private SampleOrigin[]? _origins;
    private float[]? _targets;
    private Half[]? _halves;
    private int _disposed;
    private int _leases;

    internal ImageBatch(BatchPool pool, int count, int channels, int height, int width, int classCount)
    {
        _pool = pool;
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
        _data = pool.RentSingles(Length);
        _labels = pool.RentLabels(count);
        _labels.AsSpan(0, count).Fill(-1);
        _origins = pool.RentOrigins(count);
        _origins.AsSpan(0, count).Fill(SampleOrigin.Unknown);
        if (classCount > 0)
        {
            _targets = pool.RentSingles(count * classCount);
            Targets.Clear();
        }
    }

    /// <summary>The number of samples (N).</summary>
    public int Count { get; }

    /// <summary>The number of channels (C).</summary>
    public int Channels { get; }

    /// <summary>The height in pixels (H).</summary>
    public int Height { get; }

    /// <summary>The width in pixels (W).</summary>
    public int Width { get; }

    /// <summary>The spatial size (H, W).</summary>
    public ImageSize Size => new(Height, Width);

    /// <summary>The number of classes K of the soft-target matrix; 0 when the batch carries class indices only.</summary>
    public int ClassCount { get; }

    /// <summary>The number of elements of one sample, <c>C * H * W</c>.</summary>
    public int SampleLength => Channels * Height * Width;

    /// <summary>The number of image elements, <c>N * C * H * W</c>.</summary>
    public int Length => Count * SampleLength;

    /// <summary>The shape of one sample as text, e.g. <c>3x224x224</c>.</summary>
    public string SampleShapeString => $"{Channels}x{Height}x{Width}";

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>All image elements, NCHW.</summary>
    public Span<float> Data => DataBuffer.AsSpan(0, Length);

    /// <summary>
    /// The class index of each sample (N elements); -1 where a producer has not set one. Mixing leaves them as they
    /// are: after mixup, CutMix or RICAP the truth is <see cref="Targets"/>.
    /// </summary>
    public Span<int> Labels => Live(_labels).AsSpan(0, Count);

    /// <summary>
    /// Where each slot's image came from (N elements): the data loader sets them, with shuffling and with skipped
    /// files replaced; <see cref="SampleOrigin.Unknown"/> where a producer has not set one. Mixing leaves them as they
    /// are (a mixed slot names its own sample, not its partner).
    /// </summary>
    public Span<SampleOrigin> Origins => Live(_origins).AsSpan(0, Count);

    /// <summary>
    /// The soft targets, row-major (N, K): set by <see cref="Collator.Complete"/> from <see cref="Labels"/>
    /// (one-hot, smoothed) and mixed by the batch mixers. Empty when <see cref="ClassCount"/> is 0.
    /// </summary>
    public Span<float> Targets => ClassCount == 0 ? [] : Live(_targets).AsSpan(0, Count * ClassCount);

    internal float[] DataBuffer
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Live(_data);
    }

    internal BatchPool Pool => _pool;

    /// <summary>The pooled soft-target array (longer than <see cref="Targets"/>), for zero-copy interop; null without targets.</summary>
    internal float[]? TargetsBuffer => _targets;

    /// <summary>The pooled float16 array filled by <see cref="ConvertToHalf"/> (longer than <see cref="Length"/>), for zero-copy interop.</summary>
    internal Half[]? HalfBuffer => _halves;

    /// <summary>The <c>C * H * W</c> elements of sample <paramref name="index"/>: where a producer writes it.</summary>
    /// <param name="index">The sample index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, N).</exception>
    public Span<float> Slot(int index)
    {
        ThrowIfIndexOutside(index);
        return DataBuffer.AsSpan(index * SampleLength, SampleLength);
    }

    /// <summary>The <c>H * W</c> elements of channel <paramref name="channel"/> of sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample index.</param>
    /// <param name="channel">The channel index.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Span<float> Plane(int index, int channel)
    {
        if ((uint)channel >= (uint)Channels)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"The batch has {Channels} channels.");
        }

        return Slot(index).Slice(channel * Height * Width, Height * Width);
    }

    /// <summary>A view of the images as an (N, C, H, W) tensor span, without copying.</summary>
    public TensorSpan<float> AsTensorSpan() =>
        new(Data, [Count, Channels, Height, Width], [(nint)SampleLength, Height * Width, Width, 1]);

    /// <summary>A view of the soft targets as an (N, K) tensor span, without copying.</summary>
    /// <exception cref="InvalidOperationException">The batch has no soft targets (<see cref="ClassCount"/> is 0).</exception>
    public TensorSpan<float> TargetsAsTensorSpan()
    {
        if (ClassCount == 0)
        {
            throw new InvalidOperationException("The batch has no soft targets: create it with a positive class count.");
        }

        return new(Targets, [Count, ClassCount], [(nint)ClassCount, 1]);
    }

    /// <summary>
    /// Converts the images to float16 into a pooled buffer that the batch keeps (and reuses on later calls) and
    /// returns it, NCHW like <see cref="Data"/>: half the bytes to send to a GPU. Call it after mixing.
    /// </summary>
    /// <returns>The <c>N * C * H * W</c> float16 elements.</returns>
    public Span<Half> ConvertToHalf()
    {
        Span<float> data = Data;
        _halves ??= _pool.RentHalves(data.Length);
        Span<Half> destination = _halves.AsSpan(0, data.Length);
        TensorPrimitives.ConvertToHalf(data, destination);
        return destination;
    }

    /// <summary>The float16 images of the last <see cref="ConvertToHalf"/> as an (N, C, H, W) tensor span.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ConvertToHalf"/> has not been called.</exception>
    public TensorSpan<Half> HalfAsTensorSpan()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_halves is null)
        {
            throw new InvalidOperationException("Call ConvertToHalf before asking for the float16 view.");
        }

        return new(_halves.AsSpan(0, Length), [Count, Channels, Height, Width], [(nint)SampleLength, Height * Width, Width, 1]);
    }

    /// <summary>
    /// Returns every buffer to the pool, or, while interop tensors still share them (see <see cref="Lease"/>), when
    /// the last of those is released. Further use of the batch throws.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _leases) == 0)
        {
            ReturnBuffers();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsDisposed ? "ImageBatch (disposed)" : $"ImageBatch {Count}x{SampleShapeString}" + (ClassCount > 0 ? $", {ClassCount} classes" : string.Empty);

    /// <summary>
    /// Keeps the buffers out of the pool until <see cref="Release"/>, even if the batch is disposed first: taken by
    /// zero-copy interop (tensors over the pooled arrays) so that they never outlive the memory under them.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The batch has been disposed.</exception>
    internal void Lease()
    {
        Interlocked.Increment(ref _leases);
        if (IsDisposed)
        {
            Release();
            throw new ObjectDisposedException(nameof(ImageBatch), "The batch has been disposed.");
        }
    }

    /// <summary>Ends a <see cref="Lease"/>; the last one of a disposed batch returns its buffers.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && IsDisposed)
        {
            ReturnBuffers();
        }
    }

    // Idempotent: Dispose and the last Release may both get here.
    private void ReturnBuffers()
    {
        if (Interlocked.Exchange(ref _data, null) is { } data)
        {
            _pool.Return(data);
        }

        if (Interlocked.Exchange(ref _labels, null) is { } labels)
        {
            _pool.Return(labels);
        }

        if (Interlocked.Exchange(ref _origins, null) is { } origins)
        {
            _pool.Return(origins);
        }

        if (Interlocked.Exchange(ref _targets, null) is { } targets)
        {
            _pool.Return(targets);
        }

        if (Interlocked.Exchange(ref _halves, null) is { } halves)
        {
            _pool.Return(halves);
        }
    }

    /// <summary>Swaps in <paramref name="data"/> (rented from <see cref="Pool"/>) and returns the old image buffer to the pool.</summary>
    /// <exception cref="InvalidOperationException">Interop tensors share the batch's memory (mix before handing it over).</exception>
    internal void ReplaceData(float[] data)
    {
        if (Volatile.Read(ref _leases) != 0)
        {
            _pool.Return(data);
            throw new InvalidOperationException("The batch's images are shared with tensors (ToTorch): mix the batch before handing it over.");
        }

        float[] old = DataBuffer;
        _data = data;
        _pool.Return(old);
    }

    /// <summary>Throws unless <paramref name="index"/> is a sample index.</summary>
    internal void ThrowIfIndexOutside(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The batch holds {Count} samples.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T[] Live<T>(T[]? buffer) => buffer is not null && _disposed == 0 ? buffer : ThrowDisposed<T>();

    private T[] ThrowDisposed<T>() => throw new ObjectDisposedException(nameof(ImageBatch), "The batch has been disposed.");
}
