using System.Buffers;
using System.Numerics.Tensors;
using Augment.Batching;
using Augment.Mixing;

namespace Augment.Kernels.Mixing;

/// <summary>
/// The batch-mixing kernels: pure functions of (batch, parameters) that modify the batch in place.
/// </summary>
/// <remarks>
/// <para>
/// <b>In-place mixup / CutMix.</b> Sample <c>i</c> reads the <em>original</em> partner <c>p(i)</c>, which a naive
/// loop would already have overwritten. The partner map is a permutation, so the kernel walks each of its cycles
/// <c>s → p(s) → p(p(s)) → … → s</c>: every sample is mixed before the one it reads from is touched, and only the
/// cycle's first sample is copied to a scratch image (for the cycle's last step). Extra memory: one image.
/// </para>
/// <para>
/// <b>RICAP</b> draws four patches from four permutations, so it writes a fresh pooled buffer and swaps it into
/// the batch (the old one returns to the pool).
/// </para>
/// </remarks>
public static class MixKernels
{
    /// <summary>
    /// Applies mixup / CutMix parameters to <paramref name="batch"/> in place: for each sample <c>i</c> of kind
    /// <see cref="MixKind.Blend"/>, <c>x_i = λ_i · x_i + (1 - λ_i) · x_p(i)</c>; of kind <see cref="MixKind.Paste"/>,
    /// box_i of <c>x_i</c> is copied from <c>x_p(i)</c>; and, if the batch has soft targets,
    /// <c>y_i = λ_i · y_i + (1 - λ_i) · y_p(i)</c> for both kinds (right-hand sides are the values before the call).
    /// A sample whose partner is itself is left exactly as it is. Blends are computed as <c>fma(x, λ, (1 - λ) · y)</c>.
    /// A batch without soft targets (K = 0) has only its images mixed: mix your own targets with the parameters'
    /// partners and λ.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="parameters">Parameters for the batch's size; <see cref="MixParams.Partners"/> must be a permutation.</param>
    /// <exception cref="ArgumentException">The parameters are for another batch size, the partners are not a permutation, a λ lies outside [0, 1], or a box lies outside the image (messages name the sample).</exception>
    public static void Mix(ImageBatch batch, MixParams parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        int n = batch.Count;
        if (parameters.Count != n)
        {
            throw new ArgumentException($"The parameters are for {parameters.Count} samples, the batch holds {n}.", nameof(parameters));
        }

        ReadOnlySpan<int> partners = parameters.Partners;
        ReadOnlySpan<float> lambdas = parameters.Lambdas;
        ReadOnlySpan<MixKind> kinds = parameters.Kinds;
        ReadOnlySpan<CutBox> boxes = parameters.Boxes;
        bool[] visited = ArrayPool<bool>.Shared.Rent(n);
        float[]? scratch = null;
        try
        {
            Validate(batch, partners, lambdas, kinds, boxes, visited.AsSpan(0, n));
            if (batch.ClassCount > 0)
            {
                MixTargets(batch, partners, lambdas, kinds);
            }

            Span<bool> done = visited.AsSpan(0, n);
            done.Clear();
            int length = batch.SampleLength;
            for (int start = 0; start < n; start++)
            {
                if (done[start])
                {
                    continue;
                }

                done[start] = true;
                if (partners[start] == start)
                {
                    continue; // mixing a sample with itself leaves it unchanged
                }

                scratch ??= ArrayPool<float>.Shared.Rent(length);
                Span<float> head = scratch.AsSpan(0, length);
                batch.Slot(start).CopyTo(head);
                int i = start;
                do
                {
                    int j = partners[i];
                    done[i] = true;
                    MixOne(batch, batch.Slot(i), j == start ? head : batch.Slot(j), kinds[i], lambdas[i], boxes[i]);
                    i = j;
                }
                while (i != start);
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(visited);
            if (scratch is not null)
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>
    /// Applies RICAP parameters: output sample <c>i</c> is made of patch k (k = 0..3: tl, tr, bl, br; sizes set by its
    /// boundary) of source <c>Sources(k)[i]</c> cut at (<c>OffsetsY(k)[i]</c>, <c>OffsetsX(k)[i]</c>); with soft
    /// targets, <c>y_i = Σ_k area_k / (H · W) · y_Sources(k)[i]</c>. The batch's image buffer is replaced by a
    /// pooled one (the old one returns to the pool).
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="parameters">Parameters for the batch's size and image size.</param>
    /// <exception cref="ArgumentException">The parameters are for another batch size, a boundary or an offset puts a patch outside the image, or a source index is out of range (messages name the sample).</exception>
    public static void Ricap(ImageBatch batch, RicapParams parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        ValidateRicap(batch, parameters);
        int n = batch.Count, height = batch.Height, width = batch.Width, planeLength = height * width, length = batch.SampleLength;
        float[] output = batch.Pool.RentSingles(batch.Length);
        ReadOnlySpan<float> input = batch.Data;
        for (int i = 0; i < n; i++)
        {
            int outputBase = i * length;
            for (int k = 0; k < RicapParams.PatchCount; k++)
            {
                (int patchHeight, int patchWidth) = parameters.PatchSize(i, k, height, width);
                if (patchHeight == 0 || patchWidth == 0)
                {
                    continue;
                }

                int outTop = (k & 2) == 0 ? 0 : parameters.BoundaryHeights[i];
                int outLeft = (k & 1) == 0 ? 0 : parameters.BoundaryWidths[i];
                int sourceBase = (parameters.Sources(k)[i] * length) + (parameters.OffsetsY(k)[i] * width) + parameters.OffsetsX(k)[i];
                for (int c = 0; c < batch.Channels; c++)
                {
                    int s = sourceBase + (c * planeLength);
                    int d = outputBase + (c * planeLength) + (outTop * width) + outLeft;
                    for (int y = 0; y < patchHeight; y++, s += width, d += width)
                    {
                        input.Slice(s, patchWidth).CopyTo(output.AsSpan(d, patchWidth));
                    }
                }
            }
        }

        batch.ReplaceData(output);
        if (batch.ClassCount > 0)
        {
            RicapTargets(batch, parameters);
        }
    }

    private static void MixOne(ImageBatch batch, Span<float> x, ReadOnlySpan<float> partner, MixKind kind, float lambda, CutBox box)
    {
        if (kind == MixKind.Blend && lambda != 1f)
        {
            Pointwise.Apply(x, partner, x, new BlendOperator(lambda));
        }
        else if (kind == MixKind.Paste && box.Area > 0)
        {
            int width = batch.Width, planeLength = batch.Height * width;
            for (int c = 0; c < batch.Channels; c++)
            {
                int offset = (c * planeLength) + (box.Top * width) + box.Left;
                for (int y = 0; y < box.Height; y++, offset += width)
                {
                    partner.Slice(offset, box.Width).CopyTo(x.Slice(offset, box.Width));
                }
            }
        }
    }

    private static void MixTargets(ImageBatch batch, ReadOnlySpan<int> partners, ReadOnlySpan<float> lambdas, ReadOnlySpan<MixKind> kinds)
    {
        int k = batch.ClassCount;
        Span<float> targets = batch.Targets;
        float[] original = ArrayPool<float>.Shared.Rent(targets.Length);
        try
        {
            Span<float> copy = original.AsSpan(0, targets.Length);
            targets.CopyTo(copy);
            for (int i = 0; i < partners.Length; i++)
            {
                if (kinds[i] != MixKind.None && lambdas[i] != 1f && partners[i] != i)
                {
                    Pointwise.Apply(copy.Slice(i * k, k), copy.Slice(partners[i] * k, k), targets.Slice(i * k, k), new BlendOperator(lambdas[i]));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(original);
        }
    }

    private static void RicapTargets(ImageBatch batch, RicapParams parameters)
    {
        int classes = batch.ClassCount;
        Span<float> targets = batch.Targets;
        float[] original = ArrayPool<float>.Shared.Rent(targets.Length);
        try
        {
            Span<float> copy = original.AsSpan(0, targets.Length);
            targets.CopyTo(copy);
            targets.Clear();
            double area = (double)batch.Height * batch.Width;
            for (int i = 0; i < batch.Count; i++)
            {
                Span<float> row = targets.Slice(i * classes, classes);
                for (int k = 0; k < RicapParams.PatchCount; k++)
                {
                    (int h, int w) = parameters.PatchSize(i, k, batch.Height, batch.Width);
                    float weight = (float)(h * w / area);
                    TensorPrimitives.MultiplyAdd(copy.Slice(parameters.Sources(k)[i] * classes, classes), weight, row, row);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(original);
        }
    }

    private static void Validate(ImageBatch batch, ReadOnlySpan<int> partners, ReadOnlySpan<float> lambdas, ReadOnlySpan<MixKind> kinds, ReadOnlySpan<CutBox> boxes, Span<bool> seen)
    {
        seen.Clear();
        for (int i = 0; i < partners.Length; i++)
        {
            int p = partners[i];
            if ((uint)p >= (uint)partners.Length || seen[p])
            {
                throw new ArgumentException($"The partners must be a permutation of 0..{partners.Length - 1}; sample {i} has partner {p}.", "parameters");
            }

            seen[p] = true;
            if (!(lambdas[i] >= 0f && lambdas[i] <= 1f))
            {
                throw new ArgumentException($"Sample {i} has λ = {lambdas[i]}, outside [0, 1].", "parameters");
            }

            if (kinds[i] == MixKind.Paste && !boxes[i].IsInside(batch.Height, batch.Width))
            {
                throw new ArgumentException($"Sample {i} has box {boxes[i]}, not inside the {batch.Height}x{batch.Width} image.", "parameters");
            }
        }
    }

    private static void ValidateRicap(ImageBatch batch, RicapParams parameters)
    {
        int n = batch.Count;
        if (parameters.Count != n)
        {
            throw new ArgumentException($"The parameters are for {parameters.Count} samples, the batch holds {n}.", nameof(parameters));
        }

        for (int i = 0; i < n; i++)
        {
            if ((uint)parameters.BoundaryWidths[i] > (uint)batch.Width || (uint)parameters.BoundaryHeights[i] > (uint)batch.Height)
            {
                throw new ArgumentException(
                    $"Sample {i} has boundary (w {parameters.BoundaryWidths[i]}, h {parameters.BoundaryHeights[i]}), outside the {batch.Height}x{batch.Width} image.",
                    nameof(parameters));
            }

            for (int k = 0; k < RicapParams.PatchCount; k++)
            {
                (int h, int w) = parameters.PatchSize(i, k, batch.Height, batch.Width);
                int x = parameters.OffsetsX(k)[i], y = parameters.OffsetsY(k)[i], source = parameters.Sources(k)[i];
                if (x < 0 || y < 0 || x > batch.Width - w || y > batch.Height - h)
                {
                    throw new ArgumentException($"Patch {k} ({h}x{w}) of sample {i} at offset (x {x}, y {y}) lies outside the {batch.Height}x{batch.Width} image.", nameof(parameters));
                }

                if ((uint)source >= (uint)n)
                {
                    throw new ArgumentException($"Patch {k} of sample {i} comes from sample {source}, outside 0..{n - 1}.", nameof(parameters));
                }
            }
        }
    }
}
