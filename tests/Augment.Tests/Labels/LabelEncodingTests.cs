using Augment.Labels;

namespace Augment.Tests.Labels;

public sealed class LabelEncodingTests
{
    [Fact]
    public void OneHot_WithoutSmoothing_PutsOneAtTheLabel()
    {
        var targets = new float[3 * 4];
        LabelEncoding.OneHot([2, 0, 3], 4, targets);
        Assert.Equal([0f, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1], targets);
    }

    [Theory]
    [InlineData(0.1, 10)]
    [InlineData(0.2, 3)]
    [InlineData(0.5, 1000)]
    public void Smoothing_GivesEpsilonOverKOffAndOneMinusEpsilonPlusEpsilonOverKOn(double epsilon, int classes)
    {
        int[] labels = [0, classes - 1, classes / 2];
        var targets = new float[labels.Length * classes];
        LabelEncoding.OneHot(labels, classes, targets, epsilon);
        for (int n = 0; n < labels.Length; n++)
        {
            ReadOnlySpan<float> row = targets.AsSpan(n * classes, classes);
            for (int k = 0; k < classes; k++)
            {
                float expected = (float)(k == labels[n] ? 1.0 - epsilon + (epsilon / classes) : epsilon / classes);
                Assert.Equal(expected, row[k]);
            }

            double sum = 0;
            foreach (float v in row)
            {
                sum += v;
            }

            Assert.Equal(1.0, sum, 1e-5);
        }
    }

    [Fact]
    public void LabelOutOfRange_NamesTheSample()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LabelEncoding.OneHot([1, 5], 4, new float[8]));
        Assert.Contains("Sample 1", error.Message);
        Assert.Contains("label 5", error.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void InvalidSmoothing_Throws(double epsilon)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LabelEncoding.OneHot([0], 2, new float[2], epsilon));
        Assert.Equal("smoothing", error.ParamName);
    }

    [Fact]
    public void ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelEncoding.OneHot([0, 1], 3, new float[5]));
    }
}
