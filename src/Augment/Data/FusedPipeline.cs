using System.Buffers;
using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Geometry;
using Augment.Kernels.Lanes;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Sampling;

namespace Augment.Data;

/// <summary>
/// The loader's fast path for a pipeline that starts with a chain of <see cref="ISamplingStep"/>s including a resize
/// (e.g. <c>Resize → RandomCrop → RandomHorizontalFlip → Normalize</c> or <c>RandomResizedCrop → flip</c>): the
/// planner walks the steps until the first one that cannot fuse (<see cref="SamplingPlan.CanFollow"/>) and runs
/// the rest unfused. Each step draws its parameters through its own <c>Draw</c> with the stream
/// <see cref="Compose.ChildStream"/> gives it, on the image's full (oriented) size, so the result equals the unfused
/// chain's up to float rounding; the pixels are then resampled once from the decoded 8-bit buffer, for the output
/// window's rows and columns only, flips folded into the index maps and the per-channel affine into the final write.
/// </summary>
/// <remarks>
/// With <see cref="DataLoaderOptions.DctScaling"/> the decoder may reduce a JPEG by 1/2, 1/4 or 1/8 while decoding,
/// keeping at least the resolution the chain needs (the resized size, or the source window at resized
/// resolution). DCT reduction is close to a box filter rather than PIL's antialiased triangle, and a source window
/// is then rounded to whole pixels of the reduced image, so results differ slightly from a full-size decode:
/// see the loader tests for the measured bound.
/// </remarks>
internal sealed class FusedPipeline
{
    private readonly ITransform[] _steps;
    private readonly bool _forked;
    private readonly ISamplingStep[] _fused;

    private FusedPipeline(ITransform[] steps, bool forked, ISamplingStep[] fused)
    {
        _steps = steps;
        _forked = forked;
        _fused = fused;
    }

    /// <summary>Whether transforms follow the fused chain.</summary>
    public bool HasRest => _fused.Length < _steps.Length;

    /// <summary>The leading steps that are fused.</summary>
    public IReadOnlyList<ISamplingStep> FusedSteps => _fused;

    /// <summary>
    /// Plans the longest fusable chain at the start of <paramref name="transform"/> (a <see cref="Compose"/>'s
    /// children, or the transform itself), or returns <see langword="null"/> when that chain does not resize (then
    /// fusing saves nothing).
    /// </summary>
    public static FusedPipeline? TryCreate(ITransform? transform)
    {
        if (transform is null)
        {
            return null;
        }

        ITransform[] steps = transform is Compose compose ? [.. compose.Transforms] : [transform];
        var fused = new List<ISamplingStep>();
        SamplingEffects effects = SamplingEffects.None;
        foreach (ITransform step in steps)
        {
            if (step is not ISamplingStep sampling || !SamplingPlan.CanFollow(effects, sampling.Effects))
            {
                break;
            }

            fused.Add(sampling);
            effects |= sampling.Effects;
        }

        return (effects & SamplingEffects.Resize) == 0 ? null : new FusedPipeline(steps, transform is Compose, [.. fused]);
    }

    /// <summary>Draws the chain's parameters for an image whose full oriented size is <paramref name="size"/>.</summary>
    public FusedDraw Draw(ImageSize size, RandomSource random)
    {
        var plan = new SamplingPlan(size);
        for (int i = 0; i < _fused.Length; i++)
        {
            RandomSource stream = Stream(random, i);
            _fused[i].Plan(ref plan, ref stream);
        }

        // Keep the source window at least at resized resolution: reduce by at most min(window / resized).
        SamplingWindow source = plan.Source;
        ImageSize resized = plan.Resized;
        ImageSize minimum = resized;
        if (source.Size != size)
        {
            double keep = Math.Min(1.0, Math.Max((double)resized.Height / source.Height, (double)resized.Width / source.Width));
            minimum = new ImageSize((int)Math.Ceiling(size.Height * keep), (int)Math.Ceiling(size.Width * keep));
        }

        return new FusedDraw(plan, minimum);
    }

    /// <summary>
    /// Resamples <paramref name="pixels"/> (decoded at the draw's size or reduced) into a 3xHxW
    /// <paramref name="destination"/>, then maps each channel by <c>x * thenScale[c] + thenOffset[c]</c> in the same
    /// write when those are given (a collator's normalization, folded in).
    /// </summary>
    /// <param name="pixels">The decoded pixels.</param>
    /// <param name="draw">The drawn plan.</param>
    /// <param name="destination">At least <c>3 * H * W</c> elements.</param>
    /// <param name="thenScale">Three per-channel scales applied after the chain, or empty.</param>
    /// <param name="thenOffset">Three per-channel offsets applied after the chain, or empty.</param>
    public void Render(PixelBuffer pixels, in FusedDraw draw, Span<float> destination, ReadOnlySpan<float> thenScale = default, ReadOnlySpan<float> thenOffset = default)
    {
        SamplingPlan plan = draw.Plan;
        ImageSize decoded = pixels.Size;
        ImageSize full = plan.FullSize;
        SamplingWindow source = plan.Source;
        SamplingWindow output = plan.Output;
        SamplingWindow visible = output.Intersect(plan.Valid);
        scoped ReadOnlySpan<float> scale = plan.Scale.Span, offset = plan.Offset.Span;
        Span<float> composed = stackalloc float[2 * 3];
        if (!thenScale.IsEmpty)
        {
            // (x * s + o) * s' + o' = x * (s * s') + (o * s' + o').
            for (int c = 0; c < 3; c++)
            {
                (float s, float o) = scale.IsEmpty ? (1f, 0f) : (scale[c], offset[c]);
                composed[c] = s * thenScale[c];
                composed[3 + c] = (o * thenScale[c]) + thenOffset[c];
            }

            scale = composed[..3];
            offset = composed[3..];
        }

        // The source window on the (possibly reduced) decoded pixels, then the visible block of its resize.
        (int top, int height) = Scale(source.Top, source.Height, decoded.Height, full.Height);
        (int left, int width) = Scale(source.Left, source.Width, decoded.Width, full.Width);
        var request = new ResampleRequest(top, left, height, width, visible.Height, visible.Width, plan.Interpolation, plan.Antialias)
        {
            Resized = plan.Resized,
            RowOffset = visible.Top,
            ColumnOffset = visible.Left,
        };
        if (visible == output)
        {
            request = request with { Mirror = plan.FlipHorizontal, MirrorVertical = plan.FlipVertical };
            Resampler.Resample(pixels.Pixels, pixels.Stride, pixels.Layout, decoded.Height, decoded.Width, request, destination, scale, offset);
            return;
        }

        // Padding shows: resample the visible block, then place it (fill around it) with the flips and the affine in one pass.
        Span<AffineOperator> affine = stackalloc AffineOperator[scale.Length];
        for (int c = 0; c < affine.Length; c++)
        {
            affine[c] = new AffineOperator(scale[c], offset[c]);
        }

        float fill = plan.Fill ?? 0f;
        if (visible.IsEmpty)
        {
            int area = output.Height * output.Width;
            for (int c = 0; c < 3; c++)
            {
                float value = fill;
                if (!affine.IsEmpty)
                {
                    ScalarLane.Store(affine[c].Invoke(ScalarLane.Create(fill)), ref value, 0);
                }

                destination.Slice(c * area, area).Fill(value);
            }

            return;
        }

        int length = 3 * visible.Height * visible.Width;
        float[] scratch = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Resampler.Resample(pixels.Pixels, pixels.Stride, pixels.Layout, decoded.Height, decoded.Width, request, scratch);
            FlipMode flip = (plan.FlipHorizontal ? FlipMode.Horizontal : FlipMode.None) | (plan.FlipVertical ? FlipMode.Vertical : FlipMode.None);
            int cropTop = output.Top - visible.Top, cropLeft = output.Left - visible.Left;
            if (affine.IsEmpty)
            {
                CropKernels.Crop(scratch.AsSpan(0, length), 3, visible.Size, cropTop, cropLeft, destination, output.Size, flip, fill);
            }
            else
            {
                CropKernels.Crop<AffineOperator>(scratch.AsSpan(0, length), 3, visible.Size, cropTop, cropLeft, destination, output.Size, flip, fill, affine);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Runs the transforms after the fused chain on the worker's private image, with the streams <see cref="Compose"/>
    /// would give them (<see cref="Transform.ApplyPrivately"/>: steps that work in place return the same object).
    /// </summary>
    public ImageTensor ApplyRest(ImageTensor image, RandomSource random)
    {
        for (int i = _fused.Length; i < _steps.Length; i++)
        {
            RandomSource stream = Stream(random, i);
            image = Transform.ApplyPrivately(_steps[i], image, ref stream);
        }

        return image;
    }

    private RandomSource Stream(RandomSource random, int index) => _forked ? Compose.ChildStream(random, index) : random;

    // A window [start, start + length) of a full-size axis of `full` samples, on an axis reduced to `decoded` samples.
    private static (int Start, int Length) Scale(int start, int length, int decoded, int full)
    {
        if (decoded == full)
        {
            return (start, length);
        }

        double f = (double)decoded / full;
        int first = Math.Clamp((int)Math.Round(start * f), 0, decoded - 1);
        int end = Math.Clamp((int)Math.Round((start + length) * f), first + 1, decoded);
        return (first, end - first);
    }
}

/// <summary>The drawn plan of a fused chain for one image.</summary>
/// <param name="Plan">The plan, drawn on the image's full oriented size.</param>
/// <param name="MinimumSize">The smallest decoded size that keeps the chain's resolution (for DCT scaling).</param>
internal readonly record struct FusedDraw(SamplingPlan Plan, ImageSize MinimumSize)
{
    /// <summary>The output size.</summary>
    public ImageSize Output => Plan.Size;
}
