using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Imaging;

namespace Augment.Kernels.Geometry;

/// <summary>
/// The precomputed weights of a one-dimensional resampling from <see cref="SourceLength"/> samples to
/// <see cref="DestinationLength"/> samples, immutable once built, in two layouts:
/// <list type="bullet">
/// <item><b>Tap form</b>, per output <c>i</c>: the first source index <see cref="Start"/>, the tap count
/// <see cref="Length"/> and the weights (a row of <see cref="MaxTaps"/> floats). The vertical pass and the scalar
/// code read it.</item>
/// <item><b>Band form</b>, per block of <see cref="BlockWidth"/> consecutive outputs: the first source index, the
/// band length <c>L</c> and a dense <c>L x BlockWidth</c> weight matrix (zero outside each output's taps), so that
/// the horizontal pass is <c>L</c> multiply-adds of a broadcast source sample by a weight row, with no gathers and no
/// horizontal sums. The last block overlaps the previous one when the length is not a multiple of the width.</item>
/// </list>
/// </summary>
/// <remarks>
/// Antialiased weights follow PIL's <c>ImagingResample</c> (and ATen's <c>_upsample_bilinear2d_aa</c> /
/// <c>_upsample_bicubic2d_aa</c>): <c>scale = in / out</c>, <c>support = filterSupport * max(scale, 1)</c>,
/// <c>centre = (i + 0.5) * scale</c>, taps <c>[int(centre - support + 0.5), int(centre + support + 0.5))</c> clipped
/// to the source, weight <c>filter((j - centre + 0.5) / max(scale, 1))</c>, normalised per output. Taps of weight zero
/// at either end are dropped. A mirrored map gives output <c>i</c> the taps of output <c>out - 1 - i</c>.
/// </remarks>
internal sealed class ResizeKernelMap
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly float[] _weights;
    private readonly int[] _blockStarts;
    private readonly int[] _blockLengths;
    private readonly int[] _blockOffsets;
    private readonly float[] _bandWeights;

    private ResizeKernelMap(int sourceLength, int destinationLength, int blockWidth, double[][] taps, int[] starts)
    {
        SourceLength = sourceLength;
        DestinationLength = destinationLength;
        BlockWidth = blockWidth;
        _starts = starts;
        _lengths = new int[destinationLength];
        int maxTaps = 1;
        foreach (double[] t in taps)
        {
            maxTaps = Math.Max(maxTaps, t.Length);
        }

        MaxTaps = maxTaps;
        _weights = new float[destinationLength * maxTaps];
        bool identity = sourceLength == destinationLength;
        for (int i = 0; i < destinationLength; i++)
        {
            double[] t = taps[i];
            _lengths[i] = t.Length;
            TapCount += t.Length;
            for (int k = 0; k < t.Length; k++)
            {
                _weights[(i * maxTaps) + k] = (float)t[k];
            }

            identity &= t.Length == 1 && starts[i] == i && _weights[i * maxTaps] == 1f;
        }

        IsIdentity = identity;

        // Band form: only when at least one whole block fits. One lane wide, it is the tap form itself.
        int blockCount = destinationLength >= blockWidth ? (destinationLength + blockWidth - 1) / blockWidth : 0;
        BlockCount = blockCount;
        if (blockWidth == 1)
        {
            _blockStarts = starts;
            _blockLengths = _lengths;
            _blockOffsets = new int[blockCount];
            for (int i = 0; i < blockCount; i++)
            {
                _blockOffsets[i] = i * maxTaps;
            }

            _bandWeights = _weights;
            BandLength = TapCount;
            return;
        }

        _blockStarts = new int[blockCount];
        _blockLengths = new int[blockCount];
        _blockOffsets = new int[blockCount];
        int total = 0;
        for (int b = 0; b < blockCount; b++)
        {
            int first = BlockFirstOutput(b);
            int lo = int.MaxValue, hi = int.MinValue;
            for (int lane = 0; lane < blockWidth; lane++)
            {
                lo = Math.Min(lo, starts[first + lane]);
                hi = Math.Max(hi, starts[first + lane] + _lengths[first + lane]);
            }

            _blockStarts[b] = lo;
            _blockLengths[b] = hi - lo;
            _blockOffsets[b] = total;
            total += (hi - lo) * blockWidth;
        }

        BandLength = total / blockWidth;
        _bandWeights = new float[total];
        for (int b = 0; b < blockCount; b++)
        {
            int first = BlockFirstOutput(b);
            for (int lane = 0; lane < blockWidth; lane++)
            {
                int i = first + lane;
                for (int k = 0; k < _lengths[i]; k++)
                {
                    int row = starts[i] + k - _blockStarts[b];
                    _bandWeights[_blockOffsets[b] + (row * blockWidth) + lane] = _weights[(i * maxTaps) + k];
                }
            }
        }
    }

    /// <summary>The number of source samples.</summary>
    public int SourceLength { get; }

    /// <summary>The number of output samples.</summary>
    public int DestinationLength { get; }

    /// <summary>The largest tap count of any output: the stride of a tap-form weight row.</summary>
    public int MaxTaps { get; }

    /// <summary>The sum of all tap counts.</summary>
    public int TapCount { get; }

    /// <summary>The number of outputs per band block (the lane count of the horizontal pass).</summary>
    public int BlockWidth { get; }

    /// <summary>The number of band blocks; zero when <see cref="DestinationLength"/> is below <see cref="BlockWidth"/>.</summary>
    public int BlockCount { get; }

    /// <summary>The sum of the band lengths: the number of lane-wide multiply-adds per row of the horizontal pass.</summary>
    public int BandLength { get; }

    /// <summary>Whether every output copies the source sample of the same index.</summary>
    public bool IsIdentity { get; }

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

    /// <summary>Builds the map.</summary>
    /// <param name="sourceLength">The number of source samples, positive.</param>
    /// <param name="destinationLength">The number of output samples, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic use PIL's antialiased filters (ignored by nearest).</param>
    /// <param name="mirror">Whether output <c>i</c> takes the taps of output <c>out - 1 - i</c>.</param>
    /// <param name="blockWidth">The lane count of the band form.</param>
    public static ResizeKernelMap Create(int sourceLength, int destinationLength, Interpolation interpolation, bool antialias, bool mirror, int blockWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(destinationLength);
        var taps = new double[destinationLength][];
        var starts = new int[destinationLength];
        double scale = (double)sourceLength / destinationLength;
        for (int i = 0; i < destinationLength; i++)
        {
            int o = mirror ? destinationLength - 1 - i : i;
            (starts[i], taps[i]) = interpolation switch
            {
                Interpolation.Nearest => Nearest(o, scale, sourceLength),
                Interpolation.Bilinear when antialias => Antialiased<TriangleFilter>(o, scale, sourceLength),
                Interpolation.Bicubic when antialias => Antialiased<CubicFilter>(o, scale, sourceLength),
                Interpolation.Bilinear => Linear(o, scale, sourceLength),
                Interpolation.Bicubic => Cubic(o, scale, sourceLength),
                _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Unknown interpolation."),
            };
        }

        return new ResizeKernelMap(sourceLength, destinationLength, blockWidth, taps, starts);
    }

    private static (int Start, double[] Weights) Nearest(int i, double scale, int sourceLength) =>
        (Math.Min((int)Math.Floor((i + 0.5) * scale), sourceLength - 1), [1.0]);

    private static (int Start, double[] Weights) Antialiased<TFilter>(int i, double scale, int sourceLength)
        where TFilter : struct, IResamplingFilter
    {
        double filterScale = Math.Max(scale, 1.0);
        double support = TFilter.Support * filterScale;
        double centre = (i + 0.5) * scale;
        double inverse = 1.0 / filterScale;
        int min = Math.Max((int)(centre - support + 0.5), 0);
        int count = Math.Min((int)(centre + support + 0.5), sourceLength) - min;
        var weights = new double[count];
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

        return Trim(min, weights);
    }

    // ATen's upsample_bilinear2d with align_corners = false: src = max(0, (i + 0.5) * scale - 0.5), two taps clamped.
    private static (int Start, double[] Weights) Linear(int i, double scale, int sourceLength)
    {
        double source = Math.Max(((i + 0.5) * scale) - 0.5, 0.0);
        int i0 = Math.Min((int)source, sourceLength - 1);
        double lambda = Math.Min(source - i0, 1.0);
        int i1 = Math.Min(i0 + 1, sourceLength - 1);
        Span<int> indices = [i0, i1];
        Span<double> weights = [1.0 - lambda, lambda];
        return Gather(indices, weights);
    }

    // ATen's upsample_bicubic2d with align_corners = false: a = -0.75, four taps around floor(src), indices clamped.
    private static (int Start, double[] Weights) Cubic(int i, double scale, int sourceLength)
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
        return Gather(indices, weights);
    }

    // Accumulates (index, weight) pairs with non-decreasing indices into one contiguous window.
    private static (int Start, double[] Weights) Gather(ReadOnlySpan<int> indices, ReadOnlySpan<double> weights)
    {
        int start = indices[0];
        var window = new double[indices[^1] - start + 1];
        for (int k = 0; k < indices.Length; k++)
        {
            window[indices[k] - start] += weights[k];
        }

        return Trim(start, window);
    }

    // Drops zero weights at both ends, keeping at least one tap.
    private static (int Start, double[] Weights) Trim(int start, double[] weights)
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

        return (start + first, weights[first..(last + 1)]);
    }
}
