#!/usr/bin/env python3
"""Prints a callgrind run of cpts-site build made by bench/callgrind.sh: its total, its split by stage (one profile
part per stage, see callgrind.sh) and, over the whole run, the instructions executed in each component's own code
(self cost: what a component's code calls in the Swift runtime, the C library or the allocator counts there)."""
import collections
import glob
import re
import sys

# SIZE AFTER [BEFORE]: the profile of this build and, when given, the profile of the "before" build (another
# commit's, measured on the same content by callgrind.sh with CPTS_SITE_BEFORE), printed side by side.
size, base = sys.argv[1], sys.argv[2]
before_base = sys.argv[3] if len(sys.argv) > 3 else None
names = ["start", "load", "validate", "compute", "render (pages written as made)", "write (the swap)", "exit"]


def profile_parts(base):
    """callgrind.out.1 … .N for the parts dumped at each stage's end, callgrind.out itself for the last one (the exit)."""
    parts = sorted(glob.glob(base + ".*"), key=lambda p: int(p.rsplit(".", 1)[1])) + [base]
    if len(parts) != len(names):
        sys.exit(f"expected {len(names)} profile parts (one per stage), found {len(parts)} in {base}: did the build fail?")
    return parts


def self_costs(path):
    """Self cost per (object, function) from callgrind's format: cost lines under fn=, except the one
    after each calls= line (the inclusive cost of that call)."""
    costs = collections.Counter()
    fn_names, ob_names = {}, {}
    obj = fn = None
    after_call = False
    summary = None

    def name(table, value):
        m = re.match(r"\((\d+)\)(?: (.*))?", value)
        if not m:
            return value
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table[m.group(1)]

    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line:
            continue
        head = line[0]
        if head.isdigit() or head in "+-*":
            if after_call:
                after_call = False
            else:
                costs[(obj, fn)] += int(line.split()[-1])
        elif line.startswith("fn="):
            fn = name(fn_names, line[3:])
        elif line.startswith("ob="):
            obj = name(ob_names, line[3:])
        elif line.startswith("cfn="):
            name(fn_names, line[4:])  # names are defined on first use, in either position
        elif line.startswith("cob="):
            name(ob_names, line[4:])
        elif line.startswith("calls="):
            after_call = True
        elif line.startswith("summary:"):
            summary = int(line.split()[1])
    return costs, summary


def component(obj, fn):
    if fn.startswith("$s4Yams"):
        return "Yams (builds before YAMLComposer)"
    if fn.startswith("yaml_") or (obj and "libyaml" in obj):
        return "libyaml"
    for prefix, label in [("$s11CPTSContent12YAMLComposer", "CPTSContent's YAMLComposer (libyaml's events to nodes)"),
                          ("$s11CPTSContent", "CPTSContent (reading YAML trees into the model)"),
                          ("$s13CPTSTemplates", "CPTSTemplates (rendering)"),
                          ("$s8CPTSSite", "CPTSSite (view models, charts, exports, writing)"),
                          ("$s10CPTSDomain", "CPTSDomain (rules, figures)"),
                          ("$s12CPTSMarkdown", "CPTSMarkdown"),
                          ("$s8Mustache", "swift-mustache (builds before CPTSTemplates)")]:
        if fn.startswith(prefix):
            return label
    for part, label in [("cmark", "libcmark-gfm"), ("mimalloc", "mimalloc (malloc, free)"),
                        ("libswiftCore", "Swift runtime and standard library (retain/release, hashing, strings…)"),
                        ("libswift_Concurrency", "Swift concurrency runtime, libdispatch"),
                        ("libdispatch", "Swift concurrency runtime, libdispatch"),
                        ("Foundation", "Foundation"), ("libc.so", "C library (memcpy, system calls…)"),
                        ("ld-linux", "dynamic loader")]:
        if obj and part in obj:
            return label
    if obj and obj.endswith("/cpts-site"):
        return "standard library generics specialized into cpts-site"
    return "other"


def analyse(base):
    """The total, the instructions of each stage, and each component's self cost: in the whole run and by stage."""
    by_stage, by_stage_component, by_component = [], [], collections.Counter()
    for part in profile_parts(base):
        costs, summary = self_costs(part)
        counted = sum(costs.values())
        if summary is not None and counted != summary:
            sys.exit(f"{part}: self costs add up to {counted}, its summary says {summary}")
        by_stage.append(counted)
        in_part = collections.Counter()
        for (obj, fn), cost in costs.items():
            in_part[component(obj, fn or "")] += cost
        by_component.update(in_part)
        by_stage_component.append(in_part)
    return sum(by_stage), by_stage, by_component, by_stage_component


total, by_stage, by_component, by_stage_component = analyse(base)
print(f"callgrind, {size} CPTS, cpts-site build (release, all threads): {total / 1e9:.2f} G instructions")
if before_base:
    before_total, before_stage, before_component, _ = analyse(before_base)
    print(f"before (CPTS_SITE_BEFORE): {before_total / 1e9:.2f} G instructions; after ÷ before = {total / before_total:.2f}")
    print(f"by stage:{'before':>36} {'after':>9} {'after ÷ before':>15}")
    for label, old, new in zip(names, before_stage, by_stage):
        print(f"  {label:<34} {old / 1e9:6.3f} G {new / 1e9:6.3f} G {new / old if old else 0:10.2f}")
    print(f"  {'total':<34} {before_total / 1e9:6.3f} G {total / 1e9:6.3f} G {total / before_total:10.2f}")
    print(f"by component (self cost, whole run, G instructions){'before':>28} {'after':>7}")
    for label, cost in by_component.most_common():
        print(f"  {label:<72} {before_component[label] / 1e9:6.3f} {cost / 1e9:6.3f}")
    for label in before_component:
        if label not in by_component:
            print(f"  {label:<72} {before_component[label] / 1e9:6.3f} {0:6.3f}")
    print("after, ", end="")
print("by stage:")
for label, cost in zip(names, by_stage):
    print(f"  {label:<34} {cost / 1e9:6.3f} G  {100 * cost / total:5.1f} %")
load, render = by_stage_component[1], by_stage_component[4]
print(f"by component (self cost, G instructions){'whole run':>45} {'load':>6} {'render':>7}")
for label, cost in by_component.most_common():
    print(f"  {label:<72} {cost / 1e9:6.3f} {100 * cost / total:5.1f} %"
          f" {load[label] / 1e9:6.3f} {render[label] / 1e9:6.3f}")
