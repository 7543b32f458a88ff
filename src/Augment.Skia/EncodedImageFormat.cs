namespace Augment.Skia;

/// <summary>The file formats <see cref="SkiaImageEncoder"/> writes.</summary>
public enum EncodedImageFormat
{
    /// <summary>PNG: lossless, 8 bits per channel.</summary>
    Png,

    /// <summary>JPEG: lossy, at the encoder's quality.</summary>
    Jpeg,
}
