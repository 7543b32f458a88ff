using Augment.Batching;
using Augment.Views;

namespace Augment.TorchSharp;

/// <summary>
/// The TorchSharp tensors of one multi-view <see cref="ViewBatch"/>: one <see cref="TorchBatch"/> per view group, each
/// sharing its group's memory (images N·V×C×H×W, targets N·V×K, labels N·V).
/// </summary>
/// <remarks>
/// The rows follow <see cref="Layout"/>. Sample-major images view as N×V×C×H×W (<c>images.view(N, V, C, H, W)</c>, the
/// views of a sample side by side); view-major as V×N×C×H×W (<c>images.chunk(V)</c> gives SimCLR's
/// <c>x1, x2</c>). The lifetime rules of <see cref="TorchBatch"/> hold for every group.
/// </remarks>
public sealed class TorchViewBatch : IDisposable
{
    private readonly TorchBatch[] _groups;
    private readonly ViewBatch _views;

    internal TorchViewBatch(ViewBatch views, TorchBatch[] groups)
    {
        _views = views;
        _groups = groups;
    }

    /// <summary>N, the samples.</summary>
    public int SampleCount => _views.SampleCount;

    /// <summary>How each group's rows are ordered.</summary>
    public ViewLayout Layout => _views.Layout;

    /// <summary>The view groups, in the order of <see cref="Groups"/>.</summary>
    public IReadOnlyList<ViewGroup> Views => _views.Views;

    /// <summary>The tensors of each view group, in the order of <see cref="Views"/>.</summary>
    public IReadOnlyList<TorchBatch> Groups => _groups;

    /// <summary>The tensors of the view group named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No group has that name.</exception>
    public TorchBatch this[string name]
    {
        get
        {
            ImageBatch batch = _views[name];
            return Array.Find(_groups, group => ReferenceEquals(group.Batch, batch))!;
        }
    }

    /// <summary>Disposes every group's tensors, then (unless handed over with <c>disposeBatch: false</c>) its batch.</summary>
    public void Dispose()
    {
        foreach (TorchBatch group in _groups)
        {
            group.Dispose();
        }
    }
}
