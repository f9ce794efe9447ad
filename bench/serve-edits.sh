#!/usr/bin/env bash
# serve's rebuild after a projet de santé's text is edited, three times, against serve's first (full) build, on a
# copy of a generated set (the set itself is left untouched). bench/run.sh measures one edit per set in its rounds;
# this gives three at once, for a quieter moment than a whole bench run.
#
#   bash bench/serve-edits.sh [BINARY] DATA   e.g. bash bench/serve-edits.sh .build-bench/data/light-n10000
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 2 ]; then bin=$1; shift; else bin=.build/release/cpts-site; fi
data=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$data/content" "$work/content"
log=$work/serve.log
"$bin" serve --verbose --lang en --port 0 --content "$work/content" --themes "${CPTS_THEMES:-themes}" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do grep -q "Serving the site" "$log" && break; sleep 0.1; done
files=("$work"/content/cpts/*.md)
file=${files[0]}
# waitbuilds N: until serve has printed N builds, at most 120 s.
waitbuilds() {
  for _ in $(seq 1 1200); do [ "$(grep -c '^built in' "$log")" -ge "$1" ] && return 0; sleep 0.1; done
  kill "$pid"; echo "serve did not rebuild within 120 s:" >&2; cat "$log" >&2; exit 1
}
for edit in 2 3 4; do
  printf '\nUne ligne ajoutée pour le banc d’essai (%s).\n' "$edit" >> "$file"
  waitbuilds "$edit"
  sleep 1
done
kill "$pid"; wait "$pid" 2>/dev/null || true
grep '^built in' "$log" | head -n 4 | sed -E 's/^built in ([0-9]+) ms: ([0-9]+) page.*/\1 \2/' |
  awk -v data="$data" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'NR == 1 { full = $1; next }
    { printf "%s: full build %d ms, text edit %d ms (%d pages): %.3f of the full build, load %s\n", data, full, $1, $2, $1 / full, load }'
