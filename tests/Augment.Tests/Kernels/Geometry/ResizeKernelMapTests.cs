using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>The precomputed maps against the naive double-precision definitions (ImageSharp's ReferenceKernelMap idea).</summary>
public sealed class ResizeKernelMapTests
{
    public static TheoryData<int, int> SizePairs() => new()
    {
        { 1, 1 }, { 1, 9 }, { 9, 1 }, { 2, 3 }, { 3, 2 }, { 7, 7 }, { 13, 5 }, { 5, 13 }, { 500, 341 }, { 375, 256 },
        { 256, 224 }, { 99, 1000 }, { 1000, 7 }, { 4000, 224 }, { 17, 16 }, { 31, 33 },
    };

    [Theory]
    [MemberData(nameof(SizePairs))]
    public void TapFormMatchesTheDefinition(int inLength, int outLength)
    {
        foreach ((Interpolation interpolation, bool antialias) in Modes)
        {
            foreach (bool mirror in new[] { false, true })
            {
                var map = ResizeKernelMap.Create(inLength, outLength, interpolation, antialias, mirror, blockWidth: 8);
                Assert.Equal(inLength, map.SourceLength);
                Assert.Equal(outLength, map.DestinationLength);
                for (int i = 0; i < outLength; i++)
                {
                    double[] expected = ReferenceResampler.Weights(mirror ? outLength - 1 - i : i, inLength, outLength, interpolation, antialias);
                    AssertTaps(map, i, expected, $"{interpolation} aa={antialias} mirror={mirror} {inLength}->{outLength} output {i}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SizePairs))]
    public void BandFormHoldsTheSameWeights(int inLength, int outLength)
    {
        foreach ((Interpolation interpolation, bool antialias) in Modes)
        {
            foreach (int width in new[] { 1, 8, 16 })
            {
                var map = ResizeKernelMap.Create(inLength, outLength, interpolation, antialias, mirror: true, blockWidth: width);
                if (outLength < width)
                {
                    Assert.Equal(0, map.BlockCount);
                    continue;
                }

                var covered = new bool[outLength];
                for (int b = 0; b < map.BlockCount; b++)
                {
                    int first = map.BlockFirstOutput(b);
                    ReadOnlySpan<float> band = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref map.BandReference(b), map.BlockLength(b) * width);
                    Assert.InRange(map.BlockStart(b), 0, inLength - map.BlockLength(b));
                    for (int lane = 0; lane < width; lane++)
                    {
                        int i = first + lane;
                        covered[i] = true;
                        for (int row = 0; row < map.BlockLength(b); row++)
                        {
                            int source = map.BlockStart(b) + row;
                            int k = source - map.Start(i);
                            float expected = k >= 0 && k < map.Length(i) ? map.Weights(i)[k] : 0f;
                            Assert.Equal(expected, band[(row * width) + lane]);
                        }
                    }
                }

                Assert.All(covered, Assert.True);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SizePairs))]
    public void WindowFormHoldsTheSameWeights(int inLength, int outLength)
    {
        foreach ((Interpolation interpolation, bool antialias) in Modes)
        {
            var map = ResizeKernelMap.Create(inLength, outLength, interpolation, antialias, mirror: true, blockWidth: 16);
            if (!map.HasWindowForm)
            {
                continue;
            }

            for (int b = 0; b < map.BlockCount; b++)
            {
                int window = map.WindowStart(b);
                Assert.InRange(window, 0, inLength - ResizeKernelMap.WindowLength);
                ReadOnlySpan<int> indices = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref map.WindowIndexReference(b), map.MaxTaps * 16);
                ReadOnlySpan<float> weights = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref map.WindowWeightReference(b), map.MaxTaps * 16);
                for (int lane = 0; lane < 16; lane++)
                {
                    int i = map.BlockFirstOutput(b) + lane;
                    for (int k = 0; k < map.MaxTaps; k++)
                    {
                        Assert.InRange(indices[(k * 16) + lane], 0, ResizeKernelMap.WindowLength - 1);
                        if (k < map.Length(i))
                        {
                            Assert.Equal(map.Start(i) + k, window + indices[(k * 16) + lane]);
                            Assert.Equal(map.Weights(i)[k], weights[(k * 16) + lane]);
                        }
                        else
                        {
                            Assert.Equal(0f, weights[(k * 16) + lane]);
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(500, 341, true)]
    [InlineData(375, 256, true)]
    [InlineData(99, 1000, true)]
    [InlineData(1000, 7, false)]
    [InlineData(4000, 224, false)]
    [InlineData(31, 33, false)]
    public void WindowFormExistsWhenEveryBandFitsTheWindow(int inLength, int outLength, bool expected)
    {
        Assert.Equal(expected, ResizeKernelMap.Create(inLength, outLength, Interpolation.Bilinear, true, mirror: false, blockWidth: 16).HasWindowForm);
        Assert.False(ResizeKernelMap.Create(inLength, outLength, Interpolation.Bilinear, true, mirror: false, blockWidth: 8).HasWindowForm);
    }

    [Fact]
    public void LargeRatioDownscaleMatchesTheDefinition()
    {
        // ImageSharp's regression size: a very long axis scaled down by 4.
        const int inLength = 207773, outLength = 51943;
        var map = ResizeKernelMap.Create(inLength, outLength, Interpolation.Bicubic, antialias: true, mirror: false, blockWidth: 8);
        for (int i = 0; i < outLength; i += 997)
        {
            AssertTaps(map, i, ReferenceResampler.Weights(i, inLength, outLength, Interpolation.Bicubic, true), $"output {i}");
        }

        AssertTaps(map, outLength - 1, ReferenceResampler.Weights(outLength - 1, inLength, outLength, Interpolation.Bicubic, true), "last output");
    }

    [Fact]
    public void SameLengthIsTheIdentityForEveryFilter()
    {
        foreach ((Interpolation interpolation, bool antialias) in Modes)
        {
            Assert.True(ResizeKernelMap.Create(37, 37, interpolation, antialias, mirror: false, blockWidth: 8).IsIdentity, $"{interpolation} {antialias}");
        }

        Assert.False(ResizeKernelMap.Create(37, 37, Interpolation.Bilinear, true, mirror: true, blockWidth: 8).IsIdentity);
        Assert.False(ResizeKernelMap.Create(37, 36, Interpolation.Nearest, false, mirror: false, blockWidth: 8).IsIdentity);
    }

    [Fact]
    public void TheCacheReturnsOneInstancePerKeyAndIgnoresAntialiasForNearest()
    {
        ResizeKernelMap a = ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, false, 8);
        Assert.Same(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, false, 8));
        Assert.NotSame(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, false, false, 8));
        Assert.NotSame(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, true, 8));
        Assert.Same(ResizeKernelMapCache.Get(123, 45, Interpolation.Nearest, true, false, 8), ResizeKernelMapCache.Get(123, 45, Interpolation.Nearest, false, false, 8));
    }

    [Fact]
    public void TheCacheIsSafeUnderConcurrentUse()
    {
        ResizeKernelMap[] maps = new ResizeKernelMap[64];
        Parallel.For(0, maps.Length, i => maps[i] = ResizeKernelMapCache.Get(1000 + (i % 4), 77, Interpolation.Bicubic, true, false, 8));
        for (int i = 0; i < maps.Length; i++)
        {
            Assert.Equal(1000 + (i % 4), maps[i].SourceLength);
        }
    }

    internal static readonly (Interpolation, bool)[] Modes =
    [
        (Interpolation.Nearest, false), (Interpolation.Bilinear, true), (Interpolation.Bicubic, true),
        (Interpolation.Bilinear, false), (Interpolation.Bicubic, false),
    ];

    private static void AssertTaps(ResizeKernelMap map, int i, double[] expected, string what)
    {
        int start = map.Start(i);
        ReadOnlySpan<float> weights = map.Weights(i);
        if (start < 0 || start + weights.Length > expected.Length)
        {
            Assert.Fail($"{what}: taps [{start}, {start + weights.Length}) outside the source");
        }
        for (int j = 0; j < expected.Length; j++)
        {
            int k = j - start;
            double actual = k >= 0 && k < weights.Length ? weights[k] : 0.0;
            if (!(Math.Abs(actual - expected[j]) <= 1e-6))
            {
                Assert.Fail($"{what}: source {j} has weight {actual}, expected {expected[j]}");
            }
        }
    }
}
