#!/usr/bin/env python3
"""Summarises bench/run.sh's samples, one block per generated set (heavy, light): median and min–max wall time,
CPU time (user + system), peak memory, the machine's load average during the runs, and the ratios the
performance targets of issue #27 are stated in."""
import collections
import statistics
import sys

TOOLS = ["cpts-site build", "before build", "cpts-site build, empty", "hugo", "cmark-gfm", "libyaml events", "write floor",
         "cpts-site check", "before check", "serve-full", "serve-incremental", "serve-incremental-data", "national build"]

samples = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = line.rstrip("\n").split("\t")
    profile, size, tool, seconds, kilobytes, cpu, load = fields[:7]
    # The eighth field, user time, where /usr/bin/time measured it (None for the inner and serve timings).
    user = float(fields[7]) if len(fields) > 7 else None
    samples[(profile, int(size), tool)].append((float(seconds), int(float(kilobytes)), float(cpu), float(load), user))


def median(profile, size, tool, field=0):
    values = [v[field] for v in samples.get((profile, size, tool), []) if v[field] is not None]
    return statistics.median(values) if values else None


def peak(profile, size, tool):
    values = samples.get((profile, size, tool))
    return max(v[1] for v in values) / 1024 if values else None


def table(profile, sizes):
    print(f"{'CPTS':>7}  {'tool':<22} {'median s':>9} {'min–max s':>15} {'CPU s':>7} {'peak MiB':>9} {'runs':>5} {'load':>5}")
    for size in sizes:
        for tool in TOOLS:
            values = samples.get((profile, size, tool))
            if not values:
                continue
            seconds = [v[0] for v in values]
            serve = tool.startswith("serve-")
            note = f"  ({values[0][1]} pages rendered)" if serve and tool != "serve-full" else ""
            # The write floor times its writing alone, from inside: its peak holds the whole site read beforehand.
            peak_text = f"{'':>9}" if serve or tool == "write floor" else f"{peak(profile, size, tool):9.0f}"
            cpu = median(profile, size, tool, 2)
            cpu_text = f"{cpu:7.2f}" if cpu else f"{'':>7}"
            load = statistics.median(v[3] for v in values)
            print(f"{size:>7}  {tool:<22} {statistics.median(seconds):9.3f} {min(seconds):7.3f}–{max(seconds):<7.3f}"
                  f" {cpu_text} {peak_text} {len(values):>5} {load:5.1f}{note}")


def ratios(profile, size):
    def m(tool, field=0):
        return median(profile, size, tool, field)
    build, hugo, cmark = m("cpts-site build"), m("hugo"), m("cmark-gfm")
    if build and hugo:
        print(f"{size:>7} CPTS: cpts-site ÷ Hugo, wall = {build / hugo:.2f}   (target ≤ 0.33, stretch ≤ 0.25)")
        print(f"{size:>7} CPTS: cpts-site ÷ Hugo, CPU = {m('cpts-site build', 2) / m('hugo', 2):.2f}")
        print(f"{size:>7} CPTS: cpts-site ÷ Hugo, peak memory = {peak(profile, size, 'cpts-site build') / peak(profile, size, 'hugo'):.2f}"
              "   (target ≤ 0.25)")
    before = m("before build")
    if before and hugo:
        print(f"{size:>7} CPTS: before (CPTS_SITE_BEFORE) ÷ Hugo, wall = {before / hugo:.2f}, CPU = "
              f"{m('before build', 2) / m('hugo', 2):.2f}, peak memory = "
              f"{peak(profile, size, 'before build') / peak(profile, size, 'hugo'):.2f}")
    if before and build:
        print(f"{size:>7} CPTS: cpts-site ÷ before, wall = {build / before:.2f}, CPU = {m('cpts-site build', 2) / m('before build', 2):.2f}")
    empty = m("cpts-site build, empty")
    if empty and hugo:
        print(f"{size:>7} CPTS: cpts-site into an empty folder ÷ Hugo = {empty / hugo:.2f}")
    yaml, write = m("libyaml events"), m("write floor")
    if build and yaml and cmark and write:
        print(f"{size:>7} CPTS: floors cmark-gfm + libyaml + write = {cmark + yaml + write:.3f} s;"
              f" cpts-site ÷ their sum = {build / (cmark + yaml + write):.1f}")
    full, text, data = m("serve-full"), m("serve-incremental"), m("serve-incremental-data")
    if full and text:
        print(f"{size:>7} CPTS: serve, rebuild ÷ full build = {text / full:.3f}   (target ≤ 0.05) — a projet de santé's text edited")
    if full and data:
        print(f"{size:>7} CPTS: serve, rebuild ÷ full build = {data / full:.2f} — a CPTS's data (its name) edited")


for profile in sorted({p for p, _, _ in samples}, key=lambda p: (p != "heavy", p)):
    sizes = sorted({size for p, size, _ in samples if p == profile})
    print(f"== {profile} set")
    table(profile, sizes)
    print()
    for size in sizes:
        ratios(profile, size)
    small = median(profile, 1000, "cpts-site build")
    for size in (10000, 100000):
        large = median(profile, size, "cpts-site build")
        if small and large:
            cpu = median(profile, size, "cpts-site build", 2) / median(profile, 1000, "cpts-site build", 2)
            print(f"  t({size:_}) ÷ t(1_000) = {large / small:.1f} in wall time, {cpu:.1f} in CPU time"
                  f"   (target ≤ {size // 1000})".replace("_", " "))
            small_user, large_user = (median(profile, n, "cpts-site build", 4) for n in (1000, size))
            if small_user and large_user:
                print(f"  t({size:_}) ÷ t(1_000) = {large_user / small_user:.1f} in user time (cpts-site's own work;"
                      " the rest is the kernel's)".replace("_", " "))
            # The same bytes written over the same files by a C loop (bench/floors.c write): how much faster than
            # the bytes the kernel's share grows on this machine (page cache, writeback).
            small_write, large_write = (median(profile, n, "write floor") for n in (1000, size))
            if small_write and large_write:
                print(f"  write floor: t({size:_}) ÷ t(1_000) = {large_write / small_write:.1f}"
                      f" ({small_write:.3f} s → {large_write:.3f} s)".replace("_", " "))
    big = peak(profile, 100000, "cpts-site build")
    if big:
        print(f"  100 000 CPTS: build peak memory {big / 1024:.2f} GiB   (target < 1 GiB)")
    print()

national = median("national", 810, "national build")
if national:
    print(f"    810 CPTS in 18 regions: national build = {national:.3f} s   (target < 1 s)")
