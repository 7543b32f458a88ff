using Augment.Batching;
using Augment.Imaging;
using Augment.Views;

namespace Augment.Data;

/// <summary>
/// A worker's <see cref="IViewTarget"/>: the rows of one sample in one view group's batch of a job, reused from
/// sample to sample (a worker holds one, so writing views allocates nothing).
/// </summary>
internal sealed class ViewTarget : IViewTarget
{
    private BatchJob _job = null!;
    private Collator _collator = null!;
    private ViewLayout _layout;
    private int _group;
    private int _views;
    private int _slot;
    private int _label;
    private SampleOrigin _origin;
    private ImageBatch? _dense;
    private bool _normalized;

    /// <summary>
    /// Points the target at sample <paramref name="slot"/> of <paramref name="job"/>, view group <paramref name="group"/>
    /// of <paramref name="views"/> views; <paramref name="sourceNormalized"/> says that the image the views are cut from
    /// is already normalized as the collator normalizes (the loader folded it into rendering), so the rows are left as written.
    /// </summary>
    public void Reset(BatchJob job, Collator collator, ViewLayout layout, int group, int views, int slot, int label, SampleOrigin origin, bool sourceNormalized = false)
    {
        (_job, _collator, _layout, _group, _views, _slot, _label, _origin, _dense, _normalized) = (job, collator, layout, group, views, slot, label, origin, null, sourceNormalized);
    }

    public void Write(int view, ImageTensor image)
    {
        ImageBatch batch = Batch(image.Channels, image.Size);
        int row = Row(view);
        _collator.Write(batch, row, image, _label);
        batch.Origins[row] = _origin;
    }

    public void NormalizeSource(ImageTensor image)
    {
        if (!_normalized)
        {
            _collator.NormalizeInPlace(image);
            _normalized = true;
        }
    }

    public Span<float> Rows(int channels, ImageSize size)
    {
        if (_layout != ViewLayout.SampleMajor)
        {
            throw new LoaderConfigurationException("DataLoaderOptions.ViewLayout", "test-time views are written as one block per sample and need ViewLayout.SampleMajor.");
        }

        _dense = Batch(channels, size);
        return _dense.Data.Slice(Row(0) * _dense.SampleLength, _views * _dense.SampleLength);
    }

    public Span<float> Row(int view, int channels, ImageSize size)
    {
        // The sample's first view fetches (and checks) the batch under the job's lock; its other views reuse it.
        if (_dense is not { } batch || batch.Channels != channels || batch.Size != size)
        {
            _dense = batch = Batch(channels, size);
        }

        return batch.Slot(Row(view));
    }

    public void Complete()
    {
        ImageBatch batch = _dense ?? throw new InvalidOperationException("Complete called before Rows or Row.");
        for (int v = 0; v < _views; v++)
        {
            int row = Row(v);
            if (!_normalized)
            {
                _collator.Normalize(batch, row);
            }

            batch.Labels[row] = _label;
            batch.Origins[row] = _origin;
        }
    }

    private ImageBatch Batch(int channels, ImageSize size) => _job.GetBatch(_collator, _group, _job.Count * _views, channels, size, _origin.Name ?? string.Empty);

    private int Row(int view) => ViewBatch.Row(_layout, _job.Count, _views, _slot, view);
}
