using Augment.Imaging;
using Augment.Skia;

namespace Augment.Gallery;

/// <summary>A grid of square tiles on a white sheet: one title band per row, a caption under every tile.</summary>
internal sealed class ContactSheet : IDisposable
{
    private const int Gap = 6;
    private static readonly float[] Ink = [0.1f, 0.1f, 0.1f];
    private static readonly float[] TitleInk = [0.05f, 0.2f, 0.45f];

    private readonly ImageTensor _sheet;
    private readonly TextStamp _title = new(13, bold: true);
    private readonly TextStamp _caption = new(9f);

    public ContactSheet(int rows, int columns, int tile, int captionLines)
    {
        Tile = tile;
        CaptionHeight = (captionLines * _caption.LineHeight) + 2;
        RowHeight = _title.LineHeight + tile + CaptionHeight + Gap;
        _sheet = ImageTensor.Create(3, Gap + (rows * RowHeight), Gap + (columns * (tile + Gap)), clear: false);
        _sheet.Data.Fill(1f);
    }

    public int Tile { get; }

    /// <summary>Whether captions can be drawn (the system has a font).</summary>
    public bool HasText => _caption.CanRender;

    private int CaptionHeight { get; }

    private int RowHeight { get; }

    public void Title(int row, string title) =>
        _title.Draw(_sheet, title, Gap + (row * RowHeight), Gap, _sheet.Width - (2 * Gap), TitleInk);

    /// <summary>Copies <paramref name="view"/> into a tile, at (top, left) inside it; the caller keeps the view.</summary>
    public void Paste(int row, int column, ImageTensor view, int top = 0, int left = 0)
    {
        if (view.Channels != 3 || top + view.Height > Tile || left + view.Width > Tile)
        {
            throw new ArgumentException($"A {view.ShapeString} view does not fit a {Tile}x{Tile} tile at ({top}, {left}).", nameof(view));
        }

        (int tileTop, int tileLeft) = Corner(row, column);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < view.Height; y++)
            {
                Span<float> destination = _sheet.Row(c, tileTop + top + y).Slice(tileLeft + left, view.Width);
                view.Row(c, y).CopyTo(destination);
                foreach (ref float value in destination)
                {
                    value = Math.Clamp(value, 0f, 1f);
                }
            }
        }
    }

    public void Caption(int row, int column, string caption)
    {
        (int top, int left) = Corner(row, column);
        _caption.Draw(_sheet, caption, top + Tile + 2, left, Tile, Ink);
    }

    public void Save(string path) => new SkiaImageEncoder().EncodeFile(_sheet, path);

    public void Dispose()
    {
        _sheet.Dispose();
        _title.Dispose();
        _caption.Dispose();
    }

    private (int Top, int Left) Corner(int row, int column) =>
        (Gap + (row * RowHeight) + _title.LineHeight, Gap + (column * (Tile + Gap)));
}
