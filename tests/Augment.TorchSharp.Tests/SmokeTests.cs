using TorchSharp;

namespace Augment.TorchSharp.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Loads()
    {
        using var t = torch.ones(2, 3);
        Assert.Equal(6f, t.sum().item<float>());
    }
}
