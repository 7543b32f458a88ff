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

    public static TheoryData<int, int, int, int> Rebuilds() => new()
    {
        { 500, 341, 13, 5 }, { 500, 341, 4000, 224 }, { 13, 5, 500, 341 }, { 99, 1000, 375, 256 }, { 375, 256, 1, 9 },
    };

    [Theory]
    [MemberData(nameof(Rebuilds))]
    public void ARebuiltMapEqualsAFreshOne(int firstIn, int firstOut, int inLength, int outLength)
    {
        foreach ((Interpolation interpolation, bool antialias) in Modes)
        {
            foreach (int width in new[] { 1, 8, 16 })
            {
                var map = ResizeKernelMap.Create(firstIn, firstOut, Interpolation.Bicubic, antialias: true, mirror: false, blockWidth: 16);
                map.Build(inLength, outLength, interpolation, antialias, mirror: true, blockWidth: width);
                AssertSameMap(ResizeKernelMap.Create(inLength, outLength, interpolation, antialias, mirror: true, blockWidth: width), map, $"{interpolation} aa={antialias} width={width}");
                map.Build(firstIn, firstOut, interpolation, antialias, mirror: false, blockWidth: width);
                AssertSameMap(ResizeKernelMap.Create(firstIn, firstOut, interpolation, antialias, mirror: false, blockWidth: width), map, $"back: {interpolation} aa={antialias} width={width}");
            }
        }
    }

    [Fact]
    public void ABuildWithBadArgumentsLeavesTheMapUnchanged()
    {
        var map = ResizeKernelMap.Create(500, 341, Interpolation.Bilinear, antialias: true, mirror: false, blockWidth: 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Build(0, 341, Interpolation.Bilinear, true, false, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Build(500, 341, Interpolation.Bilinear, true, false, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Build(500, 341, (Interpolation)99, true, false, 16));
        AssertSameMap(ResizeKernelMap.Create(500, 341, Interpolation.Bilinear, antialias: true, mirror: false, blockWidth: 16), map, "after refused builds");
    }

    [Fact]
    public void TheCacheReturnsOneInstancePerKeyAndIgnoresAntialiasForNearest()
    {
        ResizeKernelMap a = ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, false, 8);
        Assert.Same(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, false, 8));
        Assert.NotSame(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, false, false, 8));
        Assert.NotSame(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, true, 8));
        Assert.NotSame(a, ResizeKernelMapCache.Get(123, 45, Interpolation.Bilinear, true, false, 16));
        Assert.Same(ResizeKernelMapCache.Get(123, 45, Interpolation.Nearest, true, false, 8), ResizeKernelMapCache.Get(123, 45, Interpolation.Nearest, false, false, 8));
    }

    [Fact]
    public void ACachedMapLastsUntilSlotsMinusOneFurtherMisses()
    {
        ResizeKernelMap a = ResizeKernelMapCache.Get(1234, 56, Interpolation.Bicubic, true, false, 8);
        for (int k = 1; k < ResizeKernelMapCache.Slots; k++)
        {
            Assert.NotSame(a, ResizeKernelMapCache.Get(1234 + k, 56, Interpolation.Bicubic, true, false, 8));
        }

        Assert.Equal(1234, a.SourceLength);
        Assert.Same(a, ResizeKernelMapCache.Get(1234, 56, Interpolation.Bicubic, true, false, 8));
        AssertSameMap(ResizeKernelMap.Create(1234, 56, Interpolation.Bicubic, true, false, 8), a, "after misses");

        // Slots misses later, the least recently used object has been rebuilt for another key.
        for (int k = 1; k <= ResizeKernelMapCache.Slots; k++)
        {
            ResizeKernelMap other = ResizeKernelMapCache.Get(2234 + k, 56, Interpolation.Bicubic, true, false, 8);
            Assert.Equal(2234 + k, other.SourceLength);
        }

        Assert.NotEqual(1234, a.SourceLength);
    }

    [Fact]
    public void ThreadsDoNotShareMaps()
    {
        ResizeKernelMap mine = ResizeKernelMapCache.Get(777, 66, Interpolation.Bilinear, true, false, 8);
        ResizeKernelMap? theirs = null;
        var thread = new Thread(() => theirs = ResizeKernelMapCache.Get(777, 66, Interpolation.Bilinear, true, false, 8));
        thread.Start();
        thread.Join();
        Assert.NotNull(theirs);
        Assert.NotSame(mine, theirs);
        AssertSameMap(mine, theirs, "the other thread's map");
    }

    [Fact]
    public void TheCacheIsSafeUnderConcurrentUse()
    {
        Parallel.For(0, 256, i =>
        {
            int inLength = 1000 + (i % 11);
            ResizeKernelMap map = ResizeKernelMapCache.Get(inLength, 77, Interpolation.Bicubic, true, (i & 1) == 1, 8);
            Assert.Equal(inLength, map.SourceLength);
            AssertTaps(map, 40, ReferenceResampler.Weights((i & 1) == 1 ? 36 : 40, inLength, 77, Interpolation.Bicubic, true), $"task {i}");
        });
    }

    [Fact]
    public void RandomCropResizesAllocateNothingOnceTheMapsHaveGrown()
    {
        // Twelve windows of distinct heights and distinct widths: every request misses, so the thread's maps are rebuilt
        // in a fixed rotation; after two passes each slot has grown to the maps it holds in the third.
        using var source = ImageTensor.Create(3, 480, 480, clear: true);
        using var destination = ImageTensor.Create(3, 224, 224);
        (int Top, int Left, int Height, int Width, Interpolation Interpolation)[] windows =
            [.. Enumerable.Range(0, 12).Select(k => ((k * 7) % 60, (k * 13) % 50, 181 + (k * 23), 413 - (k * 21), k % 3 == 2 ? Interpolation.Bicubic : Interpolation.Bilinear))];
        for (int pass = 0; pass < 2; pass++)
        {
            ResizeAll();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int pass = 0; pass < 3; pass++)
        {
            ResizeAll();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void ResizeAll()
        {
            foreach ((int top, int left, int height, int width, Interpolation interpolation) in windows)
            {
                ResizeKernels.Resize(source, top, left, height, width, destination, interpolation, antialias: true);
            }
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

    private static void AssertSameMap(ResizeKernelMap expected, ResizeKernelMap actual, string what)
    {
        Assert.Equal(
            (expected.SourceLength, expected.DestinationLength, expected.MaxTaps, expected.TapCount, expected.BlockWidth, expected.BlockCount, expected.BandLength, expected.IsIdentity, expected.HasWindowForm),
            (actual.SourceLength, actual.DestinationLength, actual.MaxTaps, actual.TapCount, actual.BlockWidth, actual.BlockCount, actual.BandLength, actual.IsIdentity, actual.HasWindowForm));
        int taps = expected.MaxTaps;
        for (int i = 0; i < expected.DestinationLength; i++)
        {
            Assert.True(expected.Start(i) == actual.Start(i) && expected.Length(i) == actual.Length(i), $"{what}: output {i}");
            Assert.True(Row(ref expected.WeightsReference(i), taps).SequenceEqual(Row(ref actual.WeightsReference(i), taps)), $"{what}: weights of output {i}");
        }

        int width = expected.BlockWidth;
        for (int b = 0; b < expected.BlockCount; b++)
        {
            Assert.True(expected.BlockFirstOutput(b) == actual.BlockFirstOutput(b) && expected.BlockStart(b) == actual.BlockStart(b) && expected.BlockLength(b) == actual.BlockLength(b), $"{what}: block {b}");
            int band = expected.BlockLength(b) * width;
            Assert.True(Row(ref expected.BandReference(b), band).SequenceEqual(Row(ref actual.BandReference(b), band)), $"{what}: band of block {b}");
            if (expected.HasWindowForm)
            {
                Assert.Equal(expected.WindowStart(b), actual.WindowStart(b));
                Assert.True(Row(ref expected.WindowIndexReference(b), taps * 16).SequenceEqual(Row(ref actual.WindowIndexReference(b), taps * 16)), $"{what}: window indices of block {b}");
                Assert.True(Row(ref expected.WindowWeightReference(b), taps * 16).SequenceEqual(Row(ref actual.WindowWeightReference(b), taps * 16)), $"{what}: window weights of block {b}");
            }
        }
    }

    private static ReadOnlySpan<T> Row<T>(ref T first, int length) => System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref first, length);
}
