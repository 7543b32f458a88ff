#!/usr/bin/python3
"""Single-core times of torchvision 0.14's warp, tone, policy, local-warp and blur ops on one 3x224x224 image, the
peers of benchmarks/Augment.Benchmarks/WarpPolicyBenchmarks.cs and LocalWarpBenchmarks.cs.

  /usr/bin/python3 benchmarks/peers_policies.py [--passes 7] [--calls 200] [--cpu 1] [--only REGEX] [--md FILE]

Threads and pinning as in ../shared/bench/peers.py (one thread, pinned to one CPU). The image holds uniform
random 8-bit levels (seed 42), as the C# benchmark's does. Kernel rows run on a float32 tensor where torchvision
0.14 accepts one; posterize, equalize and the three policies only accept uint8 tensors in 0.14 (float solarize
rejects AutoAugment's 0-255 thresholds), so those rows run on the uint8 tensor, which is the faster case for
torchvision. Policy rows re-seed torch once per row, then draw fresh parameters per call. Each row does one
warm-up pass, then --passes timed passes of --calls calls, interleaved across rows; the table gives the median
microseconds per call (and min / max).
"""
import argparse
import os
import sys

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_v] = "1"


def _early_cpu():
    for i, a in enumerate(sys.argv):
        if a == "--cpu" and i + 1 < len(sys.argv):
            return int(sys.argv[i + 1])
        if a.startswith("--cpu="):
            return int(a.split("=", 1)[1])
    return 1 if os.cpu_count() and os.cpu_count() > 1 else 0


_CPU = _early_cpu()
if _CPU >= 0:
    os.sched_setaffinity(0, {_CPU})

import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402
import torchvision  # noqa: E402
import torchvision.transforms as T  # noqa: E402
import torchvision.transforms.functional as TF  # noqa: E402
from torchvision.transforms import InterpolationMode as IM  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=7)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--cpu", type=int, default=_CPU)
    ap.add_argument("--only", default=None)
    ap.add_argument("--md", default=None)
    args = ap.parse_args()

    g = torch.Generator().manual_seed(42)
    u8 = torch.randint(0, 256, (3, 224, 224), dtype=torch.uint8, generator=g)
    f32 = u8.float() / 255
    fill = [0.5, 0.5, 0.5]
    torch.manual_seed(42)
    displacement = T.ElasticTransform.get_params([50.0, 50.0], [5.0, 5.0], [224, 224])
    start = [[0, 0], [223, 0], [223, 223], [0, 223]]
    end = [[30, 21], [200, 9], [215, 190], [12, 220]]

    rows = [
        ("RotateNearest (float, 23 deg, fill)", lambda: TF.rotate(f32, 23.0, IM.NEAREST, fill=fill)),
        ("RotateBilinear (float, 23 deg, fill)", lambda: TF.rotate(f32, 23.0, IM.BILINEAR, fill=fill)),
        ("AffineNearest (float, 10 deg, t(5,-3), s1.1, shear(12,4))",
         lambda: TF.affine(f32, 10.0, [5, -3], 1.1, [12.0, 4.0], IM.NEAREST, fill=fill)),
        ("Posterize (uint8, 3 bits)", lambda: TF.posterize(u8, 3)),
        ("Solarize (float, 0.5)", lambda: TF.solarize(f32, 0.5)),
        ("Invert (float)", lambda: TF.invert(f32)),
        ("AutoContrast (float)", lambda: TF.autocontrast(f32)),
        ("Equalize (uint8)", lambda: TF.equalize(u8)),
        ("Sharpness (float, 1.8)", lambda: TF.adjust_sharpness(f32, 1.8)),
        ("AutoAugment ImageNet (uint8)", lambda p=T.AutoAugment(T.AutoAugmentPolicy.IMAGENET): p(u8)),
        ("RandAugment N2 M9 (uint8)", lambda p=T.RandAugment(): p(u8)),
        ("TrivialAugmentWide (uint8)", lambda p=T.TrivialAugmentWide(): p(u8)),
        ("ColorJitter(.4,.4,.4,.1) (float)", lambda p=T.ColorJitter(0.4, 0.4, 0.4, 0.1): p(f32)),
        ("AdjustHue (float, 0.07)", lambda: TF.adjust_hue(f32, 0.07)),
        ("ElasticBilinear (float, given field, fill)",
         lambda: TF.elastic_transform(f32, displacement, IM.BILINEAR, fill)),
        ("ElasticTransform(50, 5) draw + apply (float, fill)", lambda p=T.ElasticTransform(50.0, 5.0, fill=0.5): p(f32)),
        ("PerspectiveBilinear (float, fill)", lambda: TF.perspective(f32, start, end, IM.BILINEAR, fill)),
        ("GaussianBlur k5 sigma 1.3 (float)", lambda: TF.gaussian_blur(f32, [5, 5], [1.3, 1.3])),
        ("GaussianBlur k23 sigma 2 (float)", lambda: TF.gaussian_blur(f32, [23, 23], [2.0, 2.0])),
    ]
    if args.only:
        rows = [r for r in rows if re.search(args.only, r[0])]

    times = {name: [] for name, _ in rows}
    for name, fn in rows:
        torch.manual_seed(0)
        for _ in range(max(10, args.calls // 10)):
            fn()
    for _ in range(args.passes):
        for name, fn in rows:
            t0 = time.perf_counter()
            for _ in range(args.calls):
                fn()
            times[name].append((time.perf_counter() - t0) / args.calls * 1e6)

    lines = [f"torchvision {torchvision.__version__}, torch {torch.__version__}, one thread, cpu {args.cpu}",
             "", "| op | median us | min us | max us |", "|---|---:|---:|---:|"]
    for name, _ in rows:
        t = times[name]
        lines.append(f"| {name} | {statistics.median(t):.1f} | {min(t):.1f} | {max(t):.1f} |")
    print("\n".join(lines))
    if args.md:
        with open(args.md, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
