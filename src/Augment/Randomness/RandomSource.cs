using System.Runtime.CompilerServices;

namespace Augment.Randomness;

/// <summary>
/// A counter-based stream of random numbers (Philox4x32-10) that a transform receives explicitly.
/// </summary>
/// <remarks>
/// <para>
/// A stream is a pure function of its key and its stream identifier: the <c>n</c>-th number drawn from
/// <see cref="ForSample(ulong, int, long)"/>(seed, epoch, index) is the same on every thread, in every
/// order and on every machine. Composite transforms give each child its own stream with
/// <see cref="Fork(int)"/>, keyed by the child's position, so that adding a draw to one transform
/// never shifts the numbers another one sees.
/// </para>
/// <para>This is a mutable struct: pass it by <see langword="ref"/>. A copy replays the same numbers.</para>
/// </remarks>
public struct RandomSource
{
    private readonly uint _k0;
    private readonly uint _k1;
    private readonly uint _s0;
    private readonly uint _s1;
    private readonly uint _s2;
    private uint _block;
    private uint _x0, _x1, _x2, _x3;
    private int _available;

    private RandomSource(uint k0, uint k1, uint s0, uint s1, uint s2)
    {
        _k0 = k0;
        _k1 = k1;
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _block = 0;
        _x0 = _x1 = _x2 = _x3 = 0;
        _available = 0;
    }

    /// <summary>Creates the stream for one sample of one epoch of a run seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="epoch">The epoch, 0 for the first.</param>
    /// <param name="index">The sample's index in the dataset (not its position in the shuffled order).</param>
    public static RandomSource ForSample(ulong seed, int epoch, long index) =>
        new((uint)seed, (uint)(seed >> 32), (uint)epoch, (uint)index, (uint)((ulong)index >> 32));

    /// <summary>Creates a stream from a seed alone (epoch 0, index 0): for tests and one-off use.</summary>
    /// <param name="seed">The seed.</param>
    public static RandomSource FromSeed(ulong seed) => ForSample(seed, 0, 0);

    /// <summary>
    /// Derives an independent stream for the child at <paramref name="position"/>: the result depends only
    /// on this stream's identity and the position, never on how many numbers were drawn so far.
    /// </summary>
    /// <param name="position">The child's position in its parent, or any small integer naming a sub-stream.</param>
    public readonly RandomSource Fork(int position)
    {
        // Hash (identity, position) through one Philox block under a distinct key schedule to get the child's identity.
        var (a, b, c, d) = Philox4x32.Block(_s0, _s1, _s2, (uint)position, _k0 ^ 0x6A09E667u, _k1 ^ 0xBB67AE85u);
        return new RandomSource(_k0 ^ a, _k1 ^ b, c, d, _s2 ^ (uint)position ^ 0x3C6EF372u);
    }

    /// <summary>Returns 32 uniformly random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_available == 0)
        {
            Refill();
        }

        _available--;
        return _available switch
        {
            3 => _x0,
            2 => _x1,
            1 => _x2,
            _ => _x3,
        };
    }

    /// <summary>Returns 64 uniformly random bits.</summary>
    public ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>Returns a double uniformly distributed on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a float uniformly distributed on [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt32() >> 8) * (1.0f / (1 << 24));

    /// <summary>Returns a double uniformly distributed on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Returns <see langword="true"/> with probability <paramref name="p"/>.</summary>
    /// <param name="p">The probability, in [0, 1].</param>
    public bool NextBoolean(double p) => NextDouble() < p;

    /// <summary>Returns an integer uniformly distributed on [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    /// <param name="maxExclusive">The exclusive upper bound; must be positive.</param>
    public int NextInt32(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Lemire's multiply-shift with rejection.
        uint range = (uint)maxExclusive;
        ulong product = (ulong)NextUInt32() * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * range;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Returns an integer uniformly distributed on [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    /// <param name="minInclusive">The lower bound.</param>
    /// <param name="maxInclusive">The upper bound, at least <paramref name="minInclusive"/>.</param>
    public int NextInt32(int minInclusive, int maxInclusive)
    {
        if (maxInclusive < minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInclusive), maxInclusive, $"The upper bound must be at least the lower bound {minInclusive}.");
        }

        return minInclusive + NextInt32(maxInclusive - minInclusive + 1);
    }

    /// <summary>Returns a standard normal deviate (Box–Muller, one value per call).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Returns a normal deviate with the given mean and standard deviation.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation.</param>
    public double NextNormal(double mean, double standardDeviation) => mean + (standardDeviation * NextNormal());

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values to shuffle.</param>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt32(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private void Refill()
    {
        (_x0, _x1, _x2, _x3) = Philox4x32.Block(_block, _s0, _s1, _s2, _k0, _k1);
        _block++;
        _available = 4;
    }
}
