using System.Runtime.Intrinsics;
using Augment.Kernels;
using Augment.Randomness;

namespace Augment.Tests.Kernels;

[Trait("Category", "HardwarePaths")]
public sealed class PointwiseTests
{
    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, 257)];

    [Fact]
    public void UnaryMatchesScalarOracleAtAllLengths()
    {
        var op = new AffineOperator(1.7f, -0.3f);
        for (int length = 0; length <= 256; length++)
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
        for (int length = 0; length <= 256; length++)
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
            Assert.Equal(op.Invoke(x[i]), destination[i]);
        }
    }

    [Fact]
    public void BinaryMatchesScalarOracleAtAllLengthsAndInPlace()
    {
        var op = new WeightedSum(0.25f);
        for (int length = 0; length <= 256; length++)
        {
            float[] x = Values(length, 3), y = Values(length, 4);
            float[] destination = Enumerable.Repeat(float.NaN, length + 1).ToArray();
            Pointwise.Apply(x, y, destination, op);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(op.Invoke(x[i], y[i]), destination[i]);
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
        public float Invoke(float x, float y) => (lambda * x) + ((1 - lambda) * y);

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => (Vector128.Create(lambda) * x) + (Vector128.Create(1 - lambda) * y);

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => (Vector256.Create(lambda) * x) + (Vector256.Create(1 - lambda) * y);

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => (Vector512.Create(lambda) * x) + (Vector512.Create(1 - lambda) * y);
    }
}
