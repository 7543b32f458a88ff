using System.Runtime.InteropServices;
using Augment.Imaging;
using Augment.Kernels;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.ImageSharp;

/// <summary>
/// Conversions between ImageSharp images and Augment's <see cref="ImageTensor"/> and <see cref="PixelBuffer"/>, and
/// PNG/JPEG encoding of tensors for previews. Images held in one block of memory (ImageSharp's default up to a few
/// megabytes, and every image <see cref="ToImage"/> creates) convert straight from or into their pixel memory, with
/// no intermediate copy; larger, discontiguous ones go through one pooled buffer.
/// </summary>
public static class ImageSharpInterop
{
    /// <summary>ImageSharp's defaults with contiguous pixel memory, so <see cref="ToImage"/> writes straight into the image.</summary>
    private static readonly Configuration s_contiguous = CreateContiguous();

    /// <summary>Converts <paramref name="image"/> to a new 3xHxW tensor with values <c>v / 255</c> (torchvision's <c>to_tensor</c>).</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>A new tensor; the caller owns it.</returns>
    public static ImageTensor ToImageTensor(this Image<Rgb24> image) => ToTensor(image, PixelLayout.Rgb24);

    /// <summary>Converts <paramref name="image"/> to a new 3xHxW tensor with values <c>v / 255</c>; alpha is dropped.</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>A new tensor; the caller owns it.</returns>
    public static ImageTensor ToImageTensor(this Image<Rgba32> image) => ToTensor(image, PixelLayout.Rgba32);

    /// <summary>Converts gray <paramref name="image"/> to a new 3xHxW tensor, the gray value <c>v / 255</c> in every channel.</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>A new tensor; the caller owns it.</returns>
    public static ImageTensor ToImageTensor(this Image<L8> image) => ToTensor(image, PixelLayout.Gray8);

    /// <summary>Copies <paramref name="image"/>'s pixels into a new pooled <see cref="PixelLayout.Rgb24"/> buffer.</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>The pixels; the caller owns them and must dispose them.</returns>
    public static PixelBuffer ToPixelBuffer(this Image<Rgb24> image) => CopyPixels(image, PixelLayout.Rgb24);

    /// <summary>Copies <paramref name="image"/>'s pixels into a new pooled <see cref="PixelLayout.Rgba32"/> buffer.</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>The pixels; the caller owns them and must dispose them.</returns>
    public static PixelBuffer ToPixelBuffer(this Image<Rgba32> image) => CopyPixels(image, PixelLayout.Rgba32);

    /// <summary>Copies <paramref name="image"/>'s pixels into a new pooled <see cref="PixelLayout.Gray8"/> buffer.</summary>
    /// <param name="image">The image; it is not modified.</param>
    /// <returns>The pixels; the caller owns them and must dispose them.</returns>
    public static PixelBuffer ToPixelBuffer(this Image<L8> image) => CopyPixels(image, PixelLayout.Gray8);

    /// <summary>
    /// Converts a 3-channel (or 1-channel gray) image with values in [0, 1] to a new ImageSharp image, each value
    /// clamped and rounded to 8 bits (<see cref="PixelConversion.ToPixels"/>): for previews and for pipelines of
    /// your own.
    /// </summary>
    /// <param name="image">The tensor; it is not modified.</param>
    /// <returns>A new image; the caller owns it.</returns>
    /// <exception cref="ArgumentException">The tensor has 2 or more than 3 channels.</exception>
    public static Image<Rgb24> ToImage(this ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels is not (1 or 3))
        {
            throw new ArgumentException($"Only 1- and 3-channel images convert to pixels, got {image.ShapeString}.", nameof(image));
        }

        var result = new Image<Rgb24>(s_contiguous, image.Width, image.Height);
        try
        {
            if (result.DangerousTryGetSinglePixelMemory(out Memory<Rgb24> memory))
            {
                PixelConversion.ToPixels(image, MemoryMarshal.AsBytes(memory.Span), PixelLayout.Rgb24);
                return result;
            }

            using PixelBuffer pixels = PixelBuffer.Rent(image.Width, image.Height, PixelLayout.Rgb24);
            PixelConversion.ToPixels(image, pixels.Pixels, PixelLayout.Rgb24);
            result.Dispose();
            return Image.LoadPixelData<Rgb24>(s_contiguous, pixels.Pixels, image.Width, image.Height);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>Encodes a 1- or 3-channel image with values in [0, 1] as PNG (8 bits per channel, lossless after rounding).</summary>
    /// <param name="image">The tensor; it is not modified.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] EncodePng(this ImageTensor image) => Encode(image, new PngEncoder());

    /// <summary>Encodes a 1- or 3-channel image with values in [0, 1] as JPEG.</summary>
    /// <param name="image">The tensor; it is not modified.</param>
    /// <param name="quality">The JPEG quality, 1 to 100.</param>
    /// <returns>The JPEG file's bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quality"/> is outside [1, 100].</exception>
    public static byte[] EncodeJpeg(this ImageTensor image, int quality = 90)
    {
        if (quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "The JPEG quality must be in [1, 100].");
        }

        return Encode(image, new JpegEncoder { Quality = quality });
    }

    private static byte[] Encode(ImageTensor image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using Image<Rgb24> pixels = image.ToImage();
        using var stream = new MemoryStream();
        pixels.Save(stream, encoder);
        return stream.ToArray();
    }

    private static ImageTensor ToTensor<TPixel>(Image<TPixel> image, PixelLayout layout)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.DangerousTryGetSinglePixelMemory(out Memory<TPixel> memory))
        {
            return PixelConversion.ToTensor(MemoryMarshal.AsBytes(memory.Span), image.Width, image.Height, layout);
        }

        using PixelBuffer pixels = CopyPixels(image, layout);
        return pixels.ToTensor();
    }

    /// <summary>Copies the image's pixels into <paramref name="reuse"/> (reshaped) or, when it is <see langword="null"/>, a new buffer.</summary>
    internal static PixelBuffer CopyPixels<TPixel>(this Image<TPixel> image, PixelLayout layout, PixelBuffer? reuse = null)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        ArgumentNullException.ThrowIfNull(image);
        PixelBuffer pixels = PixelBuffer.Rent(image.Width, image.Height, layout, reuse);
        try
        {
            image.CopyPixelDataTo(pixels.Pixels);
            return pixels;
        }
        catch
        {
            if (!ReferenceEquals(pixels, reuse))
            {
                pixels.Dispose();
            }

            throw;
        }
    }

    private static Configuration CreateContiguous()
    {
        Configuration configuration = Configuration.Default.Clone();
        configuration.PreferContiguousImageBuffers = true;
        return configuration;
    }
}
