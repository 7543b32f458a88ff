using Augment.Kernels.Color;
using Augment.Kernels.Lanes;
using Augment.Randomness;
using Augment.Tests.Kernels.Color;

namespace Augment.Tests.Kernels;

/// <summary>
/// The one loop skeleton (<see cref="LaneLoop"/>) and the RGB loop run on it, at every length 0..300 (every tail of
/// every width, on whichever widths this machine and the DOTNET_Enable* switches leave on).
/// </summary>
[Trait("Category", "HardwarePaths")]
public sealed class LaneLoopTests
{
    private const int MaxLength = 300;

    [Fact]
    public void RunVisitsEveryIndexExactlyOnce()
    {
        for (int length = 0; length <= MaxLength; length++)
        {
            int[] visits = new int[length + 16];
            LaneLoop.Run(new CountingBody(visits), (nuint)length);
            for (int i = 0; i < visits.Length; i++)
            {
                Assert.True(visits[i] == (i < length ? 1 : 0), $"length {length}: index {i} visited {visits[i]} times");
            }
        }
    }

    [Fact]
    public void RgbLoopMatchesScalarOraclesAtAllLengths()
    {
        for (int length = 0; length <= MaxLength; length++)
        {
            float[] r = Values(length, 3 * (ulong)length), g = Values(length, (3 * (ulong)length) + 1), b = Values(length, (3 * (ulong)length) + 2);

            float[] hr = (float[])r.Clone(), hg = (float[])g.Clone(), hb = (float[])b.Clone();
            RgbPointwise.Apply(hr, hg, hb, new HueOperator(0.3f));
            float[] sr = (float[])r.Clone(), sg = (float[])g.Clone(), sb = (float[])b.Clone();
            RgbPointwise.Apply(sr, sg, sb, new SaturationOperator(1.7f));
            float[] gr = (float[])r.Clone(), gg = (float[])g.Clone(), gb = (float[])b.Clone();
            RgbPointwise.Apply(gr, gg, gb, default(GrayscaleOperator));
            for (int i = 0; i < length; i++)
            {
                var (er, eg, eb) = ColorOracle.Hue(r[i], g[i], b[i], 0.3f);
                Assert.True(MathF.Abs(hr[i] - er) <= 1e-5f && MathF.Abs(hg[i] - eg) <= 1e-5f && MathF.Abs(hb[i] - eb) <= 1e-5f, $"hue, length {length}, pixel {i}");

                float gray = ColorOracle.Gray(r[i], g[i], b[i]);
                Assert.Equal(ColorOracle.Blend(r[i], gray, 1.7f), sr[i], 1e-6f);
                Assert.Equal(ColorOracle.Blend(g[i], gray, 1.7f), sg[i], 1e-6f);
                Assert.Equal(ColorOracle.Blend(b[i], gray, 1.7f), sb[i], 1e-6f);
                Assert.Equal(gray, gr[i], 1e-6f);
                Assert.Equal(gray, gg[i], 1e-6f);
                Assert.Equal(gray, gb[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void RgbLoopRejectsPartlyOverlappingPlanes()
    {
        float[] buffer = new float[100];
        Assert.Throws<ArgumentException>(() => RgbPointwise.Apply(buffer.AsSpan(0, 40), buffer.AsSpan(1, 40), buffer.AsSpan(60, 40), default(GrayscaleOperator)));
        Assert.Throws<ArgumentException>(() => RgbPointwise.Apply(buffer.AsSpan(0, 30), buffer.AsSpan(30, 30), buffer.AsSpan(50, 30), default(GrayscaleOperator)));
        RgbPointwise.Apply(buffer.AsSpan(0, 30), buffer.AsSpan(30, 30), buffer.AsSpan(60, 30), default(GrayscaleOperator));
    }

    private static float[] Values(int length, ulong seed)
    {
        RandomSource random = RandomSource.FromSeed(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            // Levels of 1/8 make ties between channels (and grays) frequent; a few values leave [0, 1].
            values[i] = i % 3 == 0 ? MathF.Round(random.NextSingle() * 8f) / 8f : (random.NextSingle() * 1.2f) - 0.1f;
        }

        return values;
    }

    /// <summary>Counts how often each index is covered by a step.</summary>
    private readonly ref struct CountingBody(int[] visits) : ILaneBody
    {
        public void Step<TLane>(nuint index)
            where TLane : struct, ILane<TLane>
        {
            for (int i = 0; i < TLane.Count; i++)
            {
                visits[(int)index + i]++;
            }
        }
    }
}
