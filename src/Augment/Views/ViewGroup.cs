using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Tta;

namespace Augment.Views;

/// <summary>
/// A set of views of one size that every sample yields, collated into one (N · V, C, H, W) batch: two random crops
/// for SimCLR, DINO's global or local crops, the ten crops of test-time augmentation. A sample's image is decoded
/// once and every group of <see cref="Data.DataLoaderOptions.Views"/> cuts its views from it.
/// </summary>
/// <remarks>
/// View <c>v</c> of group <c>g</c> of a sample draws from <c>RandomSource.ForSample(seed, epoch, index).Fork(g).Fork(v)</c>,
/// (<see cref="DistinctCrops"/>: one draw of all its corners from <c>Fork(g).Fork(0)</c>), so the views of a sample
/// differ, and the epoch is reproducible whatever the worker count. Instances are immutable
/// and may be shared by threads.
/// </remarks>
public abstract class ViewGroup
{
    private protected ViewGroup(string name, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Name = name;
        Count = count;
    }

    /// <summary>The group's name (e.g. <c>"global"</c>), for reports.</summary>
    public string Name { get; }

    /// <summary>V, the views per sample.</summary>
    public int Count { get; }

    /// <summary>V random views, each from its own pipeline (one pipeline per view).</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="views">One pipeline per view; each must give every image the same shape (end with a fixed-size crop).</param>
    /// <exception cref="ArgumentException">No pipeline, or a null one.</exception>
    public static ViewGroup Of(string name, params IReadOnlyList<ITransform> views) => new PipelineViews(name, views);

    /// <summary>
    /// V random views of the image after a step they share, drawn once per sample (e.g. AugMix's JSD views: one
    /// random crop, then the clean view and two AugMix views of it). The shared step draws from
    /// <c>Fork(g).Fork(V)</c>, view v from <c>Fork(g).Fork(v)</c>.
    /// </summary>
    /// <param name="name">The group's name.</param>
    /// <param name="shared">The step every view starts from.</param>
    /// <param name="views">One pipeline per view, applied after <paramref name="shared"/>.</param>
    /// <exception cref="ArgumentException">No pipeline, or a null one.</exception>
    public static ViewGroup Shared(string name, ITransform shared, params IReadOnlyList<ITransform> views) =>
        new PipelineViews(name, views, shared ?? throw new ArgumentNullException(nameof(shared)));

    /// <summary>V random views through one pipeline, each with its own random stream.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="pipeline">The pipeline; it must give every image the same shape.</param>
    /// <param name="count">V, positive.</param>
    public static ViewGroup Repeat(string name, ITransform pipeline, int count)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new PipelineViews(name, [.. Enumerable.Repeat(pipeline, count)]);
    }

    /// <summary>
    /// Deterministic test-time views (<see cref="TestTimeViews.TenCrop"/>, <see cref="TestTimeViews.FiveCrop"/>,
    /// <see cref="MultiScaleViews"/>) cut from the image after <paramref name="before"/> (e.g. <c>Resize(256)</c>).
    /// When <paramref name="before"/> is a resize the loader fuses, the image is decoded (DCT-scaled where allowed)
    /// and resampled once, and the views are written straight into the batch.
    /// </summary>
    /// <param name="name">The group's name.</param>
    /// <param name="views">The views.</param>
    /// <param name="before">What runs before the views are cut (deterministic, e.g. a resize), or <see langword="null"/>.</param>
    public static ViewGroup TestTime(string name, TestTimeViews views, ITransform? before = null) => new CropViews(name, views, before);

    /// <summary>
    /// <paramref name="count"/> distinct random crops of each image: after <paramref name="before"/> (e.g.
    /// <c>Resize(256)</c>; it may leave images of different sizes), <paramref name="count"/> corners are drawn without
    /// repetition from the image's grid of valid <paramref name="cropHeight"/> x <paramref name="cropWidth"/> windows
    /// (corners every <paramref name="strideY"/> rows and <paramref name="strideX"/> columns), each k-subset equally
    /// likely, in random order, and the crops are written straight into the batch (either
    /// <see cref="ViewLayout"/>). The corners draw from <c>Fork(g).Fork(0)</c>, <paramref name="before"/> from
    /// <c>Fork(g).Fork(1)</c>; the draw allocates nothing per sample. The hand-driven form for one fixed image size is
    /// <see cref="Transforms.Geometry.DistinctCrops"/>.
    /// </summary>
    /// <remarks>
    /// An image whose grid has fewer than <paramref name="count"/> corners fails with an exception naming its size, the
    /// crop, the strides and the fix (the loader raises it as a <see cref="Data.SampleTransformException"/>).
    /// </remarks>
    /// <param name="name">The group's name.</param>
    /// <param name="count">V, the crops per sample, positive.</param>
    /// <param name="cropHeight">The crop height, positive.</param>
    /// <param name="cropWidth">The crop width, positive.</param>
    /// <param name="before">What runs before the crops are cut (e.g. a resize), or <see langword="null"/>.</param>
    /// <param name="strideY">The vertical distance between candidate corners, positive (1: every row).</param>
    /// <param name="strideX">The horizontal distance between candidate corners, positive (1: every column).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, size or stride is not positive.</exception>
    public static ViewGroup DistinctCrops(string name, int count, int cropHeight, int cropWidth, ITransform? before = null, int strideY = 1, int strideX = 1) =>
        new DistinctCropViews(name, count, cropHeight, cropWidth, before, strideY, strideX);

    /// <summary>The pipelines this group runs, for the loader's checks.</summary>
    internal abstract IEnumerable<ITransform> Pipelines { get; }

    /// <summary>Whether the group writes a sample's views as one block (which needs <see cref="ViewLayout.SampleMajor"/>).</summary>
    internal virtual bool WritesBlock => false;

    /// <summary>
    /// The deterministic step this group runs on the whole image before it cuts its views (a test-time resize), which
    /// the loader may fuse into decoding; <see langword="null"/> when there is none.
    /// </summary>
    internal virtual ITransform? Prefix => null;

    /// <summary>
    /// The view pipelines when every view is its own pipeline applied to the decoded image, view v drawing from the
    /// group's <c>Fork(v)</c>, with nothing shared between the views; <see langword="null"/> otherwise. The loader may
    /// then fuse each pipeline's leading resize into decoding, as it does for a single pipeline.
    /// </summary>
    internal virtual IReadOnlyList<ITransform>? IndependentViews => null;

    /// <summary>The stream <see cref="Prefix"/> draws from, given the group's stream: the group's own, unless the group says otherwise.</summary>
    /// <param name="group">The group's stream, <c>random.Fork(g)</c>.</param>
    internal virtual RandomSource PrefixStream(RandomSource group) => group;

    /// <summary>
    /// Cuts the views of an image that <see cref="Prefix"/> has already run on (groups with a prefix only), drawing
    /// what the views draw from <paramref name="group"/> as <see cref="Write"/> would. The views must be linear in the
    /// image (copies, crops, resizes): the loader may hand over an image it has already normalized as the collator
    /// does, and then the target leaves the views as they are written.
    /// </summary>
    internal virtual void WriteAfterPrefix(ImageTensor prepared, RandomSource group, IViewTarget target) => throw new NotSupportedException($"{GetType().Name} has no prefix.");

    /// <summary>Writes this group's views of <paramref name="image"/> (read, not consumed) through <paramref name="target"/>.</summary>
    internal abstract void Write(ImageTensor image, RandomSource group, IViewTarget target);
}
