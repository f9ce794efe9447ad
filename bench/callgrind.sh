#!/usr/bin/env bash
# make bench-callgrind: instructions executed by a release build of the benchmark's 1 000 CPTS (every thread),
# in total and split by stage (load, validate, compute, render, write), under valgrind's callgrind.
#
# The split: SiteBuilder reads ContinuousClock.now once before the first stage and once at the end of each stage
# (StageClock), and nothing else in a build does, so `--dump-before` on that getter closes one profile part per
# stage. Part 1 is the start (process, libraries, arguments), the last part the exit.
# valgrind 3.19 cannot read Swift 6.3's DWARF 5 (a stripped copy is profiled) and crashes on libdispatch's
# read-only sigsuspend mask (bench/valgrind-sigsuspend.c is preloaded). The parts are left in .build-bench/callgrind/
# for callgrind_annotate, one folder per generated set (heavy, light).
#
#   BENCH_SIZE=1000 BENCH_PROFILES="heavy light" bench/callgrind.sh
#   CPTS_SITE_BINARY=path/to/cpts-site CPTS_THEMES=path/to/themes CALLGRIND_DIR=.build-bench/callgrind-before \
#     bench/callgrind.sh   (another build, e.g. an older one, with its own themes and profiles folder)
#   CPTS_SITE_BEFORE=path/to/older/cpts-site CPTS_THEMES_BEFORE=path/to/its/themes bench/callgrind.sh
#     (this build and the older one on the same content, printed side by side: what `make bench BENCH_BEFORE=ref` does)
set -euo pipefail
cd "$(dirname "$0")/.."

size="${BENCH_SIZE:-1000}"
profiles="${BENCH_PROFILES:-heavy light}"
command -v valgrind >/dev/null || { echo "missing valgrind: apt-get install valgrind" >&2; exit 1; }
binary="${CPTS_SITE_BINARY:-.build/release/cpts-site}"
themes="${CPTS_THEMES:-themes}"
[ -n "${CPTS_SITE_BINARY:-}" ] || swift build -c release >/dev/null
base="${CALLGRIND_DIR:-.build-bench/callgrind}"
# profile_build BINARY THEMES WORK DATA: one build of DATA by BINARY under callgrind, its parts left in WORK.
profile_build() {
  local binary=$1 themes=$2 work=$3 data=$4
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
  cp "$binary" "$work/cpts-site"
  strip -g "$work/cpts-site"
  cc -O2 -shared -fPIC -o "$work/valgrind-sigsuspend.so" bench/valgrind-sigsuspend.c
  rm -f "$work"/callgrind.out*
  # The output folder kept from one run to the next, so that the build writes over the site before last as in make bench.
  LD_PRELOAD="$work/valgrind-sigsuspend.so" valgrind --tool=callgrind \
    --callgrind-out-file="$work/callgrind.out" --dump-before='$ss15ContinuousClockV3nowAB7InstantVvg' \
    "$work/cpts-site" build --content "$data/content" --themes "$themes" --output "$work/out" >"$work/valgrind.log" 2>&1 || {
    echo "callgrind failed:" >&2; tail -n 40 "$work/valgrind.log" >&2; exit 1; }
}

for profile in $profiles; do
data=.build-bench/data/$profile-n$size
[ -f "$data/content/site.yaml" ] || python3 bench/generate.py --profile "$profile" --cpts "$size" --out "$data"
profile_build "$binary" "$themes" "$base/$profile" "$data"
before=()
if [ -n "${CPTS_SITE_BEFORE:-}" ]; then
  profile_build "$CPTS_SITE_BEFORE" "${CPTS_THEMES_BEFORE:-$themes}" "$base/before/$profile" "$data"
  before=("$base/before/$profile/callgrind.out")
fi
echo "== $profile set, callgrind"
python3 bench/callgrind-split.py "$size" "$base/$profile/callgrind.out" "${before[@]}"
done
