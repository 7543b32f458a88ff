using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;
using Augment.Randomness;
using Augment.Tests.Batching;

namespace Augment.Tests.Mixing;

/// <summary>Scalar, out-of-place definitions of the batch mixers, to check the in-place kernels against.</summary>
internal static class MixReference
{
    /// <summary>Mixup / CutMix of copies of the batch's images and targets (the definition in <c>MixKernels.Mix</c>).</summary>
    public static (float[] Images, float[] Targets) Mix(ImageBatch batch, MixParams p)
    {
        float[] images = batch.Data.ToArray(), targets = batch.Targets.ToArray();
        float[] outImages = (float[])images.Clone(), outTargets = (float[])targets.Clone();
        int length = batch.SampleLength, h = batch.Height, w = batch.Width, k = batch.ClassCount;
        for (int i = 0; i < batch.Count; i++)
        {
            int j = p.Partners[i];
            float lambda = p.Lambdas[i];
            MixKind kind = j == i ? MixKind.None : p.Kinds[i]; // a sample mixed with itself stays exactly as it is
            if (kind == MixKind.Blend)
            {
                for (int e = 0; e < length; e++)
                {
                    outImages[(i * length) + e] = MathF.FusedMultiplyAdd(images[(i * length) + e], lambda, images[(j * length) + e] * (1f - lambda));
                }
            }
            else if (kind == MixKind.Paste)
            {
                CutBox box = p.Boxes[i];
                for (int c = 0; c < batch.Channels; c++)
                {
                    for (int y = box.Top; y < box.Top + box.Height; y++)
                    {
                        for (int x = box.Left; x < box.Left + box.Width; x++)
                        {
                            int e = (c * h * w) + (y * w) + x;
                            outImages[(i * length) + e] = images[(j * length) + e];
                        }
                    }
                }
            }

            if (kind != MixKind.None && lambda != 1f)
            {
                for (int c = 0; c < k; c++)
                {
                    outTargets[(i * k) + c] = MathF.FusedMultiplyAdd(targets[(i * k) + c], lambda, targets[(j * k) + c] * (1f - lambda));
                }
            }
        }

        return (outImages, outTargets);
    }

    /// <summary>RICAP of copies of the batch's images and targets.</summary>
    public static (float[] Images, float[] Targets) Ricap(ImageBatch batch, RicapParams p)
    {
        float[] images = batch.Data.ToArray(), targets = batch.Targets.ToArray();
        var outImages = new float[images.Length];
        var outTargets = new double[targets.Length];
        int length = batch.SampleLength, h = batch.Height, w = batch.Width, k = batch.ClassCount;
        for (int i = 0; i < batch.Count; i++)
        {
            for (int c = 0; c < batch.Channels; c++)
            {
                for (int y = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++)
                    {
                        int bh = p.BoundaryHeights[i], bw = p.BoundaryWidths[i];
                        int patch = (y < bh ? 0 : 2) + (x < bw ? 0 : 1);
                        int sy = y - (y < bh ? 0 : bh) + p.OffsetsY(patch)[i];
                        int sx = x - (x < bw ? 0 : bw) + p.OffsetsX(patch)[i];
                        int source = p.Sources(patch)[i];
                        outImages[(i * length) + (c * h * w) + (y * w) + x] = images[(source * length) + (c * h * w) + (sy * w) + sx];
                    }
                }
            }

            for (int patch = 0; patch < 4; patch++)
            {
                (int ph, int pw) = p.PatchSize(i, patch, h, w);
                double weight = (double)ph * pw / (h * w);
                for (int c = 0; c < k; c++)
                {
                    outTargets[(i * k) + c] += weight * targets[(p.Sources(patch)[i] * k) + c];
                }
            }
        }

        return (outImages, [.. outTargets.Select(t => (float)t)]);
    }

    /// <summary>Draws <paramref name="mixer"/>'s parameters for batches of several sizes and checks the in-place kernel against <see cref="Mix"/>.</summary>
    public static void AssertExact(BatchTransform<MixParams> mixer)
    {
        for (int seed = 0; seed < 6; seed++)
        {
            using ImageBatch batch = BatchTestData.Batch(7 + seed, 3, 6, 9, classes: 5);
            var parameters = new MixParams();
            var random = RandomSource.FromSeed((ulong)seed);
            mixer.Draw(batch.Count, batch.Size, ref random, parameters);
            (float[] images, float[] targets) = Mix(batch, parameters);
            mixer.Apply(batch, parameters);
            Assert.Equal(images, batch.Data.ToArray());
            Assert.Equal(targets, batch.Targets.ToArray());
            AssertRowsSumToOne(batch);
        }
    }

    /// <summary>Asserts that every soft-target row of <paramref name="batch"/> sums to 1.</summary>
    public static void AssertRowsSumToOne(ImageBatch batch)
    {
        for (int n = 0; n < batch.Count; n++)
        {
            float sum = 0;
            foreach (float t in batch.Targets.Slice(n * batch.ClassCount, batch.ClassCount))
            {
                sum += t;
            }

            Assert.Equal(1f, sum, 1e-5f);
        }
    }

    /// <summary>In <see cref="MixMode.Sample"/>, sample i's draws depend on neither the other samples nor the batch size.</summary>
    public static void AssertSampleDrawsIgnoreTheBatchSize(BatchTransform<MixParams> mixer)
    {
        MixParams small = new(), large = new();
        var a = RandomSource.ForSample(11, 2, 3);
        var b = RandomSource.ForSample(11, 2, 3);
        mixer.Draw(4, new ImageSize(20, 30), ref a, small);
        mixer.Draw(9, new ImageSize(20, 30), ref b, large);
        Assert.Equal(small.Lambdas.ToArray(), large.Lambdas[..4].ToArray());
        Assert.Equal(small.Kinds.ToArray(), large.Kinds[..4].ToArray());
        Assert.Equal(small.Boxes.ToArray(), large.Boxes[..4].ToArray());
    }

    /// <summary>A sample mixed with itself stays as it is, so a batch of one comes back unchanged.</summary>
    public static void AssertBatchOfOneIsUnchanged(BatchTransform<MixParams> mixer)
    {
        using ImageBatch batch = BatchTestData.Batch(1, 3, 4, 4);
        float[] images = batch.Data.ToArray();
        var random = RandomSource.FromSeed(1);
        mixer.Apply(batch, ref random);
        Assert.Equal(images, batch.Data.ToArray());
    }
}
