using System.Buffers;
using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Views;

namespace Augment.Data;

/// <summary>
/// One worker thread's state, kept across epochs (see <see cref="WorkerGroup"/>): its scratch buffers, and the code
/// that turns one slot of a batch into pixels: read, decode, transform, write into the slot; or, under
/// <see cref="BadFilePolicy.Skip"/>, the same with the next valid sample.
/// </summary>
/// <remarks>
/// <para>
/// A slot's random stream is <see cref="RandomSource.ForSample"/>(seed, epoch, dataset index of the slot's own
/// sample), also when a replacement sample fills it, so the output depends on the slot's position alone and not on
/// which worker ran it or when.
/// </para>
/// <para>
/// Failures are told apart by where they happen. Anything thrown while the file is read or decoded (whatever its
/// type: a decoder's <see cref="InvalidDataException"/>, a codec's argument check on a malformed header, an I/O
/// error) is the file's fault: skipped under <see cref="BadFilePolicy.Skip"/>, a <see cref="SampleLoadException"/>
/// under <see cref="BadFilePolicy.Raise"/>. What the pipeline or the collator throws on a decoded image is the
/// pipeline's fault and raised under both policies, as a <see cref="SampleTransformException"/> (or a
/// <see cref="LoaderConfigurationException"/> when a setting is to blame).
/// </para>
/// </remarks>
internal sealed class SampleWorker : IDisposable
{
    /// <summary>How many following samples a bad one may be replaced by before the slot fails.</summary>
    private const int MaxReplacementTries = 256;

    private byte[]? _scratch;

    /// <summary>Whether the sample in hand is being read or decoded (its failures are the file's), rather than transformed.</summary>
    private bool _inFile;

    /// <summary>The decoded size of the sample in hand, for error messages.</summary>
    private ImageSize _decoded;

    /// <summary>The rows of the multi-view sample in hand, reused from sample to sample.</summary>
    private ViewTarget? _target;

    /// <summary>The decoded pixels of the sample in hand on the fused paths, reused from sample to sample.</summary>
    private PixelBuffer? _pixels;

    /// <summary>The resized image a fused view group (test-time views, distinct crops) cuts its views from, reused from sample to sample.</summary>
    private ImageTensor? _prepared;

    /// <summary>
    /// The output of a fused chain that unfused steps follow, reused from sample to sample while those steps work in
    /// place (a step that returns a new tensor disposes it, and the next sample rents another).
    /// </summary>
    private ImageTensor? _fusedOutput;

    /// <summary>Fills slot <paramref name="slot"/> of <paramref name="job"/>, a batch of <paramref name="run"/>; never throws (errors fail the slot).</summary>
    public void Run(EpochRun run, BatchJob job, int slot)
    {
        try
        {
            if (job.Wants(slot))
            {
                Fill(run, job, slot);
            }
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            job.Fail(slot, new OperationCanceledException(run.Token));
        }
        catch (Exception ex)
        {
            job.Fail(slot, ex);
        }

        if (job.CompleteSlot())
        {
            run.Finish(job);
        }
    }

    public void Dispose()
    {
        if (_scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = null;
        }

        _pixels?.Dispose();
        _pixels = null;
        _prepared?.Dispose();
        _prepared = null;
        _fusedOutput?.Dispose();
        _fusedOutput = null;
    }

    private void Fill(EpochRun run, BatchJob job, int slot)
    {
        DataLoaderOptions options = run.Options;
        EpochLayout layout = run.Layout;
        long position = job.FirstPosition + slot;
        RandomSource random = RandomSource.ForSample(options.Seed, run.Epoch, layout.OwnIndex(job, slot));
        int tries = Math.Min(layout.Candidates(job), MaxReplacementTries);
        for (int k = 0; k < tries; k++)
        {
            run.Token.ThrowIfCancellationRequested();
            string name = string.Empty;
            _inFile = true;
            try
            {
                ReadOnlyMemory<byte> bytes = layout.Read(job, slot, k, ref _scratch, ref name, out int label, out long index);
                if (bytes.IsEmpty)
                {
                    throw new InvalidDataException("The file is empty.");
                }

                LoaderChecks.Label(run.Parts.Collator, label, name);
                Load(run, job, slot, bytes.Span, new SampleOrigin(index, name), label, random);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not LoaderConfigurationException)
            {
                if (!_inFile)
                {
                    throw new SampleTransformException(name, $"{_decoded.Height}x{_decoded.Width} pixels", ex);
                }

                if (options.BadFiles == BadFilePolicy.Raise)
                {
                    throw new SampleLoadException(name, ex);
                }

                if (k == 0)
                {
                    run.ReportSkipped(new SkippedSample(name, ex.Message, position));
                }
            }
        }

        throw new InvalidDataException($"No sample could replace the one at position {position}: the {tries} samples from there on all failed to load.");
    }

    private void Load(EpochRun run, BatchJob job, int slot, ReadOnlySpan<byte> bytes, SampleOrigin origin, int label, RandomSource random)
    {
        LoaderParts loader = run.Parts;
        if (loader.Options.Views is { } views)
        {
            LoadViews(loader, views, job, slot, bytes, origin, label, random);
        }
        else if (loader.Fused is { } fused)
        {
            LoadFused(loader, fused, job, slot, bytes, origin, label, random);
        }
        else
        {
            ImageTensor image = Decode(loader, bytes, origin.Name!);
            try
            {
                if (loader.Options.Transform is { } transform)
                {
                    image = Transform.ApplyPrivately(transform, image, ref random);
                }

                Write(loader.Collator, job, slot, image, origin, label);
            }
            finally
            {
                image.Dispose();
            }
        }
    }

    private static void Write(Collator collator, BatchJob job, int slot, ImageTensor image, SampleOrigin origin, int label)
    {
        ImageBatch batch = job.GetBatch(collator, 0, job.Count, image.Channels, image.Size, origin.Name!);
        collator.Write(batch, slot, image, label);
        batch.Origins[slot] = origin;
    }

    /// <summary>Decodes the whole image (the file's stage), then marks the pipeline's stage as begun.</summary>
    private ImageTensor Decode(LoaderParts loader, ReadOnlySpan<byte> bytes, string name)
    {
        ImageTensor image = loader.Decoder.Decode(bytes, name);
        _decoded = image.Size;
        _inFile = false;
        return image;
    }

    /// <summary>
    /// Draws a fused chain's parameters on the image's full size and decodes its pixels into the worker's buffer,
    /// reduced by DCT scaling where the options allow and the chain keeps its resolution; failures in between are the
    /// pipeline's, not the file's.
    /// </summary>
    private PixelBuffer DecodeFused(LoaderParts loader, FusedPipeline fused, ReadOnlySpan<byte> bytes, string name, RandomSource random, out FusedDraw draw)
    {
        if (!loader.Options.DctScaling)
        {
            PixelBuffer whole = DecodeWhole(loader, bytes, name);
            draw = fused.Draw(whole.Size, random);
            return whole;
        }

        ImageSize full = loader.Decoder.Identify(bytes, name).OrientedSize;
        _decoded = full;
        _inFile = false;
        draw = fused.Draw(full, random);
        _inFile = true;
        PixelBuffer pixels = _pixels ??= PixelBuffer.Rent(1, 1, PixelLayout.Rgba32);
        loader.Decoder.DecodePixelsInto(bytes, pixels, draw.MinimumSize, name);
        _inFile = false;
        return pixels;
    }

    /// <summary>Decodes the whole image's pixels into the worker's buffer (the file's stage), then marks the pipeline's stage as begun.</summary>
    private PixelBuffer DecodeWhole(LoaderParts loader, ReadOnlySpan<byte> bytes, string name)
    {
        PixelBuffer pixels = _pixels ??= PixelBuffer.Rent(1, 1, PixelLayout.Rgba32);
        loader.Decoder.DecodePixelsInto(bytes, pixels, null, name);
        _decoded = pixels.Size;
        _inFile = false;
        return pixels;
    }

    private void LoadFused(LoaderParts loader, FusedPipeline fused, BatchJob job, int slot, ReadOnlySpan<byte> bytes, SampleOrigin origin, int label, RandomSource random)
    {
        Collator collator = loader.Collator;
        PixelBuffer pixels = DecodeFused(loader, fused, bytes, origin.Name!, random, out FusedDraw draw);
        if (!fused.HasRest)
        {
            ImageBatch batch = job.GetBatch(collator, 0, job.Count, 3, draw.Output, origin.Name!);
            fused.Render(pixels, draw, batch.Slot(slot));
            batch.Labels[slot] = label;
            batch.Origins[slot] = origin;
            collator.Normalize(batch, slot);
            return;
        }

        ImageTensor image = RenderWithRest(fused, pixels, draw, random);
        try
        {
            Write(collator, job, slot, image, origin, label);
        }
        finally
        {
            ReleaseRendered(image);
        }
    }

    /// <summary>
    /// Renders a fused chain into the worker's kept output tensor and runs the transforms after it; hand the result to
    /// <see cref="ReleaseRendered"/> once it is written.
    /// </summary>
    private ImageTensor RenderWithRest(FusedPipeline fused, PixelBuffer pixels, in FusedDraw draw, RandomSource random)
    {
        ImageTensor image = _fusedOutput is { IsDisposed: false } kept ? kept : (_fusedOutput = ImageTensor.Create(3, draw.Output));
        image.Reshape(3, draw.Output);
        fused.Render(pixels, draw, image.Data);
        return fused.ApplyRest(image, random);
    }

    /// <summary>Disposes what <see cref="RenderWithRest"/> returned, unless it is the kept tensor.</summary>
    private void ReleaseRendered(ImageTensor image)
    {
        if (!ReferenceEquals(image, _fusedOutput))
        {
            image.Dispose();
        }
    }

    /// <summary>
    /// Multi-view samples whose views are all independent pipelines with a fusable leading resize: the pixels are
    /// decoded once at full size, and every view is resampled from them (as <see cref="LoadFused"/> does for one
    /// pipeline), view v of group g drawing from <c>random.Fork(g).Fork(v)</c> as it does unfused.
    /// </summary>
    private void LoadFusedViewPipelines(LoaderParts loader, FusedPipeline[][] pipelines, ViewTarget target, BatchJob job, int slot, ReadOnlySpan<byte> bytes, SampleOrigin origin, int label, RandomSource random)
    {
        PixelBuffer pixels = DecodeWhole(loader, bytes, origin.Name!);
        ImageSize full = pixels.Size;
        for (int g = 0; g < pipelines.Length; g++)
        {
            target.Reset(job, loader.Collator, loader.Options.ViewLayout, g, pipelines[g].Length, slot, label, origin);
            RandomSource group = random.Fork(g);
            for (int v = 0; v < pipelines[g].Length; v++)
            {
                RandomSource stream = group.Fork(v);
                FusedPipeline fused = pipelines[g][v];
                ImageTensor image = RenderWithRest(fused, pixels, fused.Draw(full, stream), stream);
                try
                {
                    target.Write(v, image);
                }
                finally
                {
                    ReleaseRendered(image);
                }
            }
        }
    }

    /// <summary>
    /// A multi-view sample: decoded once (for a single view group whose resize before the views fuses, decoded and resampled
    /// once, DCT-scaled where allowed), then every view group writes its views; group <c>g</c> draws from <c>random.Fork(g)</c>.
    /// </summary>
    private void LoadViews(LoaderParts loader, IReadOnlyList<ViewGroup> views, BatchJob job, int slot, ReadOnlySpan<byte> bytes, SampleOrigin origin, int label, RandomSource random)
    {
        ViewTarget target = _target ??= new ViewTarget();
        Collator collator = loader.Collator;
        ViewLayout layout = loader.Options.ViewLayout;
        if (loader.FusedViewPipelines is { } pipelines)
        {
            LoadFusedViewPipelines(loader, pipelines, target, job, slot, bytes, origin, label, random);
            return;
        }

        if (loader.FusedViews is { } fused)
        {
            ViewGroup group = views[0];
            RandomSource stream = random.Fork(0);
            PixelBuffer pixels = DecodeFused(loader, fused, bytes, origin.Name!, group.PrefixStream(stream), out FusedDraw draw);
            ImageTensor prepared = _prepared ??= ImageTensor.Create(3, draw.Output);
            prepared.Reshape(3, draw.Output);
            // The views are linear in the prepared image: normalize it in the resampler's final write, once.
            bool normalize = collator.NormalizedChannels == 3;
            fused.Render(pixels, draw, prepared.Data, normalize ? collator.NormalizationScale : default, normalize ? collator.NormalizationOffset : default);
            target.Reset(job, collator, layout, 0, group.Count, slot, label, origin, sourceNormalized: normalize);
            group.WriteAfterPrefix(prepared, stream, target);
            return;
        }

        using ImageTensor image = Decode(loader, bytes, origin.Name!);
        for (int g = 0; g < views.Count; g++)
        {
            target.Reset(job, collator, layout, g, views[g].Count, slot, label, origin);
            views[g].Write(image, random.Fork(g), target);
        }
    }
}
