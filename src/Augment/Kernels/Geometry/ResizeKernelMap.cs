using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// The precomputed weights of a one-dimensional resampling from <see cref="SourceLength"/> samples to
/// <see cref="DestinationLength"/> samples, in three layouts:
/// <list type="bullet">
/// <item><b>Tap form</b>, per output <c>i</c>: the first source index <see cref="Start"/>, the tap count
/// <see cref="Length"/> and the weights (a row of <see cref="MaxTaps"/> floats). The vertical pass and the scalar
/// code read it.</item>
/// <item><b>Band form</b>, per block of <see cref="BlockWidth"/> consecutive outputs: the first source index, the
/// band length <c>L</c> and a dense <c>L x BlockWidth</c> weight matrix (zero outside each output's taps), so that
/// the horizontal pass is <c>L</c> multiply-adds of a broadcast source sample by a weight row, with no gathers and no
/// horizontal sums. The last block overlaps the previous one when the length is not a multiple of the width.</item>
/// <item><b>Window form</b> (16-lane maps whose bands all fit in 32 source samples): per block, a window start and,
/// per tap, a vector of window indices and one of weights, for the AVX-512 permute pass
/// (<see cref="HasWindowForm"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// Antialiased weights follow PIL's <c>ImagingResample</c> (and ATen's <c>_upsample_bilinear2d_aa</c> /
/// <c>_upsample_bicubic2d_aa</c>): <c>scale = in / out</c>, <c>support = filterSupport * max(scale, 1)</c>,
/// <c>centre = (i + 0.5) * scale</c>, taps <c>[int(centre - support + 0.5), int(centre + support + 0.5))</c> clipped
/// to the source, weight <c>filter((j - centre + 0.5) / max(scale, 1))</c>, normalised per output. Taps of weight zero
/// at either end are dropped. A mirrored map gives output <c>i</c> the taps of output <c>out - 1 - i</c>.
/// <para>
/// A map owns its arrays and <see cref="Build"/> refills them in place for new arguments, growing (never shrinking)
/// the ones that are too small, so rebuilding a map allocates nothing once it has held a map at least as large. The
/// arrays may be longer than the current map: every accessor reads the logical sizes (<see cref="DestinationLength"/>,
/// <see cref="MaxTaps"/>, <see cref="BlockCount"/>), never an array's length.
/// </para>
/// </remarks>
internal sealed class ResizeKernelMap
{
    // The tap form: DestinationLength starts and lengths, and DestinationLength rows of MaxTaps weights.
    private int[] _starts = [];
    private int[] _lengths = [];
    private float[] _weights = [];

    // The band form's own arrays, used when BlockWidth > 1; one lane wide, the band form is the tap form itself.
    private int[] _ownBlockStarts = [];
    private int[] _ownBlockLengths = [];
    private float[] _ownBandWeights = [];

    // The band form the accessors read: the arrays above, or the tap form's.
    private int[] _blockStarts = [];
    private int[] _blockLengths = [];
    private float[] _bandWeights = [];
    private int[] _blockOffsets = [];

    private int[] _windowStarts = [];
    private int[] _windowIndices = [];
    private float[] _windowWeights = [];

    // One output's taps in double precision, before they are trimmed and rounded to float.
    private double[] _row = [];

    /// <summary>The number of source samples.</summary>
    public int SourceLength { get; private set; }

    /// <summary>The number of output samples.</summary>
    public int DestinationLength { get; private set; }

    /// <summary>The largest tap count of any output: the stride of a tap-form weight row.</summary>
    public int MaxTaps { get; private set; }

    /// <summary>The sum of all tap counts.</summary>
    public int TapCount { get; private set; }

    /// <summary>The number of outputs per band block (the lane count of the horizontal pass).</summary>
    public int BlockWidth { get; private set; }

    /// <summary>The number of band blocks; zero when <see cref="DestinationLength"/> is below <see cref="BlockWidth"/>.</summary>
    public int BlockCount { get; private set; }

    /// <summary>The sum of the band lengths: the number of lane-wide multiply-adds per row of the horizontal pass.</summary>
    public int BandLength { get; private set; }

    /// <summary>Whether every output copies the source sample of the same index.</summary>
    public bool IsIdentity { get; private set; }

    /// <summary>
    /// Whether the map has a <b>window form</b>: 16-lane blocks whose bands all fit in a window of
    /// <see cref="WindowLength"/> consecutive source samples, stored per tap <c>k</c> as a vector of window indices
    /// and a vector of weights, so that the horizontal pass is <see cref="MaxTaps"/> two-register permutes and
    /// multiply-adds per block instead of one multiply-add per band row.
    /// </summary>
    public bool HasWindowForm { get; private set; }

    /// <summary>The number of source samples one block of the window form reads.</summary>
    public const int WindowLength = 32;

    /// <summary>The first source index of output <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Start(int i) => _starts[i];

    /// <summary>The tap count of output <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Length(int i) => _lengths[i];

    /// <summary>The tap weights of output <paramref name="i"/> (<see cref="Length"/> of them).</summary>
    public ReadOnlySpan<float> Weights(int i) => _weights.AsSpan(i * MaxTaps, _lengths[i]);

    /// <summary>A reference to the first tap weight of output <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref float WeightsReference(int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), (nint)i * MaxTaps);

    /// <summary>The first output of band block <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BlockFirstOutput(int b) => b == BlockCount - 1 ? DestinationLength - BlockWidth : b * BlockWidth;

    /// <summary>The first source index of band block <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BlockStart(int b) => _blockStarts[b];

    /// <summary>The band length of block <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BlockLength(int b) => _blockLengths[b];

    /// <summary>A reference to the first weight row of band block <paramref name="b"/> (rows of <see cref="BlockWidth"/> floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref float BandReference(int b) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bandWeights), _blockOffsets[b]);

    /// <summary>The first source index of the window of block <paramref name="b"/> (window form only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int WindowStart(int b) => _windowStarts[b];

    /// <summary>The window indices of block <paramref name="b"/>: <see cref="MaxTaps"/> rows of 16 (window form only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref int WindowIndexReference(int b) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_windowIndices), (nint)b * MaxTaps * 16);

    /// <summary>The weights of block <paramref name="b"/>: <see cref="MaxTaps"/> rows of 16, zero past each output's taps (window form only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref float WindowWeightReference(int b) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_windowWeights), (nint)b * MaxTaps * 16);

    /// <summary>Builds a new map (see <see cref="Build"/>).</summary>
    /// <param name="sourceLength">The number of source samples, positive.</param>
    /// <param name="destinationLength">The number of output samples, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic use PIL's antialiased filters (ignored by nearest).</param>
    /// <param name="mirror">Whether output <c>i</c> takes the taps of output <c>out - 1 - i</c>.</param>
    /// <param name="blockWidth">The lane count of the band form, positive.</param>
    public static ResizeKernelMap Create(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias, bool mirror, int blockWidth)
    {
        var map = new ResizeKernelMap();
        map.Build(sourceLength, destinationLength, interpolation, antialias, mirror, blockWidth);
        return map;
    }

    /// <summary>
    /// Rebuilds this map in place for the given arguments, replacing whatever it held; it allocates only where an
    /// array is too small for the new map. The arguments are validated before anything changes.
    /// </summary>
    /// <param name="sourceLength">The number of source samples, positive.</param>
    /// <param name="destinationLength">The number of output samples, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic use PIL's antialiased filters (ignored by nearest).</param>
    /// <param name="mirror">Whether output <c>i</c> takes the taps of output <c>out - 1 - i</c>.</param>
    /// <param name="blockWidth">The lane count of the band form, positive.</param>
    public void Build(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias, bool mirror, int blockWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(destinationLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockWidth);
        int bound = TapBound(sourceLength, destinationLength, interpolation, antialias);
        SourceLength = sourceLength;
        DestinationLength = destinationLength;
        BlockWidth = blockWidth;
        BuildTapForm(interpolation, antialias, mirror, bound);
        BuildBandForm();
        HasWindowForm = BuildWindowForm();
    }

    // Taps are computed into rows of `bound` weights, then packed to rows of MaxTaps once the largest count is known.
    private void BuildTapForm(Interpolation interpolation, bool antialias, bool mirror, int bound)
    {
        int sourceLength = SourceLength, destinationLength = DestinationLength;
        Grow(ref _starts, destinationLength);
        Grow(ref _lengths, destinationLength);
        Grow(ref _weights, checked(destinationLength * bound));
        Grow(ref _row, bound);
        Span<double> row = _row.AsSpan(0, bound);
        double scale = (double)sourceLength / destinationLength;
        int maxTaps = 1, tapCount = 0;
        bool identity = sourceLength == destinationLength;
        for (int i = 0; i < destinationLength; i++)
        {
            int o = mirror ? destinationLength - 1 - i : i;
            (int start, int count) = interpolation switch
            {
                Interpolation.Nearest => Nearest(o, scale, sourceLength, row),
                Interpolation.Bilinear when antialias => Antialiased<TriangleFilter>(o, scale, sourceLength, row),
                Interpolation.Bicubic when antialias => Antialiased<CubicFilter>(o, scale, sourceLength, row),
                Interpolation.Bilinear => Linear(o, scale, sourceLength, row),
                Interpolation.Bicubic => Cubic(o, scale, sourceLength, row),
                _ => throw new UnreachableException(),
            };
            (int first, int length) = Trim(row[..count]);
            Span<float> weights = _weights.AsSpan(i * bound, length);
            for (int k = 0; k < length; k++)
            {
                weights[k] = (float)row[first + k];
            }

            _starts[i] = start + first;
            _lengths[i] = length;
            tapCount += length;
            maxTaps = Math.Max(maxTaps, length);
            identity &= length == 1 && start + first == i && weights[0] == 1f;
        }

        // Pack the rows to a stride of MaxTaps, zero past each output's taps; row i moves down, never past row i + 1.
        for (int i = 0; i < destinationLength; i++)
        {
            int length = _lengths[i];
            _weights.AsSpan(i * bound, length).CopyTo(_weights.AsSpan(i * maxTaps));
            _weights.AsSpan((i * maxTaps) + length, maxTaps - length).Clear();
        }

        MaxTaps = maxTaps;
        TapCount = tapCount;
        IsIdentity = identity;
    }

    // The band form exists only when at least one whole block fits. One lane wide, it is the tap form itself.
    private void BuildBandForm()
    {
        int blockWidth = BlockWidth, maxTaps = MaxTaps;
        int blockCount = DestinationLength >= blockWidth ? (DestinationLength + blockWidth - 1) / blockWidth : 0;
        BlockCount = blockCount;
        Grow(ref _blockOffsets, blockCount);
        if (blockWidth == 1)
        {
            _blockStarts = _starts;
            _blockLengths = _lengths;
            _bandWeights = _weights;
            for (int i = 0; i < blockCount; i++)
            {
                _blockOffsets[i] = i * maxTaps;
            }

            BandLength = TapCount;
            return;
        }

        Grow(ref _ownBlockStarts, blockCount);
        Grow(ref _ownBlockLengths, blockCount);
        _blockStarts = _ownBlockStarts;
        _blockLengths = _ownBlockLengths;
        int total = 0;
        for (int b = 0; b < blockCount; b++)
        {
            int first = BlockFirstOutput(b);
            int lo = int.MaxValue, hi = int.MinValue;
            for (int lane = 0; lane < blockWidth; lane++)
            {
                lo = Math.Min(lo, _starts[first + lane]);
                hi = Math.Max(hi, _starts[first + lane] + _lengths[first + lane]);
            }

            _blockStarts[b] = lo;
            _blockLengths[b] = hi - lo;
            _blockOffsets[b] = total;
            total += (hi - lo) * blockWidth;
        }

        BandLength = total / blockWidth;
        Grow(ref _ownBandWeights, total);
        _bandWeights = _ownBandWeights;
        _bandWeights.AsSpan(0, total).Clear();
        for (int b = 0; b < blockCount; b++)
        {
            int first = BlockFirstOutput(b);
            for (int lane = 0; lane < blockWidth; lane++)
            {
                int i = first + lane;
                for (int k = 0; k < _lengths[i]; k++)
                {
                    int row = _starts[i] + k - _blockStarts[b];
                    _bandWeights[_blockOffsets[b] + (row * blockWidth) + lane] = _weights[(i * maxTaps) + k];
                }
            }
        }
    }

    // The window form exists for 16-lane maps whose every block band fits in WindowLength samples of the source.
    private bool BuildWindowForm()
    {
        if (BlockWidth != 16 || BlockCount == 0 || SourceLength < WindowLength)
        {
            return false;
        }

        int maxTaps = MaxTaps;
        Grow(ref _windowStarts, BlockCount);
        Grow(ref _windowIndices, BlockCount * maxTaps * 16);
        Grow(ref _windowWeights, BlockCount * maxTaps * 16);
        for (int b = 0; b < BlockCount; b++)
        {
            int window = Math.Min(_blockStarts[b], SourceLength - WindowLength);
            if (_blockStarts[b] + _blockLengths[b] > window + WindowLength)
            {
                return false;
            }

            _windowStarts[b] = window;
            int first = BlockFirstOutput(b);
            for (int k = 0; k < maxTaps; k++)
            {
                for (int lane = 0; lane < 16; lane++)
                {
                    int i = first + lane;
                    int slot = (((b * maxTaps) + k) * 16) + lane;
                    _windowIndices[slot] = Math.Min(_starts[i] + k - window, WindowLength - 1);
                    _windowWeights[slot] = k < _lengths[i] ? _weights[(i * maxTaps) + k] : 0f;
                }
            }
        }

        return true;
    }

    // The most taps any output can have before trimming: the width of a tap row. An antialiased output spans
    // [int(c - s + 0.5), int(c + s + 0.5)) clipped to the source, at most ceil(2s) + 1 samples.
    private static int TapBound(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias)
    {
        double filterScale = Math.Max((double)sourceLength / destinationLength, 1.0);
        double bound = interpolation switch
        {
            Interpolation.Nearest => 1,
            Interpolation.Bilinear when antialias => Math.Ceiling(2.0 * TriangleFilter.Support * filterScale) + 2,
            Interpolation.Bicubic when antialias => Math.Ceiling(2.0 * CubicFilter.Support * filterScale) + 2,
            Interpolation.Bilinear => 2,
            Interpolation.Bicubic => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Unknown interpolation."),
        };
        return (int)Math.Min(bound, sourceLength);
    }

    // Makes `array` hold at least `length` elements, replacing it (contents dropped) only when it is too short. The
    // new length is rounded up to a power of two, so that maps of ever so slightly larger random crops do not each
    // grow it again.
    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), (uint)Array.MaxLength)];
        }
    }

    private static (int Start, int Count) Nearest(int i, double scale, int sourceLength, Span<double> row)
    {
        row[0] = 1.0;
        return (Math.Min((int)Math.Floor((i + 0.5) * scale), sourceLength - 1), 1);
    }

    private static (int Start, int Count) Antialiased<TFilter>(int i, double scale, int sourceLength, Span<double> row)
        where TFilter : struct, IResamplingFilter
    {
        double filterScale = Math.Max(scale, 1.0);
        double support = TFilter.Support * filterScale;
        double centre = (i + 0.5) * scale;
        double inverse = 1.0 / filterScale;
        int min = Math.Max((int)(centre - support + 0.5), 0);
        int count = Math.Min((int)(centre + support + 0.5), sourceLength) - min;
        Span<double> weights = row[..count];
        double total = 0.0;
        for (int j = 0; j < weights.Length; j++)
        {
            double w = TFilter.Evaluate((j + min - centre + 0.5) * inverse);
            weights[j] = w;
            total += w;
        }

        if (total != 0.0)
        {
            for (int j = 0; j < weights.Length; j++)
            {
                weights[j] /= total;
            }
        }

        return (min, count);
    }

    // ATen's upsample_bilinear2d with align_corners = false: src = max(0, (i + 0.5) * scale - 0.5), two taps clamped.
    private static (int Start, int Count) Linear(int i, double scale, int sourceLength, Span<double> row)
    {
        double source = Math.Max(((i + 0.5) * scale) - 0.5, 0.0);
        int i0 = Math.Min((int)source, sourceLength - 1);
        double lambda = Math.Min(source - i0, 1.0);
        int i1 = Math.Min(i0 + 1, sourceLength - 1);
        Span<int> indices = [i0, i1];
        Span<double> weights = [1.0 - lambda, lambda];
        return Gather(indices, weights, row);
    }

    // ATen's upsample_bicubic2d with align_corners = false: a = -0.75, four taps around floor(src), indices clamped.
    private static (int Start, int Count) Cubic(int i, double scale, int sourceLength, Span<double> row)
    {
        const double a = -0.75;
        double source = ((i + 0.5) * scale) - 0.5;
        int index = (int)Math.Floor(source);
        double t = source - index;
        Span<int> indices = stackalloc int[4];
        for (int k = 0; k < 4; k++)
        {
            indices[k] = Math.Clamp(index - 1 + k, 0, sourceLength - 1);
        }

        Span<double> weights =
        [
            CubicFilter.CubicConvolution(t + 1.0, a),
            CubicFilter.CubicConvolution(t, a),
            CubicFilter.CubicConvolution(1.0 - t, a),
            CubicFilter.CubicConvolution(2.0 - t, a),
        ];
        return Gather(indices, weights, row);
    }

    // Accumulates (index, weight) pairs with non-decreasing indices into one contiguous window of `row`.
    private static (int Start, int Count) Gather(ReadOnlySpan<int> indices, ReadOnlySpan<double> weights, Span<double> row)
    {
        int start = indices[0];
        Span<double> window = row[..(indices[^1] - start + 1)];
        window.Clear();
        for (int k = 0; k < indices.Length; k++)
        {
            window[indices[k] - start] += weights[k];
        }

        return (start, window.Length);
    }

    // The taps left after dropping zero weights at both ends, keeping at least one: (first, count) within `weights`.
    private static (int First, int Count) Trim(ReadOnlySpan<double> weights)
    {
        int first = 0, last = weights.Length - 1;
        while (first < last && weights[first] == 0.0)
        {
            first++;
        }

        while (last > first && weights[last] == 0.0)
        {
            last--;
        }

        return (first, last - first + 1);
    }
}
