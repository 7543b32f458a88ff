using System.Runtime.CompilerServices;
using Augment.Imaging;
using Augment.Kernels.Lanes;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TLane>(ref TLane r, ref TLane g, ref TLane b)
        where TLane : struct, ILane<TLane>
    {
        TLane gray = TLane.Create(_rest) * ((TLane.Create(ColorKernels.RedWeight) * r) + (TLane.Create(ColorKernels.GreenWeight) * g) + (TLane.Create(ColorKernels.BlueWeight) * b));
        TLane factor = TLane.Create(_factor);
        r = TLane.ClampUnit((factor * r) + gray);
        g = TLane.ClampUnit((factor * g) + gray);
        b = TLane.ClampUnit((factor * b) + gray);
    }
}
