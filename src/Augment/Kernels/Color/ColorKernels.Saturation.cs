using System.Runtime.Intrinsics;
using Augment.Imaging;

namespace Augment.Kernels.Color;

public static partial class ColorKernels
{
    /// <summary>
    /// Adjusts saturation in place: effectively computes <c>x = clamp(factor * x + (1 - factor) * gray, 0, 1)</c>,
    /// with <c>gray = 0.2989 R + 0.587 G + 0.114 B</c> of the same pixel (torchvision's <c>adjust_saturation</c>).
    /// A one-channel image is left unchanged, as torchvision does.
    /// </summary>
    /// <param name="image">An RGB or one-channel image.</param>
    /// <param name="factor">The saturation factor: 0 gives the grayscale image, 1 the original image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative or NaN.</exception>
    /// <exception cref="ArgumentException">The image has neither one nor three channels.</exception>
    public static void AdjustSaturation(ImageTensor image, float factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        ThrowIfNegativeOrNaN(factor, nameof(factor));
        if (image.Channels == 1)
        {
            return;
        }

        RgbPointwise.Apply(image, new SaturationOperator(factor));
    }
}

/// <summary>Blends each pixel with its own grayscale value and clamps: <see cref="ColorKernels.AdjustSaturation"/>.</summary>
internal readonly struct SaturationOperator(float factor) : IRgbOperator
{
    private readonly float _factor = factor;
    private readonly float _rest = 1f - factor;

    public void Invoke(ref float r, ref float g, ref float b)
    {
        float gray = (_rest * ((ColorKernels.RedWeight * r) + (ColorKernels.GreenWeight * g) + (ColorKernels.BlueWeight * b)));
        r = Math.Clamp((_factor * r) + gray, 0f, 1f);
        g = Math.Clamp((_factor * g) + gray, 0f, 1f);
        b = Math.Clamp((_factor * b) + gray, 0f, 1f);
    }

    public void Invoke(ref Vector128<float> r, ref Vector128<float> g, ref Vector128<float> b)
    {
        Vector128<float> gray = _rest * ((ColorKernels.RedWeight * r) + (ColorKernels.GreenWeight * g) + (ColorKernels.BlueWeight * b));
        r = Vector128.Clamp((_factor * r) + gray, Vector128<float>.Zero, Vector128<float>.One);
        g = Vector128.Clamp((_factor * g) + gray, Vector128<float>.Zero, Vector128<float>.One);
        b = Vector128.Clamp((_factor * b) + gray, Vector128<float>.Zero, Vector128<float>.One);
    }

    public void Invoke(ref Vector256<float> r, ref Vector256<float> g, ref Vector256<float> b)
    {
        Vector256<float> gray = _rest * ((ColorKernels.RedWeight * r) + (ColorKernels.GreenWeight * g) + (ColorKernels.BlueWeight * b));
        r = Vector256.Clamp((_factor * r) + gray, Vector256<float>.Zero, Vector256<float>.One);
        g = Vector256.Clamp((_factor * g) + gray, Vector256<float>.Zero, Vector256<float>.One);
        b = Vector256.Clamp((_factor * b) + gray, Vector256<float>.Zero, Vector256<float>.One);
    }

    public void Invoke(ref Vector512<float> r, ref Vector512<float> g, ref Vector512<float> b)
    {
        Vector512<float> gray = _rest * ((ColorKernels.RedWeight * r) + (ColorKernels.GreenWeight * g) + (ColorKernels.BlueWeight * b));
        r = Vector512.Clamp((_factor * r) + gray, Vector512<float>.Zero, Vector512<float>.One);
        g = Vector512.Clamp((_factor * g) + gray, Vector512<float>.Zero, Vector512<float>.One);
        b = Vector512.Clamp((_factor * b) + gray, Vector512<float>.Zero, Vector512<float>.One);
    }
}
