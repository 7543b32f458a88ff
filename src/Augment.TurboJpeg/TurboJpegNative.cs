using System.Runtime.InteropServices;

namespace Augment.TurboJpeg;

/// <summary>
/// The few TurboJPEG C API functions (libjpeg-turbo's <c>turbojpeg.h</c>, 2.x) the decoder calls. The library is
/// loaded from the system (<c>libturbojpeg.so.0</c> on Linux) by a resolver registered once for this assembly.
/// </summary>
internal static partial class TurboJpegNative
{
    /// <summary>The name the imports use; the resolver maps it to the platform's file names.</summary>
    private const string Library = "turbojpeg";

    /// <summary>Pixel format: red, green, blue, alpha (alpha written as 255 for JPEG).</summary>
    public const int PixelFormatRgba = 7;

    /// <summary>Chroma subsampling: 4:2:0 (chroma halved in both directions).</summary>
    public const int Subsampling420 = 2;

    /// <summary>JPEG colour space: YCbCr.</summary>
    public const int ColorSpaceYCbCr = 1;

    /// <summary>JPEG colour space: CMYK.</summary>
    public const int ColorSpaceCmyk = 3;

    /// <summary>JPEG colour space: YCCK (transformed CMYK).</summary>
    public const int ColorSpaceYcck = 4;

    /// <summary><c>TJERR_WARNING</c>: the last error was a warning (corrupt or truncated data, output still written).</summary>
    public const int ErrorWarning = 0;

    private static readonly string[] s_candidates = OperatingSystem.IsWindows() ? ["turbojpeg.dll", "turbojpeg"]
        : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib", "libturbojpeg.dylib"]
        : ["libturbojpeg.so.0", "libturbojpeg.so"];

    private static readonly nint s_handle = Load();

    /// <summary>Whether the library was found and loaded.</summary>
    public static bool IsLoaded => s_handle != 0;

    /// <summary>The file name looked for first on this platform, for error messages.</summary>
    public static string FileName => s_candidates[0];

    private static nint Load()
    {
        nint handle = 0;
        foreach (string name in s_candidates)
        {
            if (NativeLibrary.TryLoad(name, out handle))
            {
                break;
            }
        }

        if (handle != 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(TurboJpegNative).Assembly, (name, _, _) => name == Library ? s_handle : 0);
        }

        return handle;
    }

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static unsafe partial int DecompressHeader3(nint handle, byte* jpegBuf, CULong jpegSize, out int width, out int height, out int subsampling, out int colorSpace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static unsafe partial int Decompress2(nint handle, byte* jpegBuf, CULong jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjDecompressToYUVPlanes")]
    public static unsafe partial int DecompressToYuvPlanes(nint handle, byte* jpegBuf, CULong jpegSize, byte** dstPlanes, int width, int* strides, int height, int flags);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(nint handle);

    /// <summary>The last error message of <paramref name="handle"/>.</summary>
    public static string ErrorMessage(nint handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}
