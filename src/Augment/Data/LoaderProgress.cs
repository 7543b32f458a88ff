namespace Augment.Data;

/// <summary>A snapshot of a loader's progress through an epoch, reported after every batch.</summary>
/// <param name="Epoch">The epoch.</param>
/// <param name="Batches">Batches delivered so far this epoch.</param>
/// <param name="TotalBatches">Batches in the epoch, or -1 when unknown in advance (WebDataset shards).</param>
/// <param name="Images">Images delivered so far this epoch.</param>
/// <param name="Skipped">Samples skipped so far this epoch.</param>
/// <param name="ImagesPerSecond">Images delivered per second since the epoch started.</param>
/// <param name="QueueDepth">Finished batches waiting for the consumer: near the prefetch depth when the consumer is the bottleneck, near 0 when the loader is.</param>
/// <param name="Elapsed">Time since the epoch started.</param>
public readonly record struct LoaderProgress(int Epoch, long Batches, long TotalBatches, long Images, int Skipped, double ImagesPerSecond, int QueueDepth, TimeSpan Elapsed);
