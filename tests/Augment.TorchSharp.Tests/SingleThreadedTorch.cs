using TorchSharp;

namespace Augment.TorchSharp.Tests;

/// <summary>
/// Runs LibTorch's operators on one thread: the tests' tensors are tiny, and an intra-op thread pool per core only
/// competes with the other test assemblies that <c>dotnet test Augment.sln</c> runs alongside.
/// </summary>
public sealed class SingleThreadedTorch
{
    public SingleThreadedTorch() => torch.set_num_threads(1);
}
