using Augment.Imaging;
using Augment.Kernels.Occlusion;
using Augment.Randomness;
using Augment.Transforms.Color;

namespace Augment.Transforms.Occlusion;

/// <summary>
/// The drawn boxes of a <see cref="RandomErasing"/> (none when the transform is skipped or every attempt failed) and
/// the seed of the fill's own random stream, so that random fills replay without storing any pixel.
/// </summary>
/// <param name="Boxes">The rectangles to erase.</param>
/// <param name="FillSeed">The seed of the stream that normal fills draw from (<see cref="RandomSource.FromSeed"/>).</param>
public readonly record struct RandomErasingParams(BoxList Boxes, ulong FillSeed);

/// <summary>
/// Random Erasing (Zhong et al., 2017) with torchvision's sampling and timm's several boxes: with probability
/// <see cref="P"/>, erases <see cref="MinCount"/> to <see cref="MaxCount"/> rectangles.
/// </summary>
/// <remarks>
/// <para>
/// For each box, up to 10 attempts: area = <c>U(scale) · H · W / count</c>, aspect ratio = <c>exp(U(log ratio))</c>,
/// <c>h = round(√(area · ratio))</c>, <c>w = round(√(area / ratio))</c> (round half to even, as Python); the attempt
/// succeeds if <c>h &lt; H</c> and <c>w &lt; W</c>, and then top and left are uniform over the positions that keep the
/// box inside. A box whose attempts all fail is dropped (torchvision then returns the image unchanged).
/// </para>
/// <para>
/// <b>Before or after Normalize.</b> Like torchvision, this transform is meant to run <i>after</i> Normalize, on the
/// normalized tensor: the default fill 0 is then the dataset mean, and <see cref="ErasingFill.PerPixelNormal"/> /
/// <see cref="ErasingFill.PerChannelNormal"/> draw N(0, 1) in normalized units. It works on unnormalized tensors too:
/// then fill with <see cref="ErasingFill.DatasetMean"/> or another constant in [0, 1].
/// </para>
/// <para>Draws: the gate, the count (when it varies), then per attempt the area, the log ratio, top and left; last the fill seed.</para>
/// </remarks>
public sealed class RandomErasing : RandomTransform<RandomErasingParams>
{
    private const int Attempts = 10;
    private readonly double _logRatioMin;
    private readonly double _logRatioMax;

    /// <summary>Creates the transform.</summary>
    /// <param name="p">The probability of erasing, in [0, 1].</param>
    /// <param name="scale">The range of the erased fraction of the image, within [0, 1]; (0.02, 0.33) when <see langword="null"/>.</param>
    /// <param name="ratio">The range of the aspect ratio h / w, positive and finite; (0.3, 3.3) when <see langword="null"/>.</param>
    /// <param name="fill">The fill; <see cref="ErasingFill.Zero"/> when <see langword="null"/>.</param>
    /// <param name="minCount">The least number of boxes, at least 1.</param>
    /// <param name="maxCount">The largest number of boxes, from <paramref name="minCount"/> to <see cref="BoxList.Capacity"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, reversed or NaN.</exception>
    public RandomErasing(double p = 0.5, ValueRange? scale = null, ValueRange? ratio = null, ErasingFill? fill = null, int minCount = 1, int maxCount = 1)
    {
        P = Probability.Validate(p, nameof(p));
        Scale = (scale ?? new ValueRange(0.02, 0.33)).Validate(0, 1, nameof(scale));
        Ratio = (ratio ?? new ValueRange(0.3, 3.3)).Validate(0, double.PositiveInfinity, nameof(ratio), lowerExclusive: true);
        Fill = fill ?? ErasingFill.Zero;
        if (minCount < 1 || minCount > BoxList.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(minCount), minCount, $"minCount must lie in [1, {BoxList.Capacity}], got {minCount}.");
        }

        if (maxCount < minCount || maxCount > BoxList.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, $"maxCount must lie in [minCount = {minCount}, {BoxList.Capacity}], got {maxCount}.");
        }

        MinCount = minCount;
        MaxCount = maxCount;
        _logRatioMin = Math.Log(Ratio.Min);
        _logRatioMax = Math.Log(Ratio.Max);
    }

    /// <summary>The probability of erasing.</summary>
    public double P { get; }

    /// <summary>The range of the erased fraction of the image (shared among the boxes).</summary>
    public ValueRange Scale { get; }

    /// <summary>The range of the aspect ratio h / w (sampled log-uniformly).</summary>
    public ValueRange Ratio { get; }

    /// <summary>The fill.</summary>
    public ErasingFill Fill { get; }

    /// <summary>The least number of boxes.</summary>
    public int MinCount { get; }

    /// <summary>The largest number of boxes.</summary>
    public int MaxCount { get; }

    /// <inheritdoc />
    public override RandomErasingParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        size.ThrowIfEmpty(nameof(size));
        if (!random.NextBoolean(P))
        {
            return default;
        }

        int count = MinCount == MaxCount ? MinCount : random.NextInt32(MinCount, MaxCount);
        Span<PixelBox> boxes = stackalloc PixelBox[count];
        int drawn = 0;
        double area = (double)size.Height * size.Width;
        for (int box = 0; box < count; box++)
        {
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                double target = random.Uniform(Scale.Min, Scale.Max) * area / count;
                double aspect = Math.Exp(random.Uniform(_logRatioMin, _logRatioMax));
                int h = (int)Math.Round(Math.Sqrt(target * aspect));
                int w = (int)Math.Round(Math.Sqrt(target / aspect));
                if (h < size.Height && w < size.Width)
                {
                    int top = random.NextInt32(0, size.Height - h);
                    int left = random.NextInt32(0, size.Width - w);
                    boxes[drawn++] = new PixelBox(top, left, h, w);
                    break;
                }
            }
        }

        ulong fillSeed = Fill.Mode == ErasingFillMode.Constant || drawn == 0 ? 0 : random.NextUInt64();
        return new RandomErasingParams(new BoxList(boxes[..drawn]), fillSeed);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in RandomErasingParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        BoxList boxes = parameters.Boxes;
        var fillRandom = RandomSource.FromSeed(parameters.FillSeed);
        for (int i = 0; i < boxes.Count; i++)
        {
            PixelBox box = boxes[i];
            if (Fill.Mode == ErasingFillMode.Constant)
            {
                OcclusionKernels.Erase(image, box.Top, box.Left, box.Height, box.Width, Fill.Values);
            }
            else
            {
                OcclusionKernels.EraseNormal(image, box.Top, box.Left, box.Height, box.Width, Fill.Mode == ErasingFillMode.PerPixelNormal, ref fillRandom);
            }
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"RandomErasing(p={P}, scale={Scale}, ratio={Ratio}, fill={Fill}, minCount={MinCount}, maxCount={MaxCount})";
}
