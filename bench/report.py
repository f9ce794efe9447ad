#!/usr/bin/env python3
"""Summarises bench/run.sh's samples: median and min–max wall time, peak memory, and the ratios the
performance targets of issue #18 are stated in."""
import collections
import statistics
import sys

samples = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, tool, seconds, kilobytes = line.rstrip("\n").split("\t")
    samples[(int(size), tool)].append((float(seconds), int(float(kilobytes))))

def median(size, tool):
    values = samples.get((size, tool))
    return statistics.median(v[0] for v in values) if values else None

sizes = sorted({size for size, _ in samples})
print(f"{'CPTS':>7}  {'tool':<22} {'median s':>9} {'min–max s':>15} {'peak MiB':>9} {'runs':>5}")
for size in sizes:
    for tool in ["cpts-site build", "cpts-site build, empty", "hugo", "cmark-gfm", "libyaml events", "write floor",
                 "cpts-site check", "serve-full", "serve-incremental", "serve-incremental-data", "national build"]:
        values = samples.get((size, tool))
        if not values:
            continue
        seconds = [v[0] for v in values]
        peak = max(v[1] for v in values) / 1024
        serve = tool.startswith("serve-")
        note = f"  ({values[0][1]} pages rendered)" if serve and tool != "serve-full" else ""
        # The write floor times its writing alone, from inside: its peak holds the whole site read beforehand.
        peak_text = f"{'':>9}" if serve or tool == "write floor" else f"{peak:9.0f}"
        print(f"{size:>7}  {tool:<22} {statistics.median(seconds):9.3f} {min(seconds):7.3f}–{max(seconds):<7.3f} {peak_text} {len(values):>5}{note}")
print()
for size in sizes:
    build, hugo, cmark = median(size, "cpts-site build"), median(size, "hugo"), median(size, "cmark-gfm")
    full, incremental = median(size, "serve-full"), median(size, "serve-incremental")
    data = median(size, "serve-incremental-data")
    if build and hugo:
        print(f"{size:>7} CPTS: cpts-site ÷ Hugo = {build / hugo:.2f}   (target ≤ 0.40, stretch ≤ 0.30)")
    empty = median(size, "cpts-site build, empty")
    if empty and hugo:
        print(f"{size:>7} CPTS: cpts-site into an empty folder ÷ Hugo = {empty / hugo:.2f}")
    if build and cmark:
        print(f"{size:>7} CPTS: cpts-site ÷ cmark-gfm = {build / cmark:.2f}")
    yaml, write = median(size, "libyaml events"), median(size, "write floor")
    if build and yaml and cmark and write:
        print(f"{size:>7} CPTS: floors cmark-gfm + libyaml + write = {cmark + yaml + write:.3f} s;"
              f" cpts-site ÷ their sum = {build / (cmark + yaml + write):.1f}")
    check = median(size, "cpts-site check")
    if check and size == 1000:
        print(f"{size:>7} CPTS: cpts-site check = {check:.3f} s   (target ≤ 0.15 s)")
    if full and incremental:
        print(f"{size:>7} CPTS: incremental rebuild ÷ full build (serve) = {incremental / full:.3f}   (target ≤ 0.05)"
              " — a projet de santé's text edited")
    if full and data:
        print(f"{size:>7} CPTS: incremental rebuild ÷ full build (serve) = {data / full:.2f}"
              " — a CPTS's data (its name) edited")
national = median(810, "national build")
if national:
    print(f"    810 CPTS in 18 regions: national build = {national:.3f} s   (target < 1 s)")
small = median(1000, "cpts-site build")
for size, target in [(10000, 11), (100000, 100)]:
    large = median(size, "cpts-site build")
    if small and large:
        print(f"  t({size:,}) ÷ t(1,000) = {large / small:.1f}   (target ≤ {target})".replace(",", " "))
peaks = samples.get((100000, "cpts-site build"))
if peaks:
    print(f"  100 000 CPTS: build peak memory {max(v[1] for v in peaks) / 1024 / 1024:.2f} GiB   (target < 1 GiB)")
