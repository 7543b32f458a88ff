using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>
    /// Adjusts sharpness as torchvision's <c>adjust_sharpness</c>: effectively computes
    /// <c>clamp(f * x + (1 - f) * s, 0, 1)</c>, where <c>s</c> is <c>x</c> smoothed by the 3×3 kernel
    /// [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13 and equal to <c>x</c> on the border pixels. Images narrower or
    /// shorter than 3 pixels are returned unchanged.
    /// </summary>
    /// <param name="source">The image; it is not modified.</param>
    /// <param name="factor">The sharpness factor: 0 gives the smoothed image, 1 the original, 2 twice as sharp.</param>
    /// <returns>A new image.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not finite.</exception>
    public static ImageTensor Sharpness(ImageTensor source, float factor)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!float.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The sharpness factor must be finite.");
        }

        int width = source.Width, height = source.Height;
        if (width <= 2 || height <= 2)
        {
            return source.Clone();
        }

        var destination = ImageTensor.Create(source.Channels, source.Size);
        var blend = new SharpnessBlendOperator(factor);
        float[] scratch = ArrayPool<float>.Shared.Rent(2 * width);
        try
        {
            Span<float> columnSums = scratch.AsSpan(0, width);
            Span<float> smooth = scratch.AsSpan(width, width);
            for (int c = 0; c < source.Channels; c++)
            {
                Span<float> plane = source.Plane(c);
                Span<float> output = destination.Plane(c);
                Pointwise.Apply(plane[..width], plane[..width], output[..width], blend);
                for (int y = 1; y < height - 1; y++)
                {
                    ReadOnlySpan<float> above = plane.Slice((y - 1) * width, width);
                    ReadOnlySpan<float> row = plane.Slice(y * width, width);
                    ReadOnlySpan<float> below = plane.Slice((y + 1) * width, width);
                    SmoothRow(above, row, below, columnSums, smooth);
                    Pointwise.Apply(row, smooth, output.Slice(y * width, width), blend);
                }

                int lastRow = (height - 1) * width;
                Pointwise.Apply(plane.Slice(lastRow, width), plane.Slice(lastRow, width), output.Slice(lastRow, width), blend);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }

        return destination;
    }

    /// <summary>
    /// The 3×3 smoothing of one interior row: <c>s[x] = (sum of the 9 neighbours + 4 * row[x]) / 13</c> for
    /// <c>0 &lt; x &lt; W - 1</c>, and <c>s[x] = row[x]</c> at both ends.
    /// </summary>
    private static void SmoothRow(ReadOnlySpan<float> above, ReadOnlySpan<float> row, ReadOnlySpan<float> below, Span<float> columnSums, Span<float> smooth)
    {
        int width = row.Length;
        int inner = width - 2;
        TensorPrimitives.Add(above, row, columnSums);
        TensorPrimitives.Add(columnSums, below, columnSums);
        Span<float> middle = smooth.Slice(1, inner);
        TensorPrimitives.Add(columnSums[..inner], columnSums.Slice(1, inner), middle);
        TensorPrimitives.Add(middle, columnSums.Slice(2, inner), middle);
        TensorPrimitives.MultiplyAdd(row.Slice(1, inner), 4f, middle, middle);
        TensorPrimitives.Multiply(middle, 1f / 13f, middle);
        smooth[0] = row[0];
        smooth[width - 1] = row[width - 1];
    }

    /// <summary>torchvision's <c>_blend</c> on float images: <c>clamp(f * x + (1 - f) * y, 0, 1)</c>.</summary>
    private readonly struct SharpnessBlendOperator(float factor) : IBinaryOperator
    {
        private readonly float _factor = factor;
        private readonly float _complement = 1f - factor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Invoke<TLane>(TLane x, TLane y)
            where TLane : struct, ILane<TLane> =>
            TLane.ClampUnit((x * TLane.Create(_factor)) + (y * TLane.Create(_complement)));
    }
}
