"""Marks one version requirement (e.g. GLIBCXX_3.4.32) of an ELF64 shared library as weak, so that the dynamic
loader no longer refuses to load it when the libstdc++ at hand lacks that version. Usage: weaken_version.py LIB NAME

The file is replaced (written beside it, then renamed over it), never rewritten in place, so that a hard link to
the original (for example into the NuGet cache) is left unchanged."""
import os
import struct
import sys

SHT_GNU_VERNEED, VER_FLG_WEAK = 0x6FFFFFFE, 0x2


def weaken(path, wanted):
    """Sets VER_FLG_WEAK on every requirement of version `wanted` in `path`; False if `path` does not require it."""
    wanted = wanted.encode()
    data = bytearray(open(path, "rb").read())
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    found = False
    for _, kind, _, _, offset, _, link, count, _, _ in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = sections[link][4]
        entry = offset
        for _ in range(count):
            _, _, _, aux, following = struct.unpack_from("<HHIII", data, entry)
            auxiliary = entry + aux
            while True:
                _, flags, _, name, following_aux = struct.unpack_from("<IHHII", data, auxiliary)
                start = strings + name
                if data[start:data.index(0, start)] == wanted:
                    struct.pack_into("<H", data, auxiliary + 4, flags | VER_FLG_WEAK)
                    found = True
                if following_aux == 0:
                    break
                auxiliary += following_aux
            if following == 0:
                break
            entry += following
    if found:
        temporary = path + ".weakening"
        with open(temporary, "wb") as file:
            file.write(data)
        os.chmod(temporary, os.stat(path).st_mode)
        os.replace(temporary, path)
    return found


if __name__ == "__main__":
    library, version = sys.argv[1], sys.argv[2]
    if not weaken(library, version):
        sys.exit(f"{library} does not require {version}")
    print(f"{library}: {version} is now a weak requirement")
