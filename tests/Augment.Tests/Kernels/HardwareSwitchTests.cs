using System.Runtime.Intrinsics.X86;

namespace Augment.Tests.Kernels;

/// <summary>
/// The hardware-path runs of the CI switch instruction sets off with DOTNET_Enable* variables. A switch the runtime
/// does not know is ignored without a word (.NET 10 ignores DOTNET_EnableAVX512F, for one), and the run would then test
/// the widest path again: each switch the CI sets must really turn its instruction sets off.
/// </summary>
[Trait("Category", "HardwarePaths")]
public sealed class HardwareSwitchTests
{
    [Fact]
    public void EverySwitchSetToZeroTurnsItsInstructionSetsOff()
    {
        (string Switch, Func<bool> IsSupported)[] switches =
        [
            ("DOTNET_EnableAVX512", () => Avx512F.IsSupported),
            ("DOTNET_EnableAVX512v2", () => Avx512Vbmi.IsSupported),
            ("DOTNET_EnableAVX2", () => Avx2.IsSupported || Avx512F.IsSupported),
            ("DOTNET_EnableHWIntrinsic", () => Sse2.IsSupported),
        ];
        (string Switch, Func<bool> IsSupported)[] set = [.. switches.Where(s => Environment.GetEnvironmentVariable(s.Switch) == "0")];
        Assert.SkipWhen(set.Length == 0, "This run sets none of the switches; the hardware-path runs of .ci/run each set one.");
        foreach ((string name, Func<bool> isSupported) in set)
        {
            Assert.False(isSupported(), $"{name}=0 is set, but the instruction sets it names are still on.");
        }
    }
}
