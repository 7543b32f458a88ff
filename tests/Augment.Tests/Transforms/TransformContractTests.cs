using System.Reflection;
using System.Runtime.InteropServices;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Tests.Transforms;

/// <summary>The checks every public transform passes, run on every row of <see cref="TransformRegistry"/>.</summary>
public sealed class TransformContractTests
{
    private const ulong Seed = 20_26;

    public static TheoryData<string> Names() => [.. TransformRegistry.Rows.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryExportedTransformHasARowAndDerivesFromTransform()
    {
        Type[] transforms = [.. ContractReflection.ConcreteExportedTypes(t => typeof(ITransform).IsAssignableFrom(t))];
        Assert.NotEmpty(transforms);
        Assert.All(transforms, t => Assert.True(typeof(Transform).IsAssignableFrom(t), $"{t.Name} implements ITransform without deriving from Transform, so nothing enforces Apply's ownership rule for it"));
        string[] missing = [.. transforms.Select(t => t.Name).Where(n => !TransformRegistry.Rows.ContainsKey(n)).Order(StringComparer.Ordinal)];
        Assert.True(missing.Length == 0, $"No row in TransformRegistry for: {string.Join(", ", missing)}. Add a factory and a sample input there.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ApplyConsumesItsInputAndReturnsAnotherLiveTensor(string name)
    {
        TransformRow row = TransformRegistry.Rows[name];
        ITransform transform = row.Create();
        ImageTensor input = row.Input(1);
        RandomSource random = RandomSource.ForSample(Seed, 0, 0), again = random;
        using ImageTensor result = transform.Apply(input, ref random);
        Assert.NotSame(input, result);
        Assert.True(input.IsDisposed, $"{name} did not dispose its input");
        Assert.False(result.IsDisposed, $"{name} returned a disposed tensor");
        Assert.Throws<ObjectDisposedException>(() => transform.Apply(input, ref again));
        Assert.False(result.IsDisposed);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SameSeedGivesIdenticalBytes(string name)
    {
        TransformRow row = TransformRegistry.Rows[name];
        for (int index = 0; index < 4; index++)
        {
            Assert.Equal(Run(row.Create(), row, index), Run(row.Create(), row, index));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReplayFromTheParameterLogGivesIdenticalBytes(string name)
    {
        TransformRow row = TransformRegistry.Rows[name];
        ITransform transform = row.Create();
        var log = new ParameterLog();
        for (int index = 0; index < 8; index++)
        {
            log.Clear();
            RandomSource random = RandomSource.ForSample(Seed, 0, index);
            using ImageTensor recorded = transform.Apply(row.Input((ulong)index), ref random, log);
            using ImageTensor replayed = ParameterReplay.Run(transform, row.Input((ulong)index), log);
            Assert.Equal(recorded.ShapeString, replayed.ShapeString);
            Assert.Equal(Bytes(recorded), Bytes(replayed));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OutputIsFullyWrittenOverStalePooledBuffers(string name)
    {
        TransformRow row = TransformRegistry.Rows[name];
        ITransform transform = row.Create();
        for (int index = 0; index < 8; index++)
        {
            RandomSource random = RandomSource.ForSample(Seed, 0, index), again = random;
            ImageTensor input = row.Input((ulong)index);
            (int inputChannels, ImageSize inputSize) = (input.Channels, input.Size);
            ImageTensor probe = transform.Apply(input, ref random);
            (int outputChannels, ImageSize outputSize) = (probe.Channels, probe.Size);
            probe.Dispose(); // before poisoning, so that the pool hands out the poisoned buffers first
            NanPool.Poison(inputChannels, inputSize);
            NanPool.Poison(outputChannels, outputSize);
            using ImageTensor result = transform.Apply(row.Input((ulong)index), ref again);
            NanPool.AssertNoNan(result.Data, $"{name} on sample {index}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ParallelApplicationEqualsSequential(string name)
    {
        const int samples = 64;
        TransformRow row = TransformRegistry.Rows[name];
        ITransform transform = row.Create();
        var sequential = new byte[samples][];
        for (int i = 0; i < samples; i++)
        {
            sequential[i] = Run(transform, row, i);
        }

        var parallel = new byte[samples][];
        Parallel.For(0, samples, i => parallel[i] = Run(transform, row, i));
        for (int i = 0; i < samples; i++)
        {
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"{name}: sample {i} differs between the parallel and the sequential run");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ToStringNamesTheTransformAndItsParameters(string name)
    {
        ITransform transform = TransformRegistry.Rows[name].Create();
        ContractReflection.AssertToStringNamesParameters(transform, name);
    }

    private static byte[] Run(ITransform transform, TransformRow row, int index)
    {
        RandomSource random = RandomSource.ForSample(Seed, 0, index);
        using ImageTensor result = transform.Apply(row.Input((ulong)index), ref random);
        return [.. BitConverter.GetBytes(result.Channels), .. BitConverter.GetBytes(result.Height), .. BitConverter.GetBytes(result.Width), .. Bytes(result)];
    }

    private static byte[] Bytes(ImageTensor image) => MemoryMarshal.AsBytes(image.Data).ToArray();
}
