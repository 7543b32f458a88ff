using Augment.Imaging;
using Augment.Kernels.Color;
using Augment.Randomness;

namespace Augment.Transforms.Color;

/// <summary>The drawn coefficients of a <see cref="PcaLighting"/>, one per principal component.</summary>
/// <param name="Alpha0">The coefficient of the first component.</param>
/// <param name="Alpha1">The coefficient of the second component.</param>
/// <param name="Alpha2">The coefficient of the third component.</param>
public readonly record struct PcaLightingParams(float Alpha0, float Alpha1, float Alpha2);

/// <summary>
/// AlexNet's "fancy PCA" lighting noise (fb.resnet.torch's <c>Lighting</c>): draws <c>alpha ~ N(0, alphaStd²)</c>
/// per component and adds <c>eigenvectors · (alpha ⊙ eigenvalues)</c> to the channels, without clamping.
/// </summary>
/// <remarks>
/// The default basis is <see cref="PcaLightingBasis.ImageNet"/>, computed on RGB in [0, 1]: apply the transform before
/// normalization (as fb.resnet.torch does), or fit a basis to the tensors it will see with <see cref="PcaLightingFit"/>.
/// </remarks>
public sealed class PcaLighting : RandomTransform<PcaLightingParams>
{
    /// <summary>Creates the transform.</summary>
    /// <param name="alphaStd">The standard deviation of the coefficients, finite and non-negative (0 disables the noise).</param>
    /// <param name="basis">The principal components; <see langword="null"/> for <see cref="PcaLightingBasis.ImageNet"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alphaStd"/> is negative, NaN or infinite.</exception>
    public PcaLighting(double alphaStd = 0.1, PcaLightingBasis? basis = null)
    {
        if (!(alphaStd >= 0) || double.IsInfinity(alphaStd))
        {
            throw new ArgumentOutOfRangeException(nameof(alphaStd), alphaStd, $"alphaStd must be finite and non-negative, got {alphaStd}.");
        }

        AlphaStd = alphaStd;
        Basis = basis ?? PcaLightingBasis.ImageNet;
    }

    /// <summary>The standard deviation of the coefficients.</summary>
    public double AlphaStd { get; }

    /// <summary>The principal components.</summary>
    public PcaLightingBasis Basis { get; }

    /// <inheritdoc />
    public override PcaLightingParams Draw(int channels, ImageSize size, ref RandomSource random)
    {
        float a0 = (float)random.NextNormal(0, AlphaStd), a1 = (float)random.NextNormal(0, AlphaStd), a2 = (float)random.NextNormal(0, AlphaStd);
        return new PcaLightingParams(a0, a1, a2);
    }

    /// <inheritdoc />
    protected override ImageTensor ApplyCore(ImageTensor image, in PcaLightingParams parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (parameters != default)
        {
            ColorKernels.PcaLighting(image, [parameters.Alpha0, parameters.Alpha1, parameters.Alpha2], Basis.Eigenvalues, Basis.Eigenvectors);
        }

        return image;
    }

    /// <inheritdoc />
    public override string ToString() => $"PcaLighting(alphaStd={AlphaStd}, {Basis})";
}
