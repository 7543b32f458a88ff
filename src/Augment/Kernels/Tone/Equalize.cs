using Augment.Imaging;

namespace Augment.Kernels.Tone;

public static partial class ToneKernels
{
    /// <summary>
    /// Equalizes the histogram of each channel on its 8-bit values <c>v = round(clamp(x, 0, 1) * 255)</c>, with
    /// torchvision's (and PIL's) algorithm: <c>step = floor((N - count of the last occupied level) / 255)</c>; a
    /// channel with <c>step == 0</c> is left as it is; otherwise <c>lut[0] = 0</c> and
    /// <c>lut[v] = min(255, floor((cumulative count below v + floor(step / 2)) / step))</c>, and the result is <c>lut[v] / 255</c>.
    /// </summary>
    /// <param name="image">The image, modified in place.</param>
    public static void Equalize(ImageTensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<int> histogram = stackalloc int[256];
        Span<float> lut = stackalloc float[256];
        for (int c = 0; c < image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            histogram.Clear();
            foreach (float x in plane)
            {
                histogram[To8Bit(x)]++;
            }

            int last = 255;
            while (histogram[last] == 0)
            {
                last--;
            }

            int step = (plane.Length - histogram[last]) / 255;
            if (step == 0)
            {
                continue;
            }

            int cumulative = 0;
            for (int v = 0; v < 256; v++)
            {
                lut[v] = Math.Min(255, (cumulative + (step / 2)) / step) / Max8Bit;
                cumulative += histogram[v];
            }

            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = lut[To8Bit(plane[i])];
            }
        }
    }

    /// <summary>The 8-bit value of <paramref name="x"/>: <c>round(clamp(x, 0, 1) * 255)</c>, NaN as 0.</summary>
    private static int To8Bit(float x) => (int)MathF.Round(Math.Clamp(x, 0f, 1f) * Max8Bit) & 0xFF;
}
