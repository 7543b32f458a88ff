using Augment.Imaging;
using SkiaSharp;

namespace Augment.Gallery;

/// <summary>
/// Draws text into an <see cref="ImageTensor"/>: SkiaSharp rasterises each line into an 8-bit coverage mask, which is
/// blended into the tensor's planes. The typeface comes from the system fonts (DejaVu Sans where present).
/// </summary>
internal sealed class TextStamp : IDisposable
{
    private readonly SKFont _font;

    public TextStamp(float size, bool bold = false)
    {
        SKTypeface typeface = SKTypeface.FromFamilyName("DejaVu Sans", bold ? SKFontStyle.Bold : SKFontStyle.Normal) ?? SKTypeface.Default;
        _font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        _font.GetFontMetrics(out SKFontMetrics metrics);
        Ascent = -metrics.Ascent;
        LineHeight = (int)MathF.Ceiling(-metrics.Ascent + metrics.Descent + metrics.Leading) + 1;
    }

    /// <summary>Whether the typeface has glyphs; without system fonts SkiaSharp falls back to an empty one.</summary>
    public bool CanRender => _font.Typeface.GlyphCount > 0;

    public int LineHeight { get; }

    private float Ascent { get; }

    /// <summary>Draws each line of <paramref name="text"/> at (top, left), clipped to <paramref name="maxWidth"/>.</summary>
    public void Draw(ImageTensor sheet, string text, int top, int left, int maxWidth, ReadOnlySpan<float> color)
    {
        foreach (string line in text.Split('\n'))
        {
            DrawLine(sheet, line, top, left, maxWidth, color);
            top += LineHeight;
        }
    }

    public void Dispose() => _font.Dispose();

    private void DrawLine(ImageTensor sheet, string line, int top, int left, int maxWidth, ReadOnlySpan<float> color)
    {
        int width = Math.Min(maxWidth, sheet.Width - left);
        int height = Math.Min(LineHeight, sheet.Height - top);
        if (line.Length == 0 || width <= 0 || height <= 0)
        {
            return;
        }

        using var mask = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
        mask.Erase(SKColors.Transparent);
        using (var canvas = new SKCanvas(mask))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            canvas.DrawText(line, 0, Ascent, _font, paint);
        }

        ReadOnlySpan<byte> coverage = mask.GetPixelSpan();
        int stride = mask.RowBytes;
        for (int c = 0; c < sheet.Channels; c++)
        {
            float ink = color[c];
            for (int y = 0; y < height; y++)
            {
                Span<float> row = sheet.Row(c, top + y).Slice(left, width);
                ReadOnlySpan<byte> alpha = coverage.Slice(y * stride, width);
                for (int x = 0; x < width; x++)
                {
                    float a = alpha[x] * (1f / 255f);
                    row[x] += (ink - row[x]) * a;
                }
            }
        }
    }
}
