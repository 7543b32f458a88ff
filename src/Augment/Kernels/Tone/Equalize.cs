using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        int length = image.PlaneLength;
        int[] levelsArray = ArrayPool<int>.Shared.Rent(length);
        Span<int> histograms = stackalloc int[4 * 256];
        Span<float> lut = stackalloc float[256];
        try
        {
            Span<int> levels = levelsArray.AsSpan(0, length);
            for (int c = 0; c < image.Channels; c++)
            {
                Span<float> plane = image.Plane(c);
                To8Bit(plane, levels);
                Span<int> histogram = Histogram(levels, histograms);
                int last = 255;
                while (histogram[last] == 0)
                {
                    last--;
                }

                int step = (length - histogram[last]) / 255;
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

                ref float table = ref MemoryMarshal.GetReference(lut);
                for (int i = 0; i < plane.Length; i++)
                {
                    plane[i] = Unsafe.Add(ref table, levels[i]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levelsArray);
        }
    }

    /// <summary>Writes the 8-bit level <c>round(clamp(x, 0, 1) * 255)</c> of each value, always in [0, 255] (NaN included).</summary>
    private static void To8Bit(ReadOnlySpan<float> x, Span<int> levels)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(Max8Bit);
            var mask = new Vector<int>(0xFF);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> v = Vector.Clamp(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)i), Vector<float>.Zero, Vector<float>.One);
                (Vector.ConvertToInt32(Vector.Round(v * scale)) & mask).StoreUnsafe(ref MemoryMarshal.GetReference(levels), (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            levels[i] = (int)MathF.Round(Math.Clamp(x[i], 0f, 1f) * Max8Bit) & 0xFF;
        }
    }

    /// <summary>Counts the levels into four interleaved sub-histograms (to avoid store-to-load stalls) and sums them into the first.</summary>
    private static Span<int> Histogram(ReadOnlySpan<int> levels, Span<int> histograms)
    {
        histograms.Clear();
        Span<int> h0 = histograms[..256], h1 = histograms.Slice(256, 256), h2 = histograms.Slice(512, 256), h3 = histograms.Slice(768, 256);
        int i = 0;
        for (; i <= levels.Length - 4; i += 4)
        {
            h0[levels[i]]++;
            h1[levels[i + 1]]++;
            h2[levels[i + 2]]++;
            h3[levels[i + 3]]++;
        }

        for (; i < levels.Length; i++)
        {
            h0[levels[i]]++;
        }

        for (int v = 0; v < 256; v++)
        {
            h0[v] += h1[v] + h2[v] + h3[v];
        }

        return h0;
    }
}
