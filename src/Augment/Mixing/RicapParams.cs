namespace Augment.Mixing;

/// <summary>
/// The drawn parameters of a RICAP step: the boundary (<see cref="BoundaryWidth"/>, <see cref="BoundaryHeight"/>)
/// that splits every output image into four patches, top-left (w, h), top-right (W - w, h), bottom-left
/// (w, H - h) and bottom-right (W - w, H - h); for each patch k the offset in its source image
/// (<see cref="OffsetX"/>, <see cref="OffsetY"/>) and the source of every output sample (<see cref="Sources"/>).
/// </summary>
/// <remarks>Reusable: <see cref="Reset"/> only grows the buffers. Every span is writable, to replay a known step.</remarks>
public sealed class RicapParams
{
    /// <summary>The number of patches, 4.</summary>
    public const int PatchCount = 4;

    private readonly int[] _offsetX = new int[PatchCount];
    private readonly int[] _offsetY = new int[PatchCount];
    private int[] _sources = [];

    /// <summary>The batch size N these parameters are for.</summary>
    public int Count { get; private set; }

    /// <summary>w: the width of the left patches, in [0, W].</summary>
    public int BoundaryWidth { get; set; }

    /// <summary>h: the height of the top patches, in [0, H].</summary>
    public int BoundaryHeight { get; set; }

    /// <summary>The left column of each patch in its source image, k = 0..3 (tl, tr, bl, br).</summary>
    public Span<int> OffsetX => _offsetX;

    /// <summary>The top row of each patch in its source image, k = 0..3 (tl, tr, bl, br).</summary>
    public Span<int> OffsetY => _offsetY;

    /// <summary>For patch <paramref name="patch"/>: the index of the sample each output sample takes it from (N entries).</summary>
    /// <param name="patch">The patch, 0..3 (tl, tr, bl, br).</param>
    /// <returns>The N source indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patch"/> is outside 0..3.</exception>
    public Span<int> Sources(int patch)
    {
        if ((uint)patch >= PatchCount)
        {
            throw new ArgumentOutOfRangeException(nameof(patch), patch, "RICAP has patches 0..3.");
        }

        return _sources.AsSpan(patch * Count, Count);
    }

    /// <summary>The size (height, width) of patch <paramref name="patch"/> in an image of <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <param name="patch">The patch, 0..3.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <returns>The patch's rows and columns.</returns>
    public (int Height, int Width) PatchSize(int patch, int height, int width) =>
        ((patch & 2) == 0 ? BoundaryHeight : height - BoundaryHeight, (patch & 1) == 0 ? BoundaryWidth : width - BoundaryWidth);

    /// <summary>Sizes the parameters for <paramref name="count"/> samples: zero boundary and offsets, every source the sample itself.</summary>
    /// <param name="count">The batch size, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void Reset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (_sources.Length < PatchCount * count)
        {
            _sources = new int[PatchCount * count];
        }

        Count = count;
        BoundaryWidth = BoundaryHeight = 0;
        OffsetX.Clear();
        OffsetY.Clear();
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
    public override string ToString() => $"RicapParams for {Count} samples, boundary w={BoundaryWidth} h={BoundaryHeight}";
}
