using Augment.Batching;
using Augment.Imaging;
using Augment.Tta;

namespace Augment.Data;

/// <summary>
/// One sample's fused decode → resize as an <see cref="IRowSource"/>: renders bands of the draw's output (or the
/// whole of it) from the decoded pixels, normalized in the same write when a collator's normalization is folded in.
/// A worker keeps one and points it at each sample; it keeps the whole-image tensor between samples.
/// </summary>
internal sealed class FusedRows : IRowSource, IDisposable
{
    private FusedPipeline _fused = null!;
    private PixelBuffer _pixels = null!;
    private FusedDraw _draw;
    private Collator? _normalization;
    private ImageTensor? _whole;

    /// <inheritdoc />
    public int Channels => 3;

    /// <inheritdoc />
    public ImageSize Size => _draw.Output;

    /// <inheritdoc />
    public bool RendersBands => FusedPipeline.RendersRows(_draw);

    /// <summary>Points the source at a sample: its chain, decoded pixels and draw, and the collator whose normalization to fold in (or none).</summary>
    public void Reset(FusedPipeline fused, PixelBuffer pixels, in FusedDraw draw, Collator? normalization)
    {
        (_fused, _pixels, _draw, _normalization) = (fused, pixels, draw, normalization);
    }

    /// <inheritdoc />
    public void Render(int firstRow, int rowCount, Span<float> destination) =>
        _fused.RenderRows(_pixels, _draw, firstRow, rowCount, destination, Scale, Offset);

    /// <inheritdoc />
    public ImageTensor RenderAll()
    {
        ImageTensor whole = _whole is { IsDisposed: false } kept ? kept : (_whole = ImageTensor.Create(3, Size));
        whole.Reshape(3, Size);
        _fused.Render(_pixels, _draw, whole.Data, Scale, Offset);
        return whole;
    }

    /// <summary>Returns the kept tensor to its pool.</summary>
    public void Dispose()
    {
        _whole?.Dispose();
        _whole = null;
    }

    private ReadOnlySpan<float> Scale => _normalization is null ? default : _normalization.NormalizationScale;

    private ReadOnlySpan<float> Offset => _normalization is null ? default : _normalization.NormalizationOffset;
}
