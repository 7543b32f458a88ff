"""Makes a build output that holds TorchSharp-cpu 0.107 loadable where the system libstdc++ predates GCC 13.

TorchSharp's libLibTorchSharp.so requires the symbol version GLIBCXX_3.4.32 (GCC 13's libstdc++), which Debian 12's
libstdc++ (GLIBCXX_3.4.30) lacks, so the dynamic loader refuses to load it. Its only symbol of that version is
std::ios_base_library_init(), which GCC 13's <iostream> merely declares global (`readelf -r` lists no relocation
against it): nothing calls or binds it. Where the libstdc++ that the loader finds lacks the version, this marks the
requirement weak in every libLibTorchSharp.so under OUTDIR, and the library then loads and runs unchanged; elsewhere
it does nothing. Nothing outside OUTDIR is changed. Usage: prepare_output.py OUTDIR"""
import ctypes
import os
import sys

from weaken_version import weaken

VERSION = "GLIBCXX_3.4.32"


def system_libstdcxx():
    """The path of the libstdc++.so.6 that dlopen picks, read back from this process's memory map."""
    ctypes.CDLL("libstdc++.so.6")
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if os.path.basename(path).startswith("libstdc++.so"):
                return path
    sys.exit("prepare_output.py: libstdc++.so.6 is loaded but missing from /proc/self/maps")


libstdcxx = system_libstdcxx()
if VERSION.encode() + b"\0" not in open(libstdcxx, "rb").read():
    out = os.path.abspath(sys.argv[1])
    for folder, _, names in os.walk(out):
        if "libLibTorchSharp.so" in names:
            library = os.path.join(folder, "libLibTorchSharp.so")
            if weaken(library, VERSION):
                print(f"prepare_output.py: {libstdcxx} lacks {VERSION}; made it a weak requirement of {library}")
