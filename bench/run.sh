#!/usr/bin/env bash
# make bench: cpts-site against Hugo on the same synthetic national content, side by side in one run,
# with three floors measured on the same data: the cmark-gfm command line over the same Markdown (Markdown alone),
# libyaml's event loop over the same YAML and the writing of the same output files (bench/floors.c, both).
# Rounds alternate between the tools so that a noisy neighbour slows them all alike; each run is timed
# by /usr/bin/time (wall time, CPU time, peak memory). Two generated sets (bench/generate.py --profile): "heavy",
# what real sites hold (issue #27), and "light", the set of the earlier issues. Results go to stdout and
# .build-bench/results.txt.
#
#   BENCH_SIZES="1000 10000 100000" BENCH_PROFILES="heavy light" ROUNDS=5 bench/run.sh
#   CPTS_SITE_BINARY=path/to/cpts-site CPTS_THEMES=path/to/themes BENCH_LABEL=before bench/run.sh
#     (another build, e.g. main's, for a "before" column: samples and results suffixed with the label)
#   CPTS_SITE_BEFORE=path/to/older/cpts-site CPTS_THEMES_BEFORE=path/to/its/themes bench/run.sh
#     (an older build measured in the same rounds, alternating with this one and Hugo: `make bench BENCH_BEFORE=ref`)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${BENCH_SIZES:-1000}"
profiles="${BENCH_PROFILES:-heavy light}"
rounds="${ROUNDS:-5}"
# Above this size only cpts-site build and check run: Hugo, serve (which keeps the site in memory) and the
# empty-folder builds would take the machine's memory and an hour for no figure the targets ask for.
compared="${BENCH_COMPARED_MAX:-10000}"
for tool in hugo cmark-gfm /usr/bin/time python3 cc; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run 'make bench-deps' (apt-get install hugo cmark-gfm time)" >&2; exit 1; }
done

bin="${CPTS_SITE_BINARY:-.build/release/cpts-site}"
themes="${CPTS_THEMES:-themes}"
label="${BENCH_LABEL:+-$BENCH_LABEL}"
[ -n "${CPTS_SITE_BINARY:-}" ] || swift build -c release >/dev/null
work=.build-bench
mkdir -p "$work"
# The floors for YAML and for writing, against Debian's libyaml (libyaml-dev, installed by make bench-deps).
floors="$work/floors"
cc -O2 -o "$floors" bench/floors.c -lyaml
samples="$work/samples$label.tsv"
: > "$samples"

# The samples: "profile size tool wall-seconds peak-kilobytes cpu-seconds load-average [user-seconds]", one line per
# run (user time apart from CPU time where /usr/bin/time measured it: the linearity targets read it).
# measure SIZE TOOL COMMAND...: one timed run (of the current $profile), appended to the samples.
measure() {
  local size=$1 tool=$2
  shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "$tool failed on $size CPTS ($profile):" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  read -r wall peak user sys < <(tail -n 1 "$work/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$profile" "$size" "$tool" "$wall" "$peak" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(cut -d' ' -f1 /proc/loadavg)" "$user" >> "$samples"
}

# measure_inner SIZE TOOL COMMAND...: as measure, but the seconds are those COMMAND prints (a part of its run).
measure_inner() {
  local size=$1 tool=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || {
    echo "$tool failed on $size CPTS ($profile):" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t0\t%s\n' "$profile" "$size" "$tool" "$(tail -n 1 "$work/stdout.txt")" \
    "$(tail -n 1 "$work/time.txt" | cut -d' ' -f2)" "$(cut -d' ' -f1 /proc/loadavg)" >> "$samples"
}

# incremental SIZE DATA: a full build, then the rebuilds after one CPTS file changes, as `serve` reports them:
# first its projet de santé's text (a line appended), then its data (its name in the front matter).
incremental() {
  local size=$1 data=$2 log="$work/serve.log"
  # --verbose: each rebuild's stages, printed before its "built in" line (kept below for the text edit).
  "$bin" serve --verbose --lang en --port 0 --content "$data/content" --themes "$themes" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do grep -q "Serving the site" "$log" && break; sleep 0.1; done
  local files=("$data"/content/cpts/*.md)
  local file=${files[0]}
  cp "$file" "$work/saved.md"
  # waitbuilds N: until serve has printed N builds, at most 60 s.
  waitbuilds() {
    for _ in $(seq 1 600); do [ "$(grep -c '^built in' "$log")" -ge "$1" ] && return 0; sleep 0.1; done
    kill "$pid"; cp "$work/saved.md" "$file"
    echo "serve did not rebuild within 60 s after $file changed:" >&2; cat "$log" >&2; exit 1
  }
  printf '\nUne ligne ajoutée pour le banc d’essai.\n' >> "$file"
  waitbuilds 2
  sed -i -E '0,/^name: /s/^name: (.*)$/name: \1 (modifiée)/' "$file"
  waitbuilds 3
  kill "$pid"; wait "$pid" 2>/dev/null || true
  cp "$work/saved.md" "$file"
  awk -v tag="[$profile $size, serve after a text edit, by stage]" '/^built in/ { built++ }
    built == 1 && /^(load|validate|compute|render|write|total) / { print "  " tag, $0 }' "$log"
  grep '^built in' "$log" | head -n 3 | sed -E 's/^built in ([0-9]+) ms: ([0-9]+) page.*/\1 \2/' |
    { read -r full fullPages; read -r text textPages; read -r data dataPages
      awk -v p="$profile" -v size="$size" -v full="$full" -v text="$text" -v textPages="$textPages" -v data="$data" \
          -v dataPages="$dataPages" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        printf "%s\t%s\tserve-full\t%.3f\t0\t0\t%s\n", p, size, full / 1000, load
        printf "%s\t%s\tserve-incremental\t%.3f\t%s\t0\t%s\n", p, size, text / 1000, textPages, load
        printf "%s\t%s\tserve-incremental-data\t%.3f\t%s\t0\t%s\n", p, size, data / 1000, dataPages, load }' >> "$samples"; }
}

for profile in $profiles; do
for size in $sizes; do
  data="$work/data/$profile-n$size"
  if [ ! -f "$data/content/site.yaml" ]; then
    echo "generating $size CPTS ($profile) into $data"
    python3 bench/generate.py --profile "$profile" --cpts "$size" --out "$data"
  fi
  markdown="$work/markdown-$profile-n$size.md"
  if [ "$size" -le "$compared" ]; then
    # Every Markdown text cpts-site renders: projets de santé, annual reports, free pages.
    find "$data/content" -name '*.md' -print0 | sort -z | xargs -0 cat > "$markdown"
  fi
  # The copy the write floor writes over, as cpts-site writes over the site before last (at every size: above
  # 1 000 CPTS it is what tells the kernel's share of the time, which grows faster than the bytes written).
  [ -d "$data/out-cpts" ] || "$bin" build --content "$data/content" --themes "$themes" --output "$data/out-cpts" >/dev/null
  "$floors" write "$data/out-cpts" "$data/out-copy" >/dev/null 2>&1
  for round in $(seq 1 "$rounds"); do
    echo "$profile set, size $size, round $round/$rounds"
    measure "$size" "cpts-site build" "$bin" build --content "$data/content" --themes "$themes" --output "$data/out-cpts"
    measure "$size" "cpts-site check" "$bin" check --content "$data/content"
    if [ -n "${CPTS_SITE_BEFORE:-}" ]; then
      measure "$size" "before build" "$CPTS_SITE_BEFORE" build --content "$data/content" \
        --themes "${CPTS_THEMES_BEFORE:-$themes}" --output "$data/out-before"
      measure "$size" "before check" "$CPTS_SITE_BEFORE" check --content "$data/content"
    fi
    measure_inner "$size" "write floor" "$floors" write "$data/out-cpts" "$data/out-copy"
    [ "$size" -le "$compared" ] || continue
    # Into an empty folder: every file created, none of the site before last to write over.
    rm -rf "$data/out-empty" "$data/.out-empty.staging"
    measure "$size" "cpts-site build, empty" "$bin" build --content "$data/content" --themes "$themes" --output "$data/out-empty"
    measure "$size" "hugo" hugo --quiet --cleanDestinationDir -s "$data/hugo" -d "$PWD/$data/out-hugo"
    measure "$size" "cmark-gfm" cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$markdown"
    measure "$size" "libyaml events" "$floors" yaml "$data/content"
  done
  [ "$size" -le "$compared" ] && incremental "$size" "$data"
  "$bin" build --verbose --content "$data/content" --themes "$themes" --output "$data/out-cpts" | sed "s/^/  [$profile $size, --verbose] /"
done
done

# The national size point (#28): 18 regions' data/site.json, 810 CPTS, built into the national pages and data files.
national="$work/data/national"
[ -f "$national/content/site.yaml" ] || python3 bench/generate-national.py --cpts 810 --out "$national"
# With the map when `make geo` fetched France's departments for the national example (the map is most of the time).
if [ -f examples/observatoire-national/content/geo/departements.geojson ]; then
  mkdir -p "$national/content/geo"
  cp examples/observatoire-national/content/geo/departements.geojson "$national/content/geo/"
fi
profile=national
for round in $(seq 1 "$rounds"); do
  echo "national (18 regions, 810 CPTS), round $round/$rounds"
  measure 810 "national build" "$bin" build --content "$national/content" --themes "$themes" --output "$national/out"
done

python3 bench/report.py "$samples" | tee "$work/results$label.txt"
