using Augment.Imaging;
using Augment.Kernels.Geometry;

namespace Augment.Tests.Kernels.Geometry;

/// <summary>Scalar reference definitions of the index-only geometric ops, written from their torchvision meaning.</summary>
internal static class GeometryOracle
{
    /// <summary>flip(window (top, left, h, w) of the image), fill outside.</summary>
    public static float[] Crop(ImageTensor source, int top, int left, int h, int w, FlipMode flip = FlipMode.None, float fill = 0f)
    {
        var result = new float[source.Channels * h * w];
        int i = 0;
        for (int c = 0; c < source.Channels; c++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int sy = top + ((flip & FlipMode.Vertical) != 0 ? h - 1 - y : y);
                    int sx = left + ((flip & FlipMode.Horizontal) != 0 ? w - 1 - x : x);
                    bool inside = sy >= 0 && sy < source.Height && sx >= 0 && sx < source.Width;
                    result[i++] = inside ? source.At(c, sy, sx) : fill;
                }
            }
        }

        return result;
    }

    /// <summary>torch.nn.functional.pad of a CHW image, one explicit rule per mode (each pad shorter than the side for reflect).</summary>
    public static ImageTensor Pad(ImageTensor source, Padding padding, PaddingMode mode, float fill)
    {
        int h = source.Height + padding.Top + padding.Bottom, w = source.Width + padding.Left + padding.Right;
        var result = ImageTensor.Create(source.Channels, h, w);
        for (int c = 0; c < source.Channels; c++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int sy = Resolve(y - padding.Top, source.Height, mode);
                    int sx = Resolve(x - padding.Left, source.Width, mode);
                    result.Plane(c)[(y * w) + x] = sy < 0 || sx < 0 ? fill : source.At(c, sy, sx);
                }
            }
        }

        return result;
    }

    private static int Resolve(int i, int n, PaddingMode mode)
    {
        if (i >= 0 && i < n)
        {
            return i;
        }

        return mode switch
        {
            PaddingMode.Constant => -1,
            PaddingMode.Edge => Math.Clamp(i, 0, n - 1),
            PaddingMode.Reflect => i < 0 ? -i : (2 * (n - 1)) - i,
            PaddingMode.Symmetric => i < 0 ? -i - 1 : (2 * n) - 1 - i,
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
    }
}
