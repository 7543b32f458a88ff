#!/usr/bin/env bash
# Runs the training sample where the system libstdc++ predates GCC 13 (Debian 12 has GLIBCXX_3.4.30; TorchSharp-cpu
# 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one function, std::ios_base_library_init). Nothing outside
# the build output is changed: the copy of libLibTorchSharp.so there gets its GLIBCXX_3.4.32 requirement marked weak,
# and a one-function shim providing std::ios_base_library_init is preloaded. Needs python3 and g++.
# Usage: samples/Augment.Training/debian12/run.sh [epochs]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(dirname "$here")
out=$project/bin/Release/net10.0
dotnet build "$project" -c Release -v q -nologo
native=$out/runtimes/linux-x64/native
for library in "$native/libLibTorchSharp.so" "$out/cpu/libLibTorchSharp.so"; do
    if [ -f "$library" ]; then
        python3 "$here/weaken_version.py" "$library" GLIBCXX_3.4.32
    fi
done
g++ -shared -fPIC -O2 -o "$out/libios_base_library_init.so" "$here/ios_base_library_init.cpp"
LD_PRELOAD="$out/libios_base_library_init.so" LD_LIBRARY_PATH="$native" dotnet "$out/Augment.Training.dll" "$@"
