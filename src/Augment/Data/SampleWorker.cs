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
/// A slot's random stream is <see cref="RandomSource.ForSample"/>(seed, epoch, dataset index of the slot's own
/// sample), also when a replacement sample fills it, so the output depends on the slot's position alone and not on
/// which worker ran it or when.
/// </remarks>
internal sealed class SampleWorker : IDisposable
{
    /// <summary>How many following samples a bad one may be replaced by before the slot fails.</summary>
    private const int MaxReplacementTries = 256;

    private byte[]? _scratch;

    /// <summary>Fills slot <paramref name="slot"/> of <paramref name="job"/>, a batch of <paramref name="run"/>; never throws (errors fault the job).</summary>
    public void Run(EpochRun run, BatchJob job, int slot)
    {
        try
        {
            if (!job.IsFaulted)
            {
                Fill(run, job, slot);
            }
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            job.Fail(new OperationCanceledException(run.Token));
        }
        catch (Exception ex)
        {
            job.Fail(ex);
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
            try
            {
                ReadOnlyMemory<byte> bytes;
                int label;
                if (job.Samples is { } shardSamples)
                {
                    WebDatasetSample sample = shardSamples[(slot + k) % candidates];
                    name = sample.Name;
                    if (sample.Error is not null)
                    {
                        throw new InvalidDataException($"The sample is incomplete: {sample.Error}.");
                    }

                    bytes = sample.Image;
                    label = sample.Label!.Value;
                }
                else
                {
                    int index = run.Order![(position + k) % candidates];
                    IImageSource source = run.Loader.Source!;
                    name = source.GetName(index);
                    label = source.GetLabel(index);
                    bytes = source.Read(index, ref _scratch);
                }

                if (bytes.IsEmpty)
                {
                    throw new InvalidDataException("The file is empty.");
                }

                Load(run, job, slot, bytes.Span, label, name, random);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                bool badData = ex is InvalidDataException or IOException or UnauthorizedAccessException;
                if (options.BadFiles == BadFilePolicy.Raise || !badData)
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

    private static void Load(EpochRun run, BatchJob job, int slot, ReadOnlySpan<byte> bytes, int label, string name, RandomSource random)
    {
        DataLoader loader = run.Loader;
        if (loader.Fused is { } fused)
        {
            LoadFused(loader, fused, job, slot, bytes, label, name, random);
            return;
        }

        ImageTensor image = loader.Decoder.Decode(bytes, name);
        try
        {
            if (loader.Options.Transform is { } transform)
            {
                image = transform.Apply(image, ref random);
            }

            Collator collator = loader.Collator;
            ImageBatch batch = job.GetBatch(collator, image.Channels, image.Size, name);
            collator.Write(batch, slot, image, label);
        }
        finally
        {
            image.Dispose();
        }
    }

    private static void LoadFused(DataLoader loader, FusedPipeline fused, BatchJob job, int slot, ReadOnlySpan<byte> bytes, int label, string name, RandomSource random)
    {
        IImageDecoder decoder = loader.Decoder;
        Collator collator = loader.Collator;
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

            FusedDraw draw = fused.Draw(full, random);
            pixels ??= decoder.DecodePixels(bytes, draw.MinimumSize, name);
            if (!fused.HasRest)
            {
                ImageBatch batch = job.GetBatch(collator, 3, draw.Output, name);
                fused.Render(pixels, draw, batch.Slot(slot));
                batch.Labels[slot] = label;
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
