using System.Buffers;
using Augment.Imaging;
using Augment.Kernels;
using Augment.Kernels.Geometry;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Transforms.Geometry;

namespace Augment.Data;

/// <summary>
/// The loader's fast path for a pipeline that starts with a geometric chain it can fuse:
/// <c>Resize → [RandomCrop | CenterCrop] → [RandomHorizontalFlip | HorizontalFlip] → [Normalize]</c> or
/// <c>RandomResizedCrop → [flip] → [Normalize]</c>. The chain's parameters are drawn through the transforms' own
/// <c>Draw</c> with the streams <see cref="Compose"/> would give them, on the image's full (oriented) size, so the
/// result equals the unfused chain's up to float rounding; the pixels are then resampled once from the decoded
/// 8-bit RGBA buffer, flip folded into the index map and normalization into the final write. The transforms after
/// the chain run as usual.
/// </summary>
/// <remarks>
/// With <see cref="DataLoaderOptions.DctScaling"/> the decoder may reduce a JPEG by 1/2, 1/4 or 1/8 while decoding,
/// keeping at least the resolution the chain needs (the resized size, or the random crop's window at output
/// resolution). DCT reduction is close to a box filter rather than PIL's antialiased triangle, and a crop window
/// is then rounded to whole pixels of the reduced image, so results differ slightly from a full-size decode:
/// see the loader tests for the measured bound.
/// </remarks>
internal sealed class FusedPipeline
{
    private readonly ITransform[] _steps;
    private readonly bool _forked;
    private readonly int _fused;
    private readonly Resize? _resize;
    private readonly RandomCrop? _randomCrop;
    private readonly CenterCrop? _centerCrop;
    private readonly RandomResizedCrop? _resizedCrop;
    private readonly int _cropIndex;
    private readonly RandomHorizontalFlip? _randomFlip;
    private readonly bool _alwaysFlip;
    private readonly int _flipIndex;
    private readonly float[] _scale = [];
    private readonly float[] _offset = [];
    private readonly AffineOperator[] _normalizers = [];

    private FusedPipeline(ITransform[] steps, bool forked, int fused, Resize? resize, RandomCrop? randomCrop, CenterCrop? centerCrop, RandomResizedCrop? resizedCrop,
        int cropIndex, RandomHorizontalFlip? randomFlip, bool alwaysFlip, int flipIndex, Normalize? normalize)
    {
        _steps = steps;
        _forked = forked;
        _fused = fused;
        _resize = resize;
        _randomCrop = randomCrop;
        _centerCrop = centerCrop;
        _resizedCrop = resizedCrop;
        _cropIndex = cropIndex;
        _randomFlip = randomFlip;
        _alwaysFlip = alwaysFlip;
        _flipIndex = flipIndex;
        if (normalize is not null)
        {
            _scale = new float[3];
            _offset = new float[3];
            for (int c = 0; c < 3; c++)
            {
                // The same float expressions as Normalize's own.
                _scale[c] = 1f / normalize.Std[c];
                _offset[c] = -normalize.Mean[c] / normalize.Std[c];
            }

            _normalizers = [new(_scale[0], _offset[0]), new(_scale[1], _offset[1]), new(_scale[2], _offset[2])];
        }
    }

    /// <summary>Whether transforms follow the fused chain.</summary>
    public bool HasRest => _fused < _steps.Length;

    /// <summary>Recognizes a fusable chain at the start of <paramref name="transform"/>, or returns <see langword="null"/>.</summary>
    public static FusedPipeline? TryCreate(ITransform? transform)
    {
        if (transform is null)
        {
            return null;
        }

        bool forked = transform is Compose;
        ITransform[] steps = transform is Compose compose ? [.. compose.Transforms] : [transform];
        if (steps.Length == 0)
        {
            return null;
        }

        int i = 1;
        Resize? resize = null;
        RandomCrop? randomCrop = null;
        CenterCrop? centerCrop = null;
        RandomResizedCrop? resizedCrop = steps[0] as RandomResizedCrop;
        int cropIndex = 0;
        if (resizedCrop is null)
        {
            resize = steps[0] as Resize;
            if (resize is null)
            {
                return null;
            }

            if (i < steps.Length && steps[i] is RandomCrop { Padding.IsNone: true, PadIfNeeded: false } crop)
            {
                randomCrop = crop;
                cropIndex = i++;
            }
            else if (i < steps.Length && steps[i] is CenterCrop center)
            {
                centerCrop = center;
                cropIndex = i++;
            }
        }

        RandomHorizontalFlip? randomFlip = null;
        bool alwaysFlip = false;
        int flipIndex = i;
        if (i < steps.Length && steps[i] is RandomHorizontalFlip flip)
        {
            randomFlip = flip;
            i++;
        }
        else if (i < steps.Length && steps[i] is HorizontalFlip)
        {
            alwaysFlip = true;
            i++;
        }

        Normalize? normalize = null;
        if (i < steps.Length && steps[i] is Normalize { Mean.Count: 3 } n)
        {
            normalize = n;
            i++;
        }

        return new FusedPipeline(steps, forked, i, resize, randomCrop, centerCrop, resizedCrop, cropIndex, randomFlip, alwaysFlip, flipIndex, normalize);
    }

    /// <summary>Draws the chain's parameters for an image whose full oriented size is <paramref name="size"/>.</summary>
    public FusedDraw Draw(ImageSize size, RandomSource random)
    {
        Window window;
        ImageSize output;
        ImageSize minimum;
        if (_resizedCrop is { } rrc)
        {
            RandomSource stream = Stream(random, 0);
            RandomResizedCropParams p = rrc.Draw(3, size, ref stream);
            window = new Window(p.Top, p.Left, p.Height, p.Width);
            output = rrc.Size;

            // Keep the crop window at least at output resolution: reduce by at most min(box / output).
            double keep = Math.Min(1.0, Math.Max((double)output.Height / p.Height, (double)output.Width / p.Width));
            minimum = new ImageSize((int)Math.Ceiling(size.Height * keep), (int)Math.Ceiling(size.Width * keep));
        }
        else
        {
            ImageSize resized = _resize!.Size.Resolve(size);
            minimum = resized;
            if (_randomCrop is { } crop)
            {
                RandomSource stream = Stream(random, _cropIndex);
                RandomCropParams p = crop.Draw(3, resized, ref stream);
                output = new ImageSize(crop.Height, crop.Width);
                window = new Window(p.Top, p.Left, output.Height, output.Width);
            }
            else if (_centerCrop is { } center)
            {
                (int top, int left) = CenterCrop.Corner(resized, center.Height, center.Width);
                output = new ImageSize(center.Height, center.Width);
                window = new Window(top, left, output.Height, output.Width);
            }
            else
            {
                output = resized;
                window = new Window(0, 0, resized.Height, resized.Width);
            }

            // The resized image stands between the decoded pixels and the crop window.
            window = window with { Resized = resized };
        }

        bool mirror = _alwaysFlip;
        if (_randomFlip is { } flip)
        {
            RandomSource stream = Stream(random, _flipIndex);
            mirror = flip.Draw(3, output, ref stream).Flipped;
        }

        return new FusedDraw(size, window, output, mirror, minimum);
    }

    /// <summary>Resamples <paramref name="pixels"/> (decoded at the draw's size or reduced) into a 3xHxW <paramref name="destination"/>.</summary>
    public void Render(PixelBuffer pixels, in FusedDraw draw, Span<float> destination)
    {
        Window w = draw.Window;
        ImageSize decoded = pixels.Size;
        ImageSize output = draw.Output;
        if (w.Resized is not { } resized)
        {
            // RandomResizedCrop: map the window onto the (possibly reduced) decoded pixels.
            (int top, int height) = Scale(w.Top, w.Height, decoded.Height, draw.FullSize.Height);
            (int left, int width) = Scale(w.Left, w.Width, decoded.Width, draw.FullSize.Width);
            var request = new ResampleRequest(top, left, height, width, output.Height, output.Width, _resizedCrop!.Interpolation, _resizedCrop.Antialias, draw.Mirror);
            Resampler.Resample(pixels.Pixels, pixels.Stride, pixels.Layout, decoded.Height, decoded.Width, request, destination, _scale, _offset);
            return;
        }

        var resize = new ResampleRequest(0, 0, decoded.Height, decoded.Width, resized.Height, resized.Width, _resize!.Interpolation, _resize.Antialias);
        if (resized == output && w.Top == 0 && w.Left == 0)
        {
            Resampler.Resample(pixels.Pixels, pixels.Stride, pixels.Layout, decoded.Height, decoded.Width, resize with { Mirror = draw.Mirror }, destination, _scale, _offset);
            return;
        }

        // Resize, then crop (zero outside, as CenterCrop pads) with the flip and the normalization in one pass.
        int length = 3 * resized.Height * resized.Width;
        float[] scratch = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Resampler.Resample(pixels.Pixels, pixels.Stride, pixels.Layout, decoded.Height, decoded.Width, resize, scratch);
            FlipMode flip = draw.Mirror ? FlipMode.Horizontal : FlipMode.None;
            if (_normalizers.Length == 0)
            {
                CropKernels.Crop(scratch.AsSpan(0, length), 3, resized, w.Top, w.Left, destination, output, flip);
            }
            else
            {
                CropKernels.Crop<AffineOperator>(scratch.AsSpan(0, length), 3, resized, w.Top, w.Left, destination, output, flip, 0f, _normalizers);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Runs the transforms after the fused chain, with the streams <see cref="Compose"/> would give them.</summary>
    public ImageTensor ApplyRest(ImageTensor image, RandomSource random)
    {
        for (int i = _fused; i < _steps.Length; i++)
        {
            RandomSource stream = Stream(random, i);
            image = _steps[i].Apply(image, ref stream);
        }

        return image;
    }

    private RandomSource Stream(RandomSource random, int index) => _forked ? random.Fork(index) : random;

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

/// <summary>A crop window; <see cref="Resized"/> is the size the image is resized to first (Resize chains), or <see langword="null"/> for a window of the source (RandomResizedCrop).</summary>
internal readonly record struct Window(int Top, int Left, int Height, int Width, ImageSize? Resized = null);

/// <summary>The drawn parameters of a fused chain for one image.</summary>
/// <param name="FullSize">The image's full oriented size, on which everything was drawn.</param>
/// <param name="Window">The crop window.</param>
/// <param name="Output">The output size.</param>
/// <param name="Mirror">Whether the output is mirrored left-right.</param>
/// <param name="MinimumSize">The smallest decoded size that keeps the chain's resolution (for DCT scaling).</param>
internal readonly record struct FusedDraw(ImageSize FullSize, Window Window, ImageSize Output, bool Mirror, ImageSize MinimumSize);
