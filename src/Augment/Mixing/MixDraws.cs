using Augment.Imaging;
using Augment.Randomness;

namespace Augment.Mixing;

/// <summary>The draws the batch mixers share: partner maps, per-sample streams, λ and CutMix boxes.</summary>
internal static class MixDraws
{
    /// <summary>Fills <paramref name="partners"/> with the partner map of <paramref name="mode"/>.</summary>
    public static void FillPartners(Span<int> partners, PartnerMode mode, ref RandomSource random)
    {
        int n = partners.Length;
        for (int i = 0; i < n; i++)
        {
            partners[i] = mode switch
            {
                PartnerMode.Flip => n - 1 - i,
                PartnerMode.Roll => i == 0 ? n - 1 : i - 1,
                _ => i,
            };
        }

        if (mode == PartnerMode.Permutation)
        {
            random.Shuffle(partners);
        }
    }

    /// <summary>
    /// One key drawn from the batch stream, from which <see cref="ForSample"/> derives each sample's own stream: a
    /// sample's draws then depend on neither the other samples' draws nor the batch size.
    /// </summary>
    public static ulong SampleKey(ref RandomSource random) => random.NextUInt64();

    /// <summary>The stream of sample <paramref name="index"/> under <paramref name="key"/>.</summary>
    public static RandomSource ForSample(ulong key, int index) => RandomSource.ForSample(key, 0, index);

    /// <summary>Throws unless <paramref name="mode"/> is defined.</summary>
    public static T ValidateEnum<T>(T mode, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(paramName, mode, $"Unknown {typeof(T).Name} {mode}.");
        }

        return mode;
    }

    /// <summary>
    /// timm's <c>rand_bbox</c>: a box of side <c>√(1 - λ)</c> of each dimension (truncated, then halved and doubled),
    /// centred uniformly on the image and clipped; or, with a min/max ratio, <c>rand_bbox_minmax</c>: sides uniform in
    /// <c>[min, max)</c> of each dimension, placed uniformly inside the image.
    /// </summary>
    public static CutBox Box(ImageSize size, double lambda, double minRatio, double maxRatio, ref RandomSource random)
    {
        int h = size.Height, w = size.Width;
        if (maxRatio > 0.0)
        {
            int cutH = UniformInt((int)(h * minRatio), (int)(h * maxRatio), ref random);
            int cutW = UniformInt((int)(w * minRatio), (int)(w * maxRatio), ref random);
            int top = random.NextInt32(0, h - cutH);
            int left = random.NextInt32(0, w - cutW);
            return new CutBox(top, left, cutH, cutW);
        }

        double ratio = Math.Sqrt(1.0 - lambda);
        int halfH = (int)(h * ratio) / 2, halfW = (int)(w * ratio) / 2;
        int cy = random.NextInt32(h), cx = random.NextInt32(w);
        int y0 = Math.Clamp(cy - halfH, 0, h), y1 = Math.Clamp(cy + halfH, 0, h);
        int x0 = Math.Clamp(cx - halfW, 0, w), x1 = Math.Clamp(cx + halfW, 0, w);
        return new CutBox(y0, x0, y1 - y0, x1 - x0);
    }

    /// <summary>λ corrected to the pasted box's area: <c>1 - area / (H · W)</c>.</summary>
    public static float CorrectedLambda(CutBox box, ImageSize size) => (float)(1.0 - ((double)box.Area / ((double)size.Height * size.Width)));

    /// <summary>An integer in [low, high) (numpy's <c>randint</c>), or <paramref name="low"/> when the range is empty.</summary>
    private static int UniformInt(int low, int high, ref RandomSource random) => high > low ? low + random.NextInt32(high - low) : low;
}
