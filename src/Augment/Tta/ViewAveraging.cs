using System.Buffers;
using System.Numerics.Tensors;

namespace Augment.Tta;

/// <summary>
/// Reduces a model's outputs over a batch of test-time views (see <see cref="TestTimeCollator"/>) to one row per
/// image: the mean of its V view rows, as logits or as softmax probabilities.
/// </summary>
public static class ViewAveraging
{
    /// <summary>
    /// Averages <paramref name="outputs"/>, row-major (N · V, K) with image n's views in rows
    /// <c>[n · V, (n + 1) · V)</c>, into <paramref name="destination"/>, row-major (N, K).
    /// </summary>
    /// <param name="outputs">The model outputs, <c>N · V · K</c> elements.</param>
    /// <param name="viewCount">V, positive.</param>
    /// <param name="classCount">K, positive.</param>
    /// <param name="destination">At least <c>N · K</c> elements.</param>
    /// <param name="average">Whether to average logits or softmax probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or <paramref name="average"/> is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is not a whole number of images, or <paramref name="destination"/> is too short.</exception>
    public static void Average(ReadOnlySpan<float> outputs, int viewCount, int classCount, Span<float> destination, ViewAverage average = ViewAverage.Probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(viewCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (!Enum.IsDefined(average))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average, $"Unknown ViewAverage {average}.");
        }

        long rowsPerImage = (long)viewCount * classCount;
        if (outputs.Length % rowsPerImage != 0)
        {
            throw new ArgumentException($"{outputs.Length} outputs are not a whole number of images of {viewCount} views x {classCount} classes.", nameof(outputs));
        }

        int images = (int)(outputs.Length / rowsPerImage);
        if (destination.Length < (long)images * classCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements; {images} images of {classCount} classes need {(long)images * classCount}.", nameof(destination));
        }

        float[] scratch = ArrayPool<float>.Shared.Rent(classCount);
        try
        {
            Span<float> probabilities = scratch.AsSpan(0, classCount);
            for (int n = 0; n < images; n++)
            {
                Span<float> mean = destination.Slice(n * classCount, classCount);
                mean.Clear();
                for (int v = 0; v < viewCount; v++)
                {
                    ReadOnlySpan<float> row = outputs.Slice(((n * viewCount) + v) * classCount, classCount);
                    if (average == ViewAverage.Probabilities)
                    {
                        TensorPrimitives.SoftMax(row, probabilities);
                        row = probabilities;
                    }

                    TensorPrimitives.Add(mean, row, mean);
                }

                TensorPrimitives.Multiply(mean, 1f / viewCount, mean);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Averages an (N · V, K) output tensor into a new (N, K) tensor.</summary>
    /// <param name="outputs">The model outputs, rank 2, dense.</param>
    /// <param name="viewCount">V, positive.</param>
    /// <param name="average">Whether to average logits or softmax probabilities.</param>
    /// <returns>The (N, K) predictions.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is not of rank 2 or its row count is not a multiple of V.</exception>
    public static Tensor<float> Average(in ReadOnlyTensorSpan<float> outputs, int viewCount, ViewAverage average = ViewAverage.Probabilities)
    {
        if (outputs.Rank != 2)
        {
            throw new ArgumentException($"Model outputs have rank 2 (N * V, K), got rank {outputs.Rank}.", nameof(outputs));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(viewCount);
        int rows = checked((int)outputs.Lengths[0]), classes = checked((int)outputs.Lengths[1]);
        if (rows % viewCount != 0)
        {
            throw new ArgumentException($"{rows} output rows are not a whole number of images of {viewCount} views.", nameof(outputs));
        }

        var flat = new float[rows * classes];
        outputs.FlattenTo(flat);
        var result = new float[rows / viewCount * classes];
        Average(flat, viewCount, classes, result, average);
        return Tensor.Create(result, [rows / viewCount, classes]);
    }
}
