namespace Augment.Tests.Kernels.Color;

/// <summary>
/// Scalar reference implementations written from torchvision 0.14's tensor code (functional_tensor.py), operation by
/// operation in float32, with no vectors and no reciprocals: the oracle the kernels are checked against.
/// </summary>
internal static class ColorOracle
{
    public static float Gray(float r, float g, float b) => (0.2989f * r) + (0.587f * g) + (0.114f * b);

    public static float Blend(float x, float y, float ratio) => Math.Clamp((ratio * x) + ((1f - ratio) * y), 0f, 1f);

    /// <summary>torchvision's _rgb2hsv, hue shift with Python's %, and _hsv2rgb for one pixel.</summary>
    public static (float R, float G, float B) Hue(float r, float g, float b, float factor)
    {
        float maxc = MathF.Max(r, MathF.Max(g, b));
        float minc = MathF.Min(r, MathF.Min(g, b));
        bool eqc = maxc == minc;
        float cr = maxc - minc;
        float s = cr / (eqc ? 1f : maxc);
        float crDivisor = eqc ? 1f : cr;
        float rc = (maxc - r) / crDivisor, gc = (maxc - g) / crDivisor, bc = (maxc - b) / crDivisor;
        float hr = maxc == r ? bc - gc : 0f;
        float hg = maxc == g && maxc != r ? 2f + rc - bc : 0f;
        float hb = maxc != g && maxc != r ? 4f + gc - rc : 0f;
        float h = (((hr + hg + hb) / 6f) + 1f) % 1f; // C#'s % on floats is fmod
        h = PythonRemainder(h + factor, 1f);

        float i = MathF.Floor(h * 6f);
        float f = (h * 6f) - i;
        float p = Math.Clamp(maxc * (1f - s), 0f, 1f);
        float q = Math.Clamp(maxc * (1f - (s * f)), 0f, 1f);
        float t = Math.Clamp(maxc * (1f - (s * (1f - f))), 0f, 1f);
        float v = maxc;
        return ((((int)i % 6) + 6) % 6) switch
        {
            0 => (v, t, p),
            1 => (q, v, p),
            2 => (p, v, t),
            3 => (p, q, v),
            4 => (t, p, v),
            _ => (v, p, q),
        };
    }

    /// <summary>torch.remainder: fmod, moved into the divisor's sign.</summary>
    private static float PythonRemainder(float a, float b)
    {
        float mod = a % b;
        return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
    }
}
