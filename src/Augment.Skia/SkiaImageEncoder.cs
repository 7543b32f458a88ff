using System.Buffers;
using Augment.Imaging;
using Augment.Kernels;
using SkiaSharp;

namespace Augment.Skia;

/// <summary>
/// Encodes 3-channel (or 1-channel gray) CHW float images with values in [0, 1] to PNG or JPEG through SkiaSharp,
/// for previews and samples. Values are clamped and rounded to 8 bits (<see cref="PixelConversion.ToPixels"/>);
/// no colour profile is written. Instances are immutable and thread-safe.
/// </summary>
public sealed class SkiaImageEncoder
{
    /// <summary>Creates an encoder.</summary>
    /// <param name="format">The file format.</param>
    /// <param name="quality">The JPEG quality, 1 to 100 (ignored for PNG).</param>
    /// <exception cref="ArgumentOutOfRangeException">The format is unknown, or the quality is outside [1, 100].</exception>
    public SkiaImageEncoder(EncodedImageFormat format = EncodedImageFormat.Png, int quality = 90)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format.");
        }

        if (quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "The JPEG quality must be in [1, 100].");
        }

        Format = format;
        Quality = quality;
    }

    /// <summary>The file format written.</summary>
    public EncodedImageFormat Format { get; }

    /// <summary>The JPEG quality, 1 to 100.</summary>
    public int Quality { get; }

    /// <summary>Returns an encoder for the format that <paramref name="path"/>'s extension names (.png, .jpg, .jpeg).</summary>
    /// <param name="path">A file path.</param>
    /// <param name="quality">The JPEG quality, 1 to 100.</param>
    /// <exception cref="ArgumentException">The extension is not .png, .jpg or .jpeg.</exception>
    public static SkiaImageEncoder ForPath(string path, int quality = 90)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".png" => new SkiaImageEncoder(EncodedImageFormat.Png, quality),
            ".jpg" or ".jpeg" => new SkiaImageEncoder(EncodedImageFormat.Jpeg, quality),
            _ => throw new ArgumentException($"Cannot tell the image format of '{path}': use a .png, .jpg or .jpeg extension.", nameof(path)),
        };
    }

    /// <summary>Encodes <paramref name="image"/> and returns the file's bytes.</summary>
    /// <param name="image">A 1- or 3-channel image; it is not modified.</param>
    /// <returns>The encoded bytes.</returns>
    public byte[] Encode(ImageTensor image)
    {
        using var stream = new MemoryStream();
        Encode(image, stream);
        return stream.ToArray();
    }

    /// <summary>Encodes <paramref name="image"/> into <paramref name="destination"/>.</summary>
    /// <param name="image">A 1- or 3-channel image; it is not modified.</param>
    /// <param name="destination">The stream written to; it is not disposed.</param>
    /// <exception cref="ArgumentException">The image has 2 or more than 3 channels.</exception>
    /// <exception cref="IOException">Skia could not encode the image.</exception>
    public unsafe void Encode(ImageTensor image, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        int stride = image.Width * 4;
        int length = checked(stride * image.Height);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            PixelConversion.ToPixels(image, rented.AsSpan(0, length), PixelLayout.Rgba32, stride);
            fixed (byte* pixels = rented)
            {
                using var pixmap = new SKPixmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque), (IntPtr)pixels, stride);
                bool encoded = Format == EncodedImageFormat.Png
                    ? pixmap.Encode(destination, SKPngEncoderOptions.Default)
                    : pixmap.Encode(destination, new SKJpegEncoderOptions(Quality));
                if (!encoded)
                {
                    throw new IOException($"Skia could not encode the {image.ShapeString} image as {Format}.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Encodes <paramref name="image"/> into the file at <paramref name="path"/>, replacing it.</summary>
    /// <param name="image">A 1- or 3-channel image; it is not modified.</param>
    /// <param name="path">The file to write.</param>
    public void EncodeFile(ImageTensor image, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        Encode(image, stream);
    }
}
