using System.Numerics.Tensors;
using Augment.Batching;

namespace Augment.Samples;

/// <summary>Prints a batch's per-channel mean and standard deviation and its targets' row sums.</summary>
internal static class BatchStatistics
{
    public static void Print(ImageBatch batch)
    {
        for (int c = 0; c < batch.Channels; c++)
        {
            double sum = 0, squares = 0;
            for (int n = 0; n < batch.Count; n++)
            {
                ReadOnlySpan<float> plane = batch.Plane(n, c);
                sum += TensorPrimitives.Sum(plane);
                squares += TensorPrimitives.SumOfSquares(plane);
            }

            double count = (double)batch.Count * batch.Height * batch.Width;
            double mean = sum / count;
            double std = Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean)));
            Console.WriteLine($"  channel {c}: mean {mean,7:F3}, std {std:F3}");
        }

        if (batch.ClassCount > 0)
        {
            ReadOnlySpan<float> first = batch.Targets[..batch.ClassCount];
            Console.WriteLine($"  targets: {batch.Count}x{batch.ClassCount}, label {batch.Labels[0]} -> {TensorPrimitives.Max(first):F3}, row sum {TensorPrimitives.Sum(first):F3}");
        }
    }
}
