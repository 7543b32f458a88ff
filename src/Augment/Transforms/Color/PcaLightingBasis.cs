namespace Augment.Transforms.Color;

/// <summary>
/// The principal components of a dataset's RGB covariance that <see cref="PcaLighting"/> takes: three eigenvalues
/// (variances along the components) and the 3x3 matrix whose column <c>k</c> is eigenvector <c>k</c>.
/// </summary>
/// <remarks>
/// Eigenvectors are defined up to sign; since the lighting coefficients are drawn from a distribution symmetric
/// about 0, the sign does not change the transform's distribution. Fit one to a dataset with <see cref="PcaLightingFit"/>.
/// </remarks>
public sealed class PcaLightingBasis
{
    private readonly float[] _eigenvalues;
    private readonly float[] _eigenvectors;

    /// <summary>Creates a basis.</summary>
    /// <param name="eigenvalues">Three finite, non-negative eigenvalues.</param>
    /// <param name="eigenvectors">Nine finite entries, row-major: row <c>c</c> is channel <c>c</c>, column <c>k</c> is eigenvector <c>k</c>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An eigenvalue is negative or not finite, or an entry is not finite.</exception>
    public PcaLightingBasis(ReadOnlySpan<float> eigenvalues, ReadOnlySpan<float> eigenvectors)
    {
        if (eigenvalues.Length != 3)
        {
            throw new ArgumentException($"eigenvalues must hold 3 values, got {eigenvalues.Length}.", nameof(eigenvalues));
        }

        if (eigenvectors.Length != 9)
        {
            throw new ArgumentException($"eigenvectors must hold 9 values (3x3, row-major), got {eigenvectors.Length}.", nameof(eigenvectors));
        }

        foreach (float value in eigenvalues)
        {
            if (!(value >= 0) || float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(eigenvalues), value, $"Eigenvalues must be finite and non-negative, got {value}.");
            }
        }

        foreach (float value in eigenvectors)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(eigenvectors), value, $"Eigenvector entries must be finite, got {value}.");
            }
        }

        _eigenvalues = eigenvalues.ToArray();
        _eigenvectors = eigenvectors.ToArray();
    }

    /// <summary>
    /// The ImageNet basis used by AlexNet-style training recipes (fb.resnet.torch's <c>pca</c>), for RGB in [0, 1]:
    /// eigenvalues [0.2175, 0.0188, 0.0045].
    /// </summary>
    public static PcaLightingBasis ImageNet { get; } = new(
        [0.2175f, 0.0188f, 0.0045f],
        [
            -0.5675f, 0.7192f, 0.4009f,
            -0.5808f, -0.0045f, -0.8140f,
            -0.5836f, -0.6948f, 0.4203f,
        ]);

    /// <summary>The three eigenvalues.</summary>
    public ReadOnlySpan<float> Eigenvalues => _eigenvalues;

    /// <summary>The eigenvector matrix, row-major: entry <c>3 c + k</c> is channel <c>c</c> of eigenvector <c>k</c>.</summary>
    public ReadOnlySpan<float> Eigenvectors => _eigenvectors;

    /// <summary>Returns channel <paramref name="channel"/> of eigenvector <paramref name="component"/>.</summary>
    /// <param name="channel">The channel, 0 to 2.</param>
    /// <param name="component">The component, 0 to 2.</param>
    public float Eigenvector(int channel, int component)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)channel, 2u, nameof(channel));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)component, 2u, nameof(component));
        return _eigenvectors[(3 * channel) + component];
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"PcaLightingBasis(eigenvalues [{string.Join(", ", _eigenvalues)}], eigenvectors [{string.Join(", ", _eigenvectors)}])";
}
