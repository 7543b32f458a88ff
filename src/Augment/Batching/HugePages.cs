using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augment.Batching;

/// <summary>
/// Asks Linux to back the interior of a large pinned buffer with transparent huge pages (2 MB), where the system leaves
/// that to the program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>, Debian's and Ubuntu's
/// default). A batch of ten-crop views is tens of megabytes written once per step: with 4 KB pages every 4 KB of it
/// costs a page walk, which a virtual machine makes dearer still. Best effort: on other systems, or where the call
/// fails, nothing changes.
/// </summary>
internal static partial class HugePages
{
    private const nint PageBytes = 2 << 20;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Advises the whole 2 MB pages inside <paramref name="buffer"/>. Call it before the buffer's memory is first
    /// written: pages already touched stay 4 KB until the kernel's background collapse reaches them.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="buffer">A pinned array (it must not move).</param>
    public static unsafe void Advise<T>(T[] buffer)
    {
        if (s_unavailable)
        {
            return;
        }

        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        nint end = start + ((nint)buffer.Length * Unsafe.SizeOf<T>());
        nint first = (start + PageBytes - 1) & ~(PageBytes - 1), last = end & ~(PageBytes - 1);
        if (last <= first)
        {
            return;
        }

        try
        {
            // A kernel without transparent huge pages answers EINVAL: nothing to do.
            _ = Madvise(first, (nuint)(last - first), AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
