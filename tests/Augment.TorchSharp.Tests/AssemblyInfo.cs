using Augment.TorchSharp.Tests;

// TorchSharp's random generator (torch.manual_seed) is process-wide: the seeded tests must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(SingleThreadedTorch))]
