using System.Buffers;
using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Transforms.Geometry;

/// <summary>
/// The valid top-left corners of a crop window in an image, on a grid of strides: corner <c>i</c> (row-major) is
/// <c>(i / Columns · StrideY, i % Columns · StrideX)</c>. A value computed per image size, never a table, so drawing
/// corners for images of varying sizes allocates nothing.
/// </summary>
/// <param name="Rows">The corner rows, <c>(H − h) / StrideY + 1</c> (0 when the crop is taller than the image).</param>
/// <param name="Columns">The corner columns, <c>(W − w) / StrideX + 1</c> (0 when the crop is wider than the image).</param>
/// <param name="StrideY">The vertical distance between corners.</param>
/// <param name="StrideX">The horizontal distance between corners.</param>
internal readonly record struct CornerGrid(int Rows, int Columns, int StrideY, int StrideX)
{
    /// <summary>The largest draw whose index scratch lives on the stack.</summary>
    private const int StackDraw = 64;

    /// <summary>The corners, <c>Rows · Columns</c> (at most the image's pixel count).</summary>
    public int Count => Rows * Columns;

    /// <summary>Corner <paramref name="index"/>, row-major.</summary>
    public CropCorner this[int index] => new(index / Columns * StrideY, index % Columns * StrideX);

    /// <summary>The grid of a <paramref name="crop"/> window in an <paramref name="image"/> (sizes and strides already validated as positive).</summary>
    public static CornerGrid Of(ImageSize image, ImageSize crop, int strideY, int strideX) =>
        new(Steps(image.Height, crop.Height, strideY), Steps(image.Width, crop.Width, strideX), strideY, strideX);

    /// <summary>
    /// Draws <paramref name="destination"/>.Length distinct corners (at most <see cref="Count"/>), each k-subset equally
    /// likely, in random order: a partial Fisher–Yates shuffle of the indices <c>[0, Count)</c>, position t swapped with
    /// a uniform pick among <c>[t, Count)</c>. The index array is virtual (only the swapped positions are kept, at most
    /// k of them, in stack or pooled scratch), so a draw costs O(k²) whatever the grid's size and allocates nothing.
    /// </summary>
    public void Draw(ref RandomSource random, Span<CropCorner> destination)
    {
        int k = destination.Length;
        int[]? rented = k <= StackDraw ? null : ArrayPool<int>.Shared.Rent(2 * k);
        Span<int> scratch = rented is null ? stackalloc int[2 * StackDraw] : rented;
        Span<int> positions = scratch[..k], values = scratch.Slice(k, k);
        int swapped = 0;
        for (int t = 0; t < k; t++)
        {
            int j = t + random.NextInt32(Count - t);
            destination[t] = this[At(positions, values, swapped, j)];
            if (j != t)
            {
                // Position j now holds what position t held; position t is never read again.
                int moved = At(positions, values, swapped, t);
                int slot = positions[..swapped].IndexOf(j);
                if (slot < 0)
                {
                    (positions[swapped], values[swapped]) = (j, moved);
                    swapped++;
                }
                else
                {
                    values[slot] = moved;
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>The index at <paramref name="position"/> of the virtual array: its swapped value, or the position itself.</summary>
    private static int At(ReadOnlySpan<int> positions, ReadOnlySpan<int> values, int swapped, int position)
    {
        int slot = positions[..swapped].IndexOf(position);
        return slot < 0 ? position : values[slot];
    }

    private static int Steps(int image, int crop, int stride) => image < crop ? 0 : ((image - crop) / stride) + 1;
}
