using Augment.Batching;

namespace Augment.Views;

/// <summary>
/// One batch of multi-view samples: per view group, an (N · V, C, H, W) <see cref="ImageBatch"/> whose rows are the
/// views of the N samples, laid out as <see cref="Layout"/> says, each row with its sample's label, soft target and
/// origin. Disposing it disposes every group's batch.
/// </summary>
public sealed class ViewBatch : IDisposable
{
    private readonly ImageBatch[] _groups;

    internal ViewBatch(ImageBatch[] groups, IReadOnlyList<ViewGroup> views, ViewLayout layout, int samples)
    {
        _groups = groups;
        Views = views;
        Layout = layout;
        SampleCount = samples;
    }

    /// <summary>N, the samples.</summary>
    public int SampleCount { get; }

    /// <summary>The batch of each view group, in the order of <see cref="Views"/>.</summary>
    public IReadOnlyList<ImageBatch> Groups => _groups;

    /// <summary>The view groups.</summary>
    public IReadOnlyList<ViewGroup> Views { get; }

    /// <summary>How each group's rows are ordered.</summary>
    public ViewLayout Layout { get; }

    /// <summary>The batch of the view group named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No group has that name.</exception>
    public ImageBatch this[string name]
    {
        get
        {
            for (int g = 0; g < _groups.Length; g++)
            {
                if (Views[g].Name == name)
                {
                    return _groups[g];
                }
            }

            throw new KeyNotFoundException($"No view group is named '{name}'; the groups are {string.Join(", ", Views.Select(v => v.Name))}.");
        }
    }

    /// <summary>The row of view <paramref name="view"/> of sample <paramref name="sample"/> in group <paramref name="group"/>'s batch.</summary>
    /// <param name="group">The view group.</param>
    /// <param name="sample">The sample, in [0, N).</param>
    /// <param name="view">The view, in [0, V).</param>
    public int Row(int group, int sample, int view) => Row(Layout, SampleCount, Views[group].Count, sample, view);

    /// <summary>The sample a row of group <paramref name="group"/>'s batch belongs to.</summary>
    /// <param name="group">The view group.</param>
    /// <param name="row">The row, in [0, N · V).</param>
    public int SampleOf(int group, int row) => Layout == ViewLayout.SampleMajor ? row / Views[group].Count : row % SampleCount;

    /// <summary>Disposes every group's batch.</summary>
    public void Dispose()
    {
        foreach (ImageBatch batch in _groups)
        {
            batch.Dispose();
        }
    }

    /// <summary>The row of view <paramref name="view"/> of sample <paramref name="sample"/> among N samples of V views.</summary>
    internal static int Row(ViewLayout layout, int samples, int views, int sample, int view) =>
        layout == ViewLayout.SampleMajor ? (sample * views) + view : (view * samples) + sample;
}
