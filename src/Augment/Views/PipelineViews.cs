using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Views;

/// <summary>
/// A <see cref="ViewGroup"/> of random views, one pipeline per view, each applied to a copy of the image, or of the
/// image after a shared step drawn once per sample.
/// </summary>
internal sealed class PipelineViews : ViewGroup
{
    private readonly ITransform[] _views;
    private readonly ITransform? _shared;

    public PipelineViews(string name, IReadOnlyList<ITransform> views, ITransform? shared = null)
        : base(name, views?.Count ?? throw new ArgumentNullException(nameof(views)))
    {
        _shared = shared;
        _views = [.. views];
        for (int v = 0; v < _views.Length; v++)
        {
            if (_views[v] is null)
            {
                throw new ArgumentNullException(nameof(views), $"View pipeline #{v} is null.");
            }
        }
    }

    internal override IEnumerable<ITransform> Pipelines => _shared is null ? _views : [_shared, .. _views];

    internal override IReadOnlyList<ITransform>? IndependentViews => _shared is null ? _views : null;

    internal override void Write(ImageTensor image, RandomSource group, IViewTarget target)
    {
        if (_shared is null)
        {
            WriteViews(image, group, target);
            return;
        }

        // The shared step draws from the stream after the views' own ones.
        RandomSource stream = group.Fork(_views.Length);
        using ImageTensor shared = _shared.Apply(image.Clone(), ref stream);
        WriteViews(shared, group, target);
    }

    public override string ToString() => $"{Name}: {Count} view(s) [{string.Join(", ", _views.Distinct())}]" + (_shared is null ? string.Empty : $" after {_shared}");

    private void WriteViews(ImageTensor image, RandomSource group, IViewTarget target)
    {
        for (int v = 0; v < _views.Length; v++)
        {
            RandomSource stream = group.Fork(v);
            using ImageTensor view = _views[v].Apply(image.Clone(), ref stream);
            target.Write(v, view);
        }
    }
}
