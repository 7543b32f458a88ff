using Augment.Batching;
using Augment.Imaging;

namespace Augment.Data;

/// <summary>What a worker needs from its loader, fixed when the loader is created: the workers' explicit dependencies.</summary>
/// <param name="Decoder">The image decoder.</param>
/// <param name="Collator">The collator that builds the batches.</param>
/// <param name="Options">The settings.</param>
/// <param name="Fused">The fused leading chain of <see cref="DataLoaderOptions.Transform"/>, or <see langword="null"/>.</param>
/// <param name="FusedViews">The fused prefix (resize) of a single view group that has one (test-time views, distinct crops), or <see langword="null"/>.</param>
/// <param name="FusedViewPipelines">
/// Per view group, per view, the fused leading chain of its pipeline, when every group's views are independent
/// pipelines that all start with a fusable resize (e.g. SimCLR's or DINO's random resized crops); or <see langword="null"/>.
/// </param>
internal sealed record LoaderParts(IImageDecoder Decoder, Collator Collator, DataLoaderOptions Options, FusedPipeline? Fused, FusedPipeline? FusedViews, FusedPipeline[][]? FusedViewPipelines);
