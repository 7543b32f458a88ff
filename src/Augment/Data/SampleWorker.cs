using System.Buffers;
using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;

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
    }

    private void Fill(EpochRun run, BatchJob job, int slot)
    {
        DataLoaderOptions options = run.Options;
        long position = job.FirstPosition + slot;
        int candidates;
        long ownIndex;
        if (job.Samples is { } samples)
        {
            candidates = samples.Length;
            ownIndex = job.SampleIndices![slot];
        }
        else
        {
            candidates = run.Order!.Length;
            ownIndex = run.Order[position];
        }

        RandomSource random = RandomSource.ForSample(options.Seed, run.Epoch, ownIndex);
        int tries = Math.Min(candidates, MaxReplacementTries);
        for (int k = 0; k < tries; k++)
        {
            run.Token.ThrowIfCancellationRequested();
            string name = string.Empty;
            _inFile = true;
            try
            {
                ReadOnlyMemory<byte> bytes;
                int label;
                long index;
                if (job.Samples is { } shardSamples)
                {
                    int candidate = (slot + k) % candidates;
                    WebDatasetSample sample = shardSamples[candidate];
                    name = sample.Name;
                    index = job.SampleIndices![candidate];
                    if (sample.Error is not null)
                    {
                        throw new InvalidDataException($"The sample is incomplete: {sample.Error}.");
                    }

                    bytes = sample.Image;
                    label = sample.Label!.Value;
                }
                else
                {
                    int candidate = run.Order![(position + k) % candidates];
                    IImageSource source = run.Loader.Source!;
                    name = source.GetName(candidate);
                    index = candidate;
                    label = source.GetLabel(candidate);
                    bytes = source.Read(candidate, ref _scratch);
                }

                if (bytes.IsEmpty)
                {
                    throw new InvalidDataException("The file is empty.");
                }

                LoaderChecks.Label(run.Loader.Collator, label, name);
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
        DataLoader loader = run.Loader;
        if (loader.Fused is { } fused)
        {
            LoadFused(loader, fused, job, slot, bytes, origin, label, random);
            return;
        }

        ImageTensor image = loader.Decoder.Decode(bytes, origin.Name);
        _decoded = image.Size;
        _inFile = false;
        try
        {
            if (loader.Options.Transform is { } transform)
            {
                image = transform.Apply(image, ref random);
            }

            Collator collator = loader.Collator;
            ImageBatch batch = job.GetBatch(collator, image.Channels, image.Size, origin.Name!);
            collator.Write(batch, slot, image, label);
            batch.Origins[slot] = origin;
        }
        finally
        {
            image.Dispose();
        }
    }

    private void LoadFused(DataLoader loader, FusedPipeline fused, BatchJob job, int slot, ReadOnlySpan<byte> bytes, SampleOrigin origin, int label, RandomSource random)
    {
        IImageDecoder decoder = loader.Decoder;
        Collator collator = loader.Collator;
        string name = origin.Name!;
        PixelBuffer? pixels = null;
        try
        {
            ImageSize full;
            if (loader.Options.DctScaling)
            {
                full = decoder.Identify(bytes, name).OrientedSize;
            }
            else
            {
                pixels = decoder.DecodePixels(bytes, null, name);
                full = pixels.Size;
            }

            _decoded = full;
            _inFile = false;
            FusedDraw draw = fused.Draw(full, random);
            if (pixels is null)
            {
                _inFile = true;
                pixels = decoder.DecodePixels(bytes, draw.MinimumSize, name);
                _inFile = false;
            }

            if (!fused.HasRest)
            {
                ImageBatch batch = job.GetBatch(collator, 3, draw.Output, name);
                fused.Render(pixels, draw, batch.Slot(slot));
                batch.Labels[slot] = label;
                batch.Origins[slot] = origin;
                collator.Normalize(batch, slot);
                return;
            }

            ImageTensor image = ImageTensor.Create(3, draw.Output);
            try
            {
                fused.Render(pixels, draw, image.Data);
                pixels.Dispose();
                pixels = null;
                image = fused.ApplyRest(image, random);
                ImageBatch batch = job.GetBatch(collator, image.Channels, image.Size, name);
                collator.Write(batch, slot, image, label);
                batch.Origins[slot] = origin;
            }
            finally
            {
                image.Dispose();
            }
        }
        finally
        {
            pixels?.Dispose();
        }
    }
}
