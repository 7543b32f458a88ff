using System.Globalization;
using Augment.Batching;
using Augment.Imaging;

namespace Augment.Tests.Batching;

/// <summary>
/// On Linux a large batch buffer's whole 2 MB pages are advised for transparent huge pages: the kernel marks the
/// memory's mapping with the <c>hg</c> flag (<c>/proc/self/smaps</c>), whatever the system then does with the advice.
/// </summary>
public sealed class HugePagesTests
{
    private const string ThpSetting = "/sys/kernel/mm/transparent_hugepage/enabled";

    [Fact]
    public unsafe void ALargeBatchBufferIsAdvisedForHugePages()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists(ThpSetting), "Transparent huge pages are a Linux feature.");
        string setting = File.ReadAllText(ThpSetting);
        Assert.SkipWhen(setting.Contains("[never]", StringComparison.Ordinal), $"Transparent huge pages are off here ({setting.Trim()}).");

        using ImageBatch batch = new BatchPool().Rent(8, 3, new ImageSize(512, 512)); // 25 MB
        fixed (float* data = batch.Data)
        {
            ulong middle = (ulong)(data + (batch.Length / 2));
            string flags = MappingFlags(middle);
            Assert.Contains("hg", flags.Split(' '));
        }
    }

    // The VmFlags line of the mapping in /proc/self/smaps that holds `address`.
    private static string MappingFlags(ulong address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong end))
            {
                inside = address >= start && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Trim();
            }
        }

        throw new InvalidOperationException($"No mapping in /proc/self/smaps holds 0x{address:x}.");
    }
}
