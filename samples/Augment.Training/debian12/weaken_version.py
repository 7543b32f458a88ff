"""Marks one version requirement (e.g. GLIBCXX_3.4.32) of an ELF64 shared library as weak, so that the dynamic
loader no longer refuses to load it when the libstdc++ at hand lacks that version. Usage: weaken_version.py LIB NAME"""
import struct
import sys

path, wanted = sys.argv[1], sys.argv[2].encode()
data = bytearray(open(path, "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
SHT_GNU_VERNEED, VER_FLG_WEAK = 0x6FFFFFFE, 0x2
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
if not found:
    sys.exit(f"{path} does not require {wanted.decode()}")
open(path, "wb").write(data)
print(f"{path}: {wanted.decode()} is now a weak requirement")
