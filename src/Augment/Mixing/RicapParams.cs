namespace Augment.Mixing;

/// <summary>
/// The drawn parameters of a RICAP step. For each output sample i a boundary (<see cref="BoundaryWidths"/>[i] = w,
/// <see cref="BoundaryHeights"/>[i] = h) splits the image into four patches, k = 0..3: top-left (w, h), top-right
/// (W - w, h), bottom-left (w, H - h) and bottom-right (W - w, H - h). Patch k is cut from sample
/// <see cref="Sources"/>(k)[i] at column <see cref="OffsetsX"/>(k)[i] and row <see cref="OffsetsY"/>(k)[i].
/// </summary>
/// <remarks>
/// Drawn per batch, every sample has the same boundary and offsets (<see cref="SetBoundary"/>,
/// <see cref="SetOffset"/>). Reusable: <see cref="Reset"/> only grows the buffers. Every span is writable, to
/// replay a known step.
/// </remarks>
public sealed class RicapParams
{
    /// <summary>The number of patches, 4.</summary>
    public const int PatchCount = 4;

    private int[] _boundaryWidths = [];
    private int[] _boundaryHeights = [];
    private int[] _offsetsX = [];
    private int[] _offsetsY = [];
    private int[] _sources = [];

    /// <summary>The batch size N these parameters are for.</summary>
    public int Count { get; private set; }

    /// <summary>w of each output sample: the width of its left patches, in [0, W].</summary>
    public Span<int> BoundaryWidths => _boundaryWidths.AsSpan(0, Count);

    /// <summary>h of each output sample: the height of its top patches, in [0, H].</summary>
    public Span<int> BoundaryHeights => _boundaryHeights.AsSpan(0, Count);

    /// <summary>For patch <paramref name="patch"/> (0..3: tl, tr, bl, br): the sample each output sample takes it from.</summary>
    /// <param name="patch">The patch.</param>
    /// <returns>N source indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patch"/> is outside 0..3.</exception>
    public Span<int> Sources(int patch) => PerPatch(_sources, patch);

    /// <summary>For patch <paramref name="patch"/>: its left column in its source, per output sample.</summary>
    /// <param name="patch">The patch, 0..3.</param>
    /// <returns>N columns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patch"/> is outside 0..3.</exception>
    public Span<int> OffsetsX(int patch) => PerPatch(_offsetsX, patch);

    /// <summary>For patch <paramref name="patch"/>: its top row in its source, per output sample.</summary>
    /// <param name="patch">The patch, 0..3.</param>
    /// <returns>N rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patch"/> is outside 0..3.</exception>
    public Span<int> OffsetsY(int patch) => PerPatch(_offsetsY, patch);

    /// <summary>Gives every sample the boundary (<paramref name="width"/>, <paramref name="height"/>).</summary>
    /// <param name="width">w.</param>
    /// <param name="height">h.</param>
    public void SetBoundary(int width, int height)
    {
        BoundaryWidths.Fill(width);
        BoundaryHeights.Fill(height);
    }

    /// <summary>Gives patch <paramref name="patch"/> of every sample the source offset (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <param name="patch">The patch, 0..3.</param>
    /// <param name="x">The left column in the source.</param>
    /// <param name="y">The top row in the source.</param>
    public void SetOffset(int patch, int x, int y)
    {
        OffsetsX(patch).Fill(x);
        OffsetsY(patch).Fill(y);
    }

    /// <summary>The size of patch <paramref name="patch"/> of output sample <paramref name="sample"/> in an image of <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <param name="sample">The output sample.</param>
    /// <param name="patch">The patch, 0..3.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <returns>The patch's rows and columns.</returns>
    public (int Height, int Width) PatchSize(int sample, int patch, int height, int width) =>
        ((patch & 2) == 0 ? BoundaryHeights[sample] : height - BoundaryHeights[sample], (patch & 1) == 0 ? BoundaryWidths[sample] : width - BoundaryWidths[sample]);

    /// <summary>Sizes the parameters for <paramref name="count"/> samples: zero boundaries and offsets, every source the sample itself.</summary>
    /// <param name="count">The batch size, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void Reset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (_boundaryWidths.Length < count)
        {
            _boundaryWidths = new int[count];
            _boundaryHeights = new int[count];
            _offsetsX = new int[PatchCount * count];
            _offsetsY = new int[PatchCount * count];
            _sources = new int[PatchCount * count];
        }

        Count = count;
        BoundaryWidths.Clear();
        BoundaryHeights.Clear();
        _offsetsX.AsSpan(0, PatchCount * count).Clear();
        _offsetsY.AsSpan(0, PatchCount * count).Clear();
        for (int k = 0; k < PatchCount; k++)
        {
            Span<int> sources = Sources(k);
            for (int i = 0; i < count; i++)
            {
                sources[i] = i;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RicapParams for {Count} samples";

    private Span<int> PerPatch(int[] values, int patch)
    {
        if ((uint)patch >= PatchCount)
        {
            throw new ArgumentOutOfRangeException(nameof(patch), patch, "RICAP has patches 0..3.");
        }

        return values.AsSpan(patch * Count, Count);
    }
}
