using Augment.Imaging;

namespace Augment.Transforms.Sampling;

/// <summary>
/// What a fused chain does to one image, built step by step by <see cref="ISamplingStep"/>s on the image's full
/// (oriented) size: the <see cref="Source"/> window of the image is resized to <see cref="Resized"/>; the
/// <see cref="Output"/> window of that resize is cut, reading <see cref="Fill"/> outside <see cref="Valid"/>; the
/// result is mirrored as <see cref="FlipHorizontal"/> and <see cref="FlipVertical"/> say; and channel <c>c</c> is
/// mapped by <c>x * Scale[c] + Offset[c]</c>. The loader then resamples the decoded pixels once, for the output
/// window's rows and columns only.
/// </summary>
/// <remarks>
/// Before any resize, <see cref="Resized"/> is the source window's own size (an identity resampling). Windows and
/// flips compose in any order (a window of a mirrored image is the mirrored window); a resize must come before any
/// padding, flip or affine, and at most once; a padded window cannot follow an affine (its fill would skip it).
/// <see cref="CanFollow"/> states these rules on declared effects, and the methods check them again on the values.
/// </remarks>
internal struct SamplingPlan
{
    /// <summary>Starts the plan of an image of <paramref name="fullSize"/>: the whole image, unchanged.</summary>
    /// <param name="fullSize">The image's full oriented size, positive.</param>
    public SamplingPlan(ImageSize fullSize)
    {
        fullSize.ThrowIfEmpty(nameof(fullSize));
        FullSize = fullSize;
        Source = Output = Valid = SamplingWindow.Covering(fullSize);
        Resized = fullSize;
        Interpolation = Interpolation.Bilinear;
        Antialias = true;
    }

    /// <summary>The image's full oriented size, on which every step draws.</summary>
    public readonly ImageSize FullSize { get; }

    /// <summary>The window of the full-size image that is resampled; always inside it.</summary>
    public SamplingWindow Source { readonly get; private set; }

    /// <summary>The size <see cref="Source"/> is resampled to.</summary>
    public ImageSize Resized { readonly get; private set; }

    /// <summary>Whether a step resized the image (else the resampling is the identity).</summary>
    public bool HasResize { readonly get; private set; }

    /// <summary>The resize's interpolation.</summary>
    public Interpolation Interpolation { readonly get; private set; }

    /// <summary>Whether the resize's bilinear and bicubic downscaling are antialiased.</summary>
    public bool Antialias { readonly get; private set; }

    /// <summary>The output window, in the coordinates of the resized image; it may reach outside it.</summary>
    public SamplingWindow Output { readonly get; private set; }

    /// <summary>The part of the resized image that holds pixels; the rest of <see cref="Output"/> reads <see cref="Fill"/>.</summary>
    public SamplingWindow Valid { readonly get; private set; }

    /// <summary>The value of padded pixels (before the affine), or <see langword="null"/> when no window padded.</summary>
    public float? Fill { readonly get; private set; }

    /// <summary>Whether the output is mirrored left-right.</summary>
    public bool FlipHorizontal { readonly get; private set; }

    /// <summary>Whether the output is mirrored top-bottom.</summary>
    public bool FlipVertical { readonly get; private set; }

    /// <summary>The per-channel scale of the output values, or empty for none.</summary>
    public ReadOnlyMemory<float> Scale { readonly get; private set; }

    /// <summary>The per-channel offset of the output values, or empty for none.</summary>
    public ReadOnlyMemory<float> Offset { readonly get; private set; }

    /// <summary>The image's size at this point of the chain: what the next step draws on.</summary>
    public readonly ImageSize Size => Output.Size;

    /// <summary>Whether a step with effects <paramref name="next"/> can join a chain whose steps had effects <paramref name="before"/>.</summary>
    /// <param name="before">The union of the earlier steps' effects.</param>
    /// <param name="next">The next step's effects.</param>
    /// <returns><see langword="true"/> when the plan can hold the step after the others.</returns>
    public static bool CanFollow(SamplingEffects before, SamplingEffects next)
    {
        const SamplingEffects BeforeResize = SamplingEffects.Resize | SamplingEffects.PaddedWindow | SamplingEffects.Flip | SamplingEffects.ChannelAffine;
        return next != SamplingEffects.None
            && ((next & SamplingEffects.Resize) == 0 || (before & BeforeResize) == 0)
            && ((next & SamplingEffects.PaddedWindow) == 0 || (before & (SamplingEffects.PaddedWindow | SamplingEffects.ChannelAffine)) == 0)
            && ((next & SamplingEffects.ChannelAffine) == 0 || (before & SamplingEffects.ChannelAffine) == 0);
    }

    /// <summary>
    /// Cuts the window (<paramref name="top"/>, <paramref name="left"/>, <paramref name="height"/>, <paramref name="width"/>)
    /// of the image as it is at this point (<see cref="Size"/>). With a <paramref name="fill"/>, the window may
    /// reach outside the image, which reads <paramref name="fill"/> there; without, it must lie inside.
    /// </summary>
    /// <param name="top">The window's first row.</param>
    /// <param name="left">The window's first column.</param>
    /// <param name="height">The window's height, positive.</param>
    /// <param name="width">The window's width, positive.</param>
    /// <param name="fill">The value outside the image, or <see langword="null"/> for a window that must lie inside.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or the window is outside the image without a fill.</exception>
    /// <exception cref="InvalidOperationException">The window pads after an affine, or with another fill than an earlier padded window.</exception>
    public void Crop(int top, int left, int height, int width, float? fill = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ImageSize size = Size;
        var window = new SamplingWindow(top, left, height, width);
        if (!SamplingWindow.Covering(size).Contains(window))
        {
            if (fill is not { } value)
            {
                throw new ArgumentOutOfRangeException(nameof(top), window, $"The {height}x{width} window at ({top}, {left}) is not inside the {size} image.");
            }

            if (!Scale.IsEmpty)
            {
                throw new InvalidOperationException("A padded window cannot follow a per-channel affine in a fused chain: its fill would skip the affine.");
            }

            if (Fill is { } earlier && earlier != value)
            {
                throw new InvalidOperationException($"A fused chain pads with one value; a window filling with {value} follows one filling with {earlier}.");
            }

            Fill = value;
            Valid = Valid.Intersect(Output);
        }

        // The window of the mirrored image is the mirrored window.
        int rowTop = FlipVertical ? size.Height - top - height : top;
        int columnLeft = FlipHorizontal ? size.Width - left - width : left;
        Output = new SamplingWindow(Output.Top + rowTop, Output.Left + columnLeft, height, width);
    }

    /// <summary>Resizes the image as it is at this point to <paramref name="size"/>.</summary>
    /// <param name="size">The new size, positive.</param>
    /// <param name="interpolation">The interpolation.</param>
    /// <param name="antialias">Whether bilinear and bicubic downscaling are antialiased.</param>
    /// <exception cref="InvalidOperationException">The plan already resizes, flips, applies an affine or shows padding.</exception>
    public void Resize(ImageSize size, Interpolation interpolation, bool antialias)
    {
        size.ThrowIfEmpty(nameof(size));
        if (HasResize || FlipHorizontal || FlipVertical || !Scale.IsEmpty || !Valid.Contains(Output))
        {
            throw new InvalidOperationException("A fused chain resizes once, before any flip, affine or padding.");
        }

        // Before a resize the resized image is the source window itself: the output window is a window of the source.
        Source = new SamplingWindow(Source.Top + Output.Top, Source.Left + Output.Left, Output.Height, Output.Width);
        Resized = size;
        Output = Valid = SamplingWindow.Covering(size);
        Interpolation = interpolation;
        Antialias = antialias;
        HasResize = true;
    }

    /// <summary>Mirrors the image as it is at this point.</summary>
    /// <param name="horizontal">Whether to mirror it left-right.</param>
    /// <param name="vertical">Whether to mirror it top-bottom.</param>
    public void Flip(bool horizontal, bool vertical)
    {
        FlipHorizontal ^= horizontal;
        FlipVertical ^= vertical;
    }

    /// <summary>Maps channel <c>c</c> of the output by <c>x * scale[c] + offset[c]</c> (one fused multiply-add).</summary>
    /// <param name="scale">Three scales (the fused output is RGB).</param>
    /// <param name="offset">Three offsets.</param>
    /// <exception cref="ArgumentException">There are not three of each.</exception>
    /// <exception cref="InvalidOperationException">The plan already has an affine.</exception>
    public void ChannelAffine(ReadOnlyMemory<float> scale, ReadOnlyMemory<float> offset)
    {
        if (scale.Length != 3 || offset.Length != 3)
        {
            throw new ArgumentException($"A fused chain's output has 3 channels; got {scale.Length} scales and {offset.Length} offsets.", nameof(scale));
        }

        if (!Scale.IsEmpty)
        {
            throw new InvalidOperationException("A fused chain applies one per-channel affine.");
        }

        Scale = scale;
        Offset = offset;
    }
}
