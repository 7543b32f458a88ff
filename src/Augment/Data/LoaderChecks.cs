using Augment.Batching;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;
using Augment.Views;

namespace Augment.Data;

/// <summary>
/// The checks a <see cref="DataLoader"/> runs when it is created, so that settings that would train on wrong data
/// fail before the first batch with a <see cref="LoaderConfigurationException"/> naming the setting and the fix.
/// </summary>
internal static class LoaderChecks
{
    /// <summary>Two photo-like sizes (H, W) the pipeline is tried on: one landscape, one portrait.</summary>
    private static readonly ImageSize[] ProbeSizes = [new(375, 500), new(500, 375)];

    /// <summary>The collator against the source's classes.</summary>
    public static void Source(IImageSource source, Collator collator)
    {
        if (collator.ClassCount > 0 && source.ClassCount > collator.ClassCount)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Collator",
                $"the collator builds soft targets over {collator.ClassCount} classes, but the source has {source.ClassCount} classes (labels up to {source.ClassCount - 1}). " +
                $"Create it with the source's class count: new Collator(classCount: source.ClassCount) ({source.ClassCount}).");
        }
    }

    /// <summary>What shard sources need in a distributed run.</summary>
    public static void Shards(WebDatasetSource source, DataLoaderOptions options)
    {
        if (options.WorldSize > 1 && options.SamplesPerRank is null)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.SamplesPerRank",
                $"{options.WorldSize} ranks read {source.Shards.Count} WebDataset shards, whose sizes are unknown before reading, so the ranks would yield different " +
                "numbers of batches and the rank with more would wait forever in its all-reduce. Set SamplesPerRank to the samples each rank reads per epoch, " +
                "e.g. source.CountSamples() / WorldSize.");
        }
    }

    /// <summary>The pipeline, the collator and the batch transforms against each other.</summary>
    public static void Pipeline(DataLoaderOptions options, Collator collator)
    {
        if (options.Views is { } views)
        {
            Views(options, views, collator);
            return;
        }

        if (options.BatchTransforms.Count > 0 && collator.ClassCount == 0)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.BatchTransforms",
                $"{options.BatchTransforms.Count} batch transform(s) mix the images, but the collator builds no soft targets (class count 0), so the targets would stay " +
                "the hard labels of the unmixed images. Give the collator the class count: Collator = new Collator(classCount: K).");
        }

        if (collator.Normalizes && Contains<Normalize>(options.Transform))
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Transform",
                "the pipeline holds a Normalize and the collator normalizes too (its mean and std), so every image would be normalized twice. " +
                "Remove one of them: keep Normalize in the pipeline, or create the collator without mean and std.");
        }

        int channels = ProbeChannels(options.Transform);
        if (collator.NormalizedChannels > 0 && channels > 0 && channels != collator.NormalizedChannels)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Transform",
                $"the pipeline gives {channels}-channel images, but the collator normalizes {collator.NormalizedChannels} channels. " +
                $"Make them agree: e.g. Grayscale(outputChannels: {collator.NormalizedChannels}), or a collator with {channels} means and standard deviations.");
        }
    }

    /// <summary>The view groups against the other settings.</summary>
    private static void Views(DataLoaderOptions options, IReadOnlyList<ViewGroup> views, Collator collator)
    {
        if (options.Transform is not null)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Transform",
                "with Views, every view group carries its own pipeline, so Transform would never run. Set Transform to null and put its steps into the view groups.");
        }

        if (options.BatchTransforms.Count > 0)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.BatchTransforms",
                "batch transforms (mixup, CutMix, RICAP) mix the samples of one plain batch; they do not apply to multi-view batches. Remove them, or mix each group's batch yourself.");
        }

        if (collator.Normalizes && views.Any(group => group.Pipelines.Any(Contains<Normalize>)))
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Views",
                "a view pipeline holds a Normalize and the collator normalizes too (its mean and std), so its views would be normalized twice. Remove one of them.");
        }

        if (options.ViewLayout != ViewLayout.SampleMajor && views.FirstOrDefault(group => group.WritesBlock) is { } block)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.ViewLayout",
                $"the test-time group '{block.Name}' writes each sample's views as one block, which needs ViewLayout.SampleMajor (got {options.ViewLayout}).");
        }
    }

    /// <summary>A sample's label against the collator's classes (every policy: a wrong class count is a setting, not a bad file).</summary>
    public static void Label(Collator collator, int label, string name)
    {
        if (collator.ClassCount > 0 ? (uint)label >= (uint)collator.ClassCount : label < -1)
        {
            throw new LoaderConfigurationException(
                "DataLoaderOptions.Collator",
                collator.ClassCount > 0
                    ? $"'{name}' has label {label}, outside the collator's {collator.ClassCount} classes [0, {collator.ClassCount}). Create the collator with the dataset's class count (at least {label + 1})."
                    : $"'{name}' has label {label}; labels are class indices (or -1 for none).");
        }
    }

    /// <summary>Whether <paramref name="transform"/> is, or holds at any depth, a <typeparamref name="T"/>.</summary>
    internal static bool Contains<T>(ITransform? transform)
        where T : ITransform => transform switch
        {
            null => false,
            T => true,
            ICompositeTransform composite => composite.Children.Any(Contains<T>),
            _ => false,
        };

    /// <summary>
    /// Runs the pipeline on synthetic images and returns the channel count of its output (3 without a pipeline), or 0
    /// when it fails on them (a crop larger than the probe, say: the real images decide).
    /// </summary>
    private static int ProbeChannels(ITransform? transform)
    {
        if (transform is null)
        {
            return 3;
        }

        int channels = 0;
        for (int i = 0; i < ProbeSizes.Length; i++)
        {
            ImageTensor image = Gradient(ProbeSizes[i]);
            try
            {
                RandomSource random = RandomSource.ForSample(0, 0, i);
                image = transform.Apply(image, ref random);
                if (channels != 0 && image.Channels != channels)
                {
                    return 0;
                }

                channels = image.Channels;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return 0;
            }
            finally
            {
                image.Dispose();
            }
        }

        return channels;
    }

    private static ImageTensor Gradient(ImageSize size)
    {
        ImageTensor image = ImageTensor.Create(3, size);
        Span<float> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (i % 251) / 250f;
        }

        return image;
    }
}
