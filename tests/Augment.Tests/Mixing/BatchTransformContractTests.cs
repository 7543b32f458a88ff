using System.Runtime.InteropServices;
using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

/// <summary>The checks every public batch transform passes, run on every row of <see cref="BatchTransformRegistry"/>.</summary>
public sealed class BatchTransformContractTests
{
    private const int Count = 8, Channels = 3, Height = 6, Width = 9, Classes = 5;

    public static TheoryData<string> Names() => [.. BatchTransformRegistry.Rows.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryExportedBatchTransformHasARow()
    {
        Type[] transforms = [.. ContractReflection.ConcreteExportedTypes(IsBatchTransform)];
        Assert.NotEmpty(transforms);
        string[] missing = [.. transforms.Select(t => t.Name).Where(n => !BatchTransformRegistry.Rows.ContainsKey(n)).Order(StringComparer.Ordinal)];
        Assert.True(missing.Length == 0, $"No row in BatchTransformRegistry for: {string.Join(", ", missing)}. Add a factory there.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SameSeedGivesIdenticalBytes(string name)
    {
        for (int index = 0; index < 4; index++)
        {
            Assert.Equal(Run(name, index, drawThenApply: false), Run(name, index, drawThenApply: false));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DrawThenApplyReplaysApply(string name)
    {
        for (int index = 0; index < 4; index++)
        {
            Assert.Equal(Run(name, index, drawThenApply: false), Run(name, index, drawThenApply: true));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BatchIsFullyWrittenOverNanPoisonedBuffersAndNoBufferLeaks(string name)
    {
        IBatchCase mixer = BatchTransformRegistry.Rows[name]();
        var pool = new BatchPool();
        for (int round = 0; round < 6; round++)
        {
            var poisoned = new ImageBatch[3];
            for (int i = 0; i < poisoned.Length; i++)
            {
                poisoned[i] = pool.Rent(Count, Channels, new ImageSize(Height, Width), Classes);
                poisoned[i].Data.Fill(float.NaN);
                poisoned[i].Targets.Fill(float.NaN);
            }

            Array.ForEach(poisoned, b => b.Dispose());
            using ImageBatch batch = BatchTestData.Batch(Count, Channels, Height, Width, Classes, pool: pool);
            (int outstanding, int created) = (pool.Outstanding, pool.Created);
            RandomSource random = RandomSource.ForSample(5, 0, round);
            mixer.Apply(batch, ref random);
            Assert.False(batch.IsDisposed);
            Assert.Equal(outstanding, pool.Outstanding);
            Assert.Equal(created, pool.Created); // any scratch buffer came from the poisoned ones
            NanPool.AssertNoNan(batch.Data, $"{name} images, round {round}");
            NanPool.AssertNoNan(batch.Targets, $"{name} targets, round {round}");
        }

        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ParallelBatchesEqualSequential(string name)
    {
        const int batches = 16;
        IBatchCase mixer = BatchTransformRegistry.Rows[name]();
        var sequential = new byte[batches][];
        for (int i = 0; i < batches; i++)
        {
            sequential[i] = Run(mixer, i, drawThenApply: true);
        }

        var parallel = new byte[batches][];
        Parallel.For(0, batches, i => parallel[i] = Run(mixer, i, drawThenApply: true));
        for (int i = 0; i < batches; i++)
        {
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"{name}: batch {i} differs between the parallel and the sequential run");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ToStringNamesTheTransformAndItsParameters(string name) =>
        ContractReflection.AssertToStringNamesParameters(BatchTransformRegistry.Rows[name]().Transform, name);

    private static bool IsBatchTransform(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BatchTransform<>))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Run(string name, int index, bool drawThenApply) => Run(BatchTransformRegistry.Rows[name](), index, drawThenApply);

    private static byte[] Run(IBatchCase mixer, int index, bool drawThenApply)
    {
        using ImageBatch batch = BatchTestData.Batch(Count + (index % 3), Channels, Height, Width, Classes);
        RandomSource random = RandomSource.ForSample(7, 0, index);
        if (drawThenApply)
        {
            mixer.DrawThenApply(batch, ref random);
        }
        else
        {
            mixer.Apply(batch, ref random);
        }

        return [.. MemoryMarshal.AsBytes(batch.Data), .. MemoryMarshal.AsBytes(batch.Targets)];
    }
}
