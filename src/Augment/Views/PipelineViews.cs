using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Views;

/// <summary>A <see cref="ViewGroup"/> of random views, one pipeline per view, each applied to a copy of the image.</summary>
internal sealed class PipelineViews : ViewGroup
{
    private readonly ITransform[] _views;

    public PipelineViews(string name, IReadOnlyList<ITransform> views)
        : base(name, views?.Count ?? throw new ArgumentNullException(nameof(views)))
    {
        _views = [.. views];
        for (int v = 0; v < _views.Length; v++)
        {
            if (_views[v] is null)
            {
                throw new ArgumentNullException(nameof(views), $"View pipeline #{v} is null.");
            }
        }
    }

    internal override IEnumerable<ITransform> Pipelines => _views;

    internal override void Write(ImageTensor image, RandomSource group, IViewTarget target)
    {
        for (int v = 0; v < _views.Length; v++)
        {
            RandomSource stream = group.Fork(v);
            using ImageTensor view = _views[v].Apply(image.Clone(), ref stream);
            target.Write(v, view);
        }
    }

    public override string ToString() => $"{Name}: {Count} view(s) [{string.Join(", ", _views.Distinct())}]";
}
