using Augment.Imaging;

namespace Augment.Tta;

/// <summary>
/// An image that is produced on demand, band by band of rows or whole: the loader's fused decode → resize, so that
/// test-time views can be cut from a band of rows while it is still in the cache instead of from a whole image that
/// no longer is.
/// </summary>
internal interface IRowSource
{
    /// <summary>The image's channel count.</summary>
    int Channels { get; }

    /// <summary>The image's size.</summary>
    ImageSize Size { get; }

    /// <summary>Whether <see cref="Render"/> can produce bands; when not, use <see cref="RenderAll"/>.</summary>
    bool RendersBands { get; }

    /// <summary>
    /// Writes rows <c>[firstRow, firstRow + rowCount)</c> of the image into <paramref name="destination"/>:
    /// <see cref="Channels"/> planes of <c>rowCount * Size.Width</c> elements.
    /// </summary>
    void Render(int firstRow, int rowCount, Span<float> destination);

    /// <summary>The whole image, in a tensor the source keeps: valid until the next call, and not to be disposed.</summary>
    ImageTensor RenderAll();
}
