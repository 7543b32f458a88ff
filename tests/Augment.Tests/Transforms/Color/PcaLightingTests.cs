using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;
using Augment.Transforms.Color;

namespace Augment.Tests.Transforms.Color;

public sealed class PcaLightingTests
{
    [Fact]
    public void Alphas_AreNormalWithTheGivenDeviation()
    {
        var lighting = new PcaLighting(0.1);
        var alphas = new List<double>();
        for (int i = 0; i < 4000; i++)
        {
            var random = RandomSource.ForSample(8, 0, i);
            PcaLightingParams p = lighting.Draw(3, new ImageSize(2, 2), ref random);
            alphas.AddRange([p.Alpha0, p.Alpha1, p.Alpha2]);
        }

        double mean = alphas.Average();
        double std = Math.Sqrt(alphas.Sum(a => (a - mean) * (a - mean)) / (alphas.Count - 1));
        Assert.InRange(mean, -0.003, 0.003);
        Assert.InRange(std, 0.097, 0.103);

        var off = new PcaLighting(0);
        var zero = RandomSource.FromSeed(1);
        Assert.Equal(default, off.Draw(3, new ImageSize(2, 2), ref zero));
    }

    [Fact]
    public void Apply_AddsTheImageNetOffsets()
    {
        using ImageTensor source = TestImages.Random(3, 4, 6, 12);
        var lighting = new PcaLighting();
        using ImageTensor lit = lighting.Apply(source.Clone(), new PcaLightingParams(0.05f, -0.1f, 0.02f));
        Span<float> offsets = stackalloc float[3];
        ColorKernels.PcaLightingOffsets([0.05f, -0.1f, 0.02f], [0.2175f, 0.0188f, 0.0045f], PcaLightingBasis.ImageNet.Eigenvectors, offsets);
        Assert.Equal(-0.5675 * 0.05 * 0.2175 + 0.7192 * -0.1 * 0.0188 + 0.4009 * 0.02 * 0.0045, offsets[0], 1e-7);
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal(source.Data[i] + offsets[i / source.PlaneLength], lit.Data[i]);
        }
    }

    [Fact]
    public void Jacobi_DecomposesSymmetricMatrices()
    {
        double[][] matrices =
        [
            [4, 1, 2, 1, 3, 0.5, 2, 0.5, 5],
            [2, 0, 0, 0, 2, 0, 0, 0, 2], // repeated eigenvalue
            [1e-6, 2e-7, 0, 2e-7, 3e-6, 1e-7, 0, 1e-7, 2e-6], // tiny scale
            [1, 0.999, 0.998, 0.999, 1, 0.999, 0.998, 0.999, 1], // nearly singular
        ];
        Span<double> values = stackalloc double[3];
        Span<double> vectors = stackalloc double[9];
        foreach (double[] a in matrices)
        {
            SymmetricEigen3.Decompose(a, values, vectors);
            Assert.True(values[0] >= values[1] && values[1] >= values[2]);
            double scale = Math.Abs(values[0]);
            for (int k = 0; k < 3; k++)
            {
                for (int i = 0; i < 3; i++)
                {
                    double av = 0;
                    for (int j = 0; j < 3; j++)
                    {
                        av += a[(3 * i) + j] * vectors[(3 * j) + k];
                    }

                    Assert.Equal(values[k] * vectors[(3 * i) + k], av, 1e-12 * scale);
                }

                for (int l = 0; l < 3; l++)
                {
                    double dot = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        dot += vectors[(3 * i) + k] * vectors[(3 * i) + l];
                    }

                    Assert.Equal(k == l ? 1 : 0, dot, 1e-12);
                }
            }
        }
    }

    /// <summary>Pixels x = μ + L z with z standard normal have covariance L Lᵀ: the fit must recover it and its eigenbasis.</summary>
    [Fact]
    public void Fit_RecoversAKnownCovariance()
    {
        double[] l = [0.25, 0, 0, 0.15, 0.1, 0, 0.05, -0.04, 0.03]; // lower-triangular factor
        double[] mean = [0.45, 0.42, 0.38];
        double[] sigma = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    sigma[(3 * i) + j] += l[(3 * i) + k] * l[(3 * j) + k];
                }
            }
        }

        var fit = new PcaLightingFit();
        var random = RandomSource.FromSeed(2024);
        for (int image = 0; image < 6; image++)
        {
            using ImageTensor sample = Correlated(32 + image, 48, l, mean, ref random);
            fit.Add(sample);
        }

        Assert.Equal(6 * 48 * 32 + (48 * 15), fit.Count);
        Span<double> covariance = stackalloc double[9];
        fit.GetCovariance(covariance);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(sigma[i], covariance[i], 0.004); // sampling error of ~10k pixels
        }

        Span<double> values = stackalloc double[3];
        Span<double> vectors = stackalloc double[9];
        SymmetricEigen3.Decompose(sigma, values, vectors);
        PcaLightingBasis basis = fit.Compute();
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(values[k], basis.Eigenvalues[k], 0.004);
            double cosine = 0;
            for (int c = 0; c < 3; c++)
            {
                cosine += vectors[(3 * c) + k] * basis.Eigenvector(c, k);
            }

            Assert.True(cosine > (k == 2 ? 0.95 : 0.99), $"Eigenvector {k} is off by acos({cosine}).");
        }

        var lighting = new PcaLighting(0.1, basis);
        Assert.Same(basis, lighting.Basis);
    }

    /// <summary>Merging shards equals one pass over everything, and both equal the two-pass covariance in double.</summary>
    [Fact]
    public void Fit_MergesShardsExactly_AndIsStableUnderALargeOffset()
    {
        var random = RandomSource.FromSeed(77);
        double[] l = [0.01, 0, 0, 0.004, 0.006, 0, 0.002, 0.001, 0.003];
        using ImageTensor a = Correlated(20, 30, l, [1000, 1000, 1000], ref random); // variance 1e-4 on a mean of 1000
        using ImageTensor b = Correlated(11, 13, l, [1000.05, 999.98, 1000], ref random);
        var whole = new PcaLightingFit();
        whole.Add(a);
        whole.Add(b);
        var left = new PcaLightingFit();
        left.Add(a);
        var right = new PcaLightingFit();
        right.Add(b);
        left.Merge(right);
        Span<double> c1 = stackalloc double[9], c2 = stackalloc double[9];
        whole.GetCovariance(c1);
        left.GetCovariance(c2);

        double[] reference = ReferenceCovariance(a, b);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(c1[i], c2[i], 1e-12);
            Assert.Equal(reference[i], c1[i], (Math.Abs(reference[i]) * 1e-6) + 1e-12);
        }

        Assert.Throws<InvalidOperationException>(() => new PcaLightingFit().Compute());
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("alphaStd", () => new PcaLighting(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>("alphaStd", () => new PcaLighting(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("eigenvalues", () => new PcaLightingBasis([1, -1, 0], new float[9]));
        Assert.Throws<ArgumentException>("eigenvectors", () => new PcaLightingBasis([1, 1, 0], new float[8]));
        using ImageTensor gray = TestImages.Random(1, 2, 2, 1);
        Assert.Throws<ArgumentException>("image", () => new PcaLightingFit().Add(gray));
    }

    private static ImageTensor Correlated(int height, int width, double[] l, double[] mean, ref RandomSource random)
    {
        var image = ImageTensor.Create(3, height, width);
        int n = image.PlaneLength;
        for (int i = 0; i < n; i++)
        {
            double z0 = random.NextNormal(), z1 = random.NextNormal(), z2 = random.NextNormal();
            for (int c = 0; c < 3; c++)
            {
                image.Data[(c * n) + i] = (float)(mean[c] + (l[3 * c] * z0) + (l[(3 * c) + 1] * z1) + (l[(3 * c) + 2] * z2));
            }
        }

        return image;
    }

    private static double[] ReferenceCovariance(params ImageTensor[] images)
    {
        var pixels = new List<double[]>();
        foreach (ImageTensor image in images)
        {
            for (int i = 0; i < image.PlaneLength; i++)
            {
                pixels.Add([image.Data[i], image.Data[image.PlaneLength + i], image.Data[(2 * image.PlaneLength) + i]]);
            }
        }

        double[] mean = [.. Enumerable.Range(0, 3).Select(c => pixels.Average(p => p[c]))];
        double[] covariance = new double[9];
        foreach (double[] p in pixels)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    covariance[(3 * i) + j] += (p[i] - mean[i]) * (p[j] - mean[j]) / (pixels.Count - 1);
                }
            }
        }

        return covariance;
    }
}
