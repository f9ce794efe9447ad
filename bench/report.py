#!/usr/bin/env python3
"""Summarises bench/run.sh's samples: median and min–max wall time, peak memory, and the ratios the
performance targets are stated in."""
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
    for tool in ["cpts-site build", "cpts-site build, empty", "hugo", "cmark-gfm", "cpts-site check", "serve-full",
                 "serve-incremental", "serve-incremental-data"]:
        values = samples.get((size, tool))
        if not values:
            continue
        seconds = [v[0] for v in values]
        peak = max(v[1] for v in values) / 1024
        serve = tool.startswith("serve-")
        note = f"  ({values[0][1]} pages rendered)" if serve and tool != "serve-full" else ""
        peak_text = f"{'':>9}" if serve else f"{peak:9.0f}"
        print(f"{size:>7}  {tool:<22} {statistics.median(seconds):9.3f} {min(seconds):7.3f}–{max(seconds):<7.3f} {peak_text} {len(values):>5}{note}")
print()
for size in sizes:
    build, hugo, cmark = median(size, "cpts-site build"), median(size, "hugo"), median(size, "cmark-gfm")
    full, incremental = median(size, "serve-full"), median(size, "serve-incremental")
    data = median(size, "serve-incremental-data")
    if build and hugo:
        print(f"{size:>7} CPTS: cpts-site ÷ Hugo = {build / hugo:.2f}   (target ≤ 0.50)")
    empty = median(size, "cpts-site build, empty")
    if empty and hugo:
        print(f"{size:>7} CPTS: cpts-site into an empty folder ÷ Hugo = {empty / hugo:.2f}")
    if build and cmark:
        print(f"{size:>7} CPTS: cpts-site ÷ cmark-gfm = {build / cmark:.2f}")
    if full and incremental:
        print(f"{size:>7} CPTS: incremental rebuild ÷ full build (serve) = {incremental / full:.2f}   (target < 0.10)"
              " — a projet de santé's text edited")
    if full and data:
        print(f"{size:>7} CPTS: incremental rebuild ÷ full build (serve) = {data / full:.2f}"
              " — a CPTS's data (its name) edited")
small, large = median(1000, "cpts-site build"), median(100000, "cpts-site build")
if small and large:
    print(f"  t(100 000) ÷ t(1 000) = {large / small:.1f}   (target ≤ 110)")
