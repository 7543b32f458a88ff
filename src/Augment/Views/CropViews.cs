using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Tta;

namespace Augment.Views;

/// <summary>A <see cref="ViewGroup"/> of deterministic test-time views written densely into the sample's rows.</summary>
internal sealed class CropViews : ViewGroup
{
    public CropViews(string name, TestTimeViews views, ITransform? before)
        : base(name, (views ?? throw new ArgumentNullException(nameof(views))).Count)
    {
        Views = views;
        Before = before;
    }

    /// <summary>The views.</summary>
    public TestTimeViews Views { get; }

    /// <summary>What runs before the views are cut, or <see langword="null"/>.</summary>
    public ITransform? Before { get; }

    internal override void Write(ImageTensor image, RandomSource group, IViewTarget target)
    {
        // A copy either way: the views are cut from it after it is normalized in place, once.
        using ImageTensor prepared = Before is null ? image.Clone() : Before.Apply(image.Clone(), ref group);
        WriteViews(prepared, target);
    }

    internal override IEnumerable<ITransform> Pipelines => Before is null ? [] : [Before];

    internal override bool WritesBlock => true;

    internal override ITransform? Prefix => Before;

    internal override void WriteAfterPrefix(ImageTensor prepared, RandomSource group, IViewTarget target) => WriteViews(prepared, target);

    /// <summary>
    /// Cuts the views of an image that <see cref="Before"/> has already run on (and that this group may modify),
    /// normalizing it once first: the views are crops and resizes of it, linear in its values.
    /// </summary>
    private void WriteViews(ImageTensor prepared, IViewTarget target)
    {
        target.NormalizeSource(prepared);
        Views.Write(prepared, target.Rows(prepared.Channels, Views.ViewSize));
        target.Complete();
    }

    public override string ToString() => $"{Name}: {Views}" + (Before is null ? string.Empty : $" after {Before}");
}
