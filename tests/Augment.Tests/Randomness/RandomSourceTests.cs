using Augment.Randomness;

namespace Augment.Tests.Randomness;

public sealed class RandomSourceTests
{
    // Known-answer vectors of Philox4x32-10 from Random123's kat_vectors.
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void PhiloxMatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint r0, uint r1, uint r2, uint r3)
    {
        Assert.Equal((r0, r1, r2, r3), Philox4x32.Block(c0, c1, c2, c3, k0, k1));
    }

    [Fact]
    public void NextUInt32WalksThroughPhiloxBlocksInOrder()
    {
        // ForSample(seed, epoch, index) encrypts counter (block, epoch, index low, index high) under key (seed low, seed high).
        RandomSource random = RandomSource.ForSample(0x0000000200000001UL, 3, 0x0000000500000004L);
        for (uint block = 0; block < 3; block++)
        {
            var (x0, x1, x2, x3) = Philox4x32.Block(block, 3, 4, 5, 1, 2);
            Assert.Equal(x0, random.NextUInt32());
            Assert.Equal(x1, random.NextUInt32());
            Assert.Equal(x2, random.NextUInt32());
            Assert.Equal(x3, random.NextUInt32());
        }
    }

    [Fact]
    public void SameSampleGivesSameStreamAndNeighboursDiffer()
    {
        RandomSource a = RandomSource.ForSample(42, 1, 7);
        RandomSource b = RandomSource.ForSample(42, 1, 7);
        RandomSource otherIndex = RandomSource.ForSample(42, 1, 8);
        RandomSource otherEpoch = RandomSource.ForSample(42, 2, 7);
        RandomSource otherSeed = RandomSource.ForSample(43, 1, 7);
        int sameAsOther = 0;
        for (int i = 0; i < 100; i++)
        {
            uint x = a.NextUInt32();
            Assert.Equal(x, b.NextUInt32());
            sameAsOther += (x == otherIndex.NextUInt32() ? 1 : 0) + (x == otherEpoch.NextUInt32() ? 1 : 0) + (x == otherSeed.NextUInt32() ? 1 : 0);
        }

        Assert.Equal(0, sameAsOther);
    }

    [Fact]
    public void CopyReplaysTheSameNumbers()
    {
        RandomSource random = RandomSource.FromSeed(5);
        random.NextUInt32();
        RandomSource copy = random;
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(random.NextDouble(), copy.NextDouble());
        }
    }

    [Fact]
    public void ForkDoesNotDependOnDrawsMade()
    {
        RandomSource fresh = RandomSource.ForSample(9, 0, 3);
        RandomSource used = fresh;
        for (int i = 0; i < 13; i++)
        {
            used.NextUInt32();
        }

        RandomSource a = fresh.Fork(2);
        RandomSource b = used.Fork(2);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(a.NextUInt32(), b.NextUInt32());
        }
    }

    [Fact]
    public void ForksAtDifferentPositionsAndParentsAreDistinctStreams()
    {
        RandomSource parent = RandomSource.ForSample(9, 0, 3);
        var firsts = new HashSet<ulong>();
        var streams = new List<RandomSource> { parent, RandomSource.ForSample(9, 0, 4).Fork(0) };
        for (int position = 0; position < 64; position++)
        {
            streams.Add(parent.Fork(position));
            streams.Add(parent.Fork(position).Fork(0));
        }

        foreach (RandomSource stream in streams)
        {
            RandomSource s = stream;
            Assert.True(firsts.Add(s.NextUInt64()), "two streams started with the same 64 bits");
        }
    }

    [Fact]
    public void ForkedStreamsAreUncorrelated()
    {
        RandomSource parent = RandomSource.FromSeed(11);
        RandomSource a = parent.Fork(0), b = parent.Fork(1);
        const int n = 20000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += (a.NextDouble() - 0.5) * (b.NextDouble() - 0.5);
        }

        // Correlation of two independent uniforms: mean 0, standard error (1/12)/sqrt(n) ≈ 0.00059.
        Assert.InRange(sum / n / (1.0 / 12), -0.03, 0.03);
    }

    [Fact]
    public void NextDoubleAndNextSingleAreUniform()
    {
        RandomSource random = RandomSource.FromSeed(1234);
        const int bins = 64, n = 64000;
        var doubles = new int[bins];
        var singles = new int[bins];
        for (int i = 0; i < n; i++)
        {
            double d = random.NextDouble();
            float f = random.NextSingle();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            Assert.InRange(f, 0f, 0.99999994f);
            doubles[(int)(d * bins)]++;
            singles[(int)(f * bins)]++;
        }

        AssertChiSquare(doubles, n / (double)bins);
        AssertChiSquare(singles, n / (double)bins);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(33)]
    public void NextInt32IsUniformOverSmallRanges(int range)
    {
        RandomSource random = RandomSource.FromSeed((ulong)range);
        int n = 2000 * range;
        var counts = new int[range];
        for (int i = 0; i < n; i++)
        {
            counts[random.NextInt32(range)]++;
        }

        AssertChiSquare(counts, 2000);
    }

    [Fact]
    public void NextInt32HasNoModuloBiasForLargeRanges()
    {
        // 3 * 2^30 does not divide 2^32: a modulo reduction would make the first third of the range twice as likely.
        const int range = 3 << 29; // 1.61e9
        RandomSource random = RandomSource.FromSeed(77);
        var thirds = new int[3];
        const int n = 30000;
        for (int i = 0; i < n; i++)
        {
            int value = random.NextInt32(range);
            Assert.InRange(value, 0, range - 1);
            thirds[value / (range / 3)]++;
        }

        AssertChiSquare(thirds, n / 3.0);
    }

    [Fact]
    public void NextInt32ValidatesItsBounds()
    {
        RandomSource random = RandomSource.FromSeed(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt32(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt32(-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt32(5, 4));
        for (int i = 0; i < 200; i++)
        {
            Assert.InRange(random.NextInt32(-2, 2), -2, 2);
        }

        Assert.Equal(int.MaxValue, random.NextInt32(int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void NextBooleanAndNextNormalHaveTheRightMoments()
    {
        RandomSource random = RandomSource.FromSeed(3);
        const int n = 40000;
        int trues = 0;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            trues += random.NextBoolean(0.3) ? 1 : 0;
            double z = random.NextNormal(2.0, 0.5);
            sum += z;
            squares += z * z;
        }

        Assert.InRange(trues / (double)n, 0.3 - 0.0115, 0.3 + 0.0115); // 5 standard errors
        double mean = sum / n;
        Assert.InRange(mean, 2.0 - 0.0125, 2.0 + 0.0125);
        Assert.InRange(Math.Sqrt((squares / n) - (mean * mean)), 0.49, 0.51);
        Assert.False(random.NextBoolean(0.0));
        Assert.True(random.NextBoolean(1.0));
    }

    [Fact]
    public void ShuffleIsAUniformPermutation()
    {
        RandomSource random = RandomSource.FromSeed(8);
        var counts = new Dictionary<int, int>();
        Span<int> values = stackalloc int[3];
        const int n = 12000;
        for (int i = 0; i < n; i++)
        {
            values[0] = 0;
            values[1] = 1;
            values[2] = 2;
            random.Shuffle(values);
            int key = (values[0] * 9) + (values[1] * 3) + values[2];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(6, counts.Count);
        AssertChiSquare([.. counts.Values], n / 6.0);
    }

    [Fact]
    public void StreamsAreIdenticalAcrossThreads()
    {
        const int samples = 500;
        var sequential = new ulong[samples];
        for (int i = 0; i < samples; i++)
        {
            sequential[i] = Fingerprint(i);
        }

        var parallel = new ulong[samples];
        Parallel.For(0, samples, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Fingerprint(i));
        Assert.Equal(sequential, parallel);

        static ulong Fingerprint(int index)
        {
            RandomSource random = RandomSource.ForSample(2024, 1, index).Fork(index % 3);
            ulong hash = 0;
            for (int k = 0; k < 50; k++)
            {
                hash = (hash * 31) ^ random.NextUInt64();
            }

            return hash;
        }
    }

    /// <summary>Asserts Pearson's chi-square of <paramref name="counts"/> against a flat expectation is below the 99.9% quantile.</summary>
    internal static void AssertChiSquare(IReadOnlyList<int> counts, double expected)
    {
        double chi = 0;
        foreach (int count in counts)
        {
            chi += (count - expected) * (count - expected) / expected;
        }

        int dof = counts.Count - 1;
        if (dof == 0)
        {
            return;
        }

        // Wilson–Hilferty approximation of the 99.9% chi-square quantile.
        double z = 3.09;
        double term = 1 - (2.0 / (9 * dof)) + (z * Math.Sqrt(2.0 / (9 * dof)));
        double limit = dof * term * term * term;
        Assert.True(chi < limit, $"chi-square {chi:F1} exceeds the 99.9% quantile {limit:F1} for {dof} degrees of freedom.");
    }
}
