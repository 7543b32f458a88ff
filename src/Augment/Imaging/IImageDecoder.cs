namespace Augment.Imaging;

/// <summary>
/// Decodes encoded images into CHW float RGB tensors. The core library holds no codec: implementations live in
/// their own packages (Augment.Skia), so another codec can be added without touching any transform.
/// </summary>
public interface IImageDecoder
{
    /// <summary>
    /// The file extensions of the formats this decoder decodes, lower-case with their dot (e.g. <c>".jpg"</c>):
    /// what <c>ImageFolderSource</c> lists by default for this decoder.
    /// </summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>Reads the image's dimensions and format from its header, without decoding pixels.</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="sourceName">A name for the source (usually a path), used in error messages.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a decodable image.</exception>
    ImageInfo Identify(ReadOnlySpan<byte> encoded, string? sourceName = null);

    /// <summary>Decodes the image into a new 3xHxW tensor with values in [0, 1].</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="sourceName">A name for the source (usually a path), used in error messages.</param>
    /// <returns>The decoded image; the caller owns it.</returns>
    /// <exception cref="InvalidDataException">The bytes are empty, corrupt, truncated or exceed the decoder's pixel limit.</exception>
    ImageTensor Decode(ReadOnlySpan<byte> encoded, string? sourceName = null);

    /// <summary>
    /// Decodes the image into pooled 8-bit pixels, oriented upright, optionally at a reduced size that the codec can
    /// produce cheaply while decoding (e.g. JPEG DCT scaling) when both of its sides stay at least
    /// <paramref name="minimumSize"/>.
    /// </summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="minimumSize">The smallest acceptable size once oriented, or <see langword="null"/> for the full size.</param>
    /// <param name="sourceName">A name for the source (usually a path), used in error messages.</param>
    /// <returns>The pixels; the caller owns them and must dispose them.</returns>
    /// <exception cref="InvalidDataException">The bytes are empty, corrupt, truncated or exceed the decoder's pixel limit.</exception>
    PixelBuffer DecodePixels(ReadOnlySpan<byte> encoded, ImageSize? minimumSize = null, string? sourceName = null);

    /// <summary>
    /// Decodes like <see cref="DecodePixels"/>, into <paramref name="destination"/>: a buffer the caller keeps from
    /// image to image, which is given the image's size and layout (see <see cref="PixelBuffer.Reshape"/>), so that
    /// decoding allocates nothing once its memory is large enough. The loader's workers decode this way. The default
    /// implementation decodes into a new buffer and copies it; <see cref="ImageDecoder{TOptions}"/> decodes in place.
    /// </summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="destination">Receives the pixels; the caller keeps owning it. Its contents are unspecified after a failure.</param>
    /// <param name="minimumSize">The smallest acceptable size once oriented, or <see langword="null"/> for the full size.</param>
    /// <param name="sourceName">A name for the source (usually a path), used in error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are empty, corrupt, truncated or exceed the decoder's pixel limit.</exception>
    void DecodePixelsInto(ReadOnlySpan<byte> encoded, PixelBuffer destination, ImageSize? minimumSize = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using PixelBuffer decoded = DecodePixels(encoded, minimumSize, sourceName);
        destination.CopyFrom(decoded);
    }
}
