using Augment.Kernels;
using Augment.Kernels.Lanes;
using Augment.Kernels.Tone;
using Augment.Randomness;

namespace Augment.Tests.Kernels;

[Trait("Category", "HardwarePaths")]
public sealed class PointwiseTests
{
    private const int MaxLength = 300;

    [Fact]
    public void UnaryMatchesScalarOracleAtAllLengths()
    {
        var op = new AffineOperator(1.7f, -0.3f);
        for (int length = 0; length <= MaxLength; length++)
        {
            float[] x = Values(length, 1);
            float[] destination = Enumerable.Repeat(float.NaN, length + 1).ToArray();
            Pointwise.Apply(x, destination, op);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(MathF.FusedMultiplyAdd(x[i], 1.7f, -0.3f), destination[i]);
            }

            Assert.True(float.IsNaN(destination[length]), $"length {length}: wrote past the end");
        }
    }

    [Fact]
    public void UnaryInPlaceMatchesOutOfPlace()
    {
        var op = new AffineOperator(-2.5f, 0.125f);
        for (int length = 0; length <= MaxLength; length++)
        {
            float[] x = Values(length, 2);
            float[] expected = new float[length];
            Pointwise.Apply(x, expected, op);
            Pointwise.ApplyInPlace(x, op);
            Assert.Equal(expected, x);
        }
    }

    [Fact]
    public void UnaryPropagatesSpecialValues()
    {
        float[] x = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.MaxValue, float.Epsilon, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        float[] destination = new float[x.Length];
        var op = new AffineOperator(1f, 0f);
        Pointwise.Apply(x, destination, op);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(MathF.FusedMultiplyAdd(x[i], 1f, 0f), destination[i]);
        }
    }

    [Fact]
    public void BinaryMatchesScalarOracleAtAllLengthsAndInPlace()
    {
        var op = new WeightedSum(0.25f);
        for (int length = 0; length <= MaxLength; length++)
        {
            float[] x = Values(length, 3), y = Values(length, 4);
            float[] destination = Enumerable.Repeat(float.NaN, length + 1).ToArray();
            Pointwise.Apply(x, y, destination, op);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal((0.25f * x[i]) + (0.75f * y[i]), destination[i]);
            }

            Assert.True(float.IsNaN(destination[length]));

            float[] inX = (float[])x.Clone(), inY = (float[])y.Clone();
            Pointwise.Apply(inX, y, inX, op);
            Pointwise.Apply(x, inY, inY, op);
            Assert.Equal(destination.AsSpan(0, length).ToArray(), inX);
            Assert.Equal(destination.AsSpan(0, length).ToArray(), inY);
        }
    }

    [Fact]
    public void ThrowsForTooShortDestinationOrMismatchedInputs()
    {
        var unary = new AffineOperator(1, 0);
        Assert.Throws<ArgumentException>(() => Pointwise.Apply(new float[5], new float[4], unary));
        Assert.Throws<ArgumentException>(() => Pointwise.Apply(new float[5], new float[5], new float[4], new WeightedSum(0.5f)));
        Assert.Throws<ArgumentException>(() => Pointwise.Apply(new float[5], new float[6], new float[5], new WeightedSum(0.5f)));
    }

    [Fact]
    public void InvertIntoItsSourceShiftedByOneThrows_InPlaceStaysAllowed()
    {
        float[] buffer = Values(101, 5);
        float[] before = (float[])buffer.Clone();
        var e = Assert.Throws<ArgumentException>(() => ToneKernels.Invert(buffer.AsSpan(0, 100), buffer.AsSpan(1, 100)));
        Assert.Equal("destination", e.ParamName);
        Assert.Throws<ArgumentException>(() => ToneKernels.Invert(buffer.AsSpan(1, 100), buffer.AsSpan(0, 100)));
        Assert.Equal(before, buffer);

        ToneKernels.Invert(buffer.AsSpan(0, 100), buffer.AsSpan(0, 100));
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(1f - before[i], buffer[i]);
        }
    }

    [Fact]
    public void BinaryDestinationPartlyOverlappingEitherInputThrows()
    {
        float[] buffer = new float[64];
        var op = new WeightedSum(0.5f);
        Assert.Throws<ArgumentException>(() => Pointwise.Apply(buffer.AsSpan(0, 32), buffer.AsSpan(32, 32), buffer.AsSpan(1, 32), op));
        Assert.Throws<ArgumentException>(() => Pointwise.Apply(buffer.AsSpan(0, 32), buffer.AsSpan(32, 32), buffer.AsSpan(16, 32), op));
        Pointwise.Apply(buffer.AsSpan(0, 32), buffer.AsSpan(32, 32), buffer.AsSpan(32, 32), op);
        Pointwise.Apply(buffer.AsSpan(0, 16), buffer.AsSpan(0, 16), buffer.AsSpan(16, 16), op);
    }

    private static float[] Values(int length, ulong seed)
    {
        RandomSource random = RandomSource.FromSeed(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)random.Uniform(-10, 10);
        }

        return values;
    }

    // lambda * x + (1 - lambda) * y, the mixup blend.
    private readonly struct WeightedSum(float lambda) : IBinaryOperator
    {
        public TLane Invoke<TLane>(TLane x, TLane y)
            where TLane : struct, ILane<TLane> => (TLane.Create(lambda) * x) + (TLane.Create(1 - lambda) * y);
    }
}
