#!/bin/sh
# `make fuzz` / `make fuzz-templates`: builds a fuzzer with libFuzzer and AddressSanitizer and runs it for
# FUZZ_SECONDS (default 600). FUZZ_TARGET picks it:
#   content   (default) ContentFuzzer, over the content loader: each content file's kind, reports, page folders,
#             names of static files. Seeds are the files of the test sites, the invalid-content corpus and the
#             example content, each prefixed with the byte that selects its kind (Fuzz/Sources/ContentFuzzer/Harness.swift).
#   templates TemplateFuzzer, over the template engine: templates and partials separated by NUL bytes
#             (Fuzz/Sources/TemplateFuzzer/Harness.swift), seeded with the default theme and the Mustache specification.
# The corpus grown by earlier runs is kept in .build-fuzz/corpus (content) or .build-fuzz/corpus-templates. A crash
# leaves its input in .build-fuzz/artifacts/ (or artifacts-templates/): copy it to Tests/Fixtures/fuzz-regressions/
# (content) or Tests/Fixtures/template-fuzz-regressions/ (templates) so that `swift test` replays it.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${FUZZ_SECONDS:-600}
TARGET=${FUZZ_TARGET:-content}
BUILD=.build-fuzz
case "$TARGET" in
    content) PRODUCT=ContentFuzzer SUFFIX= DICT=Fuzz/content.dict REGRESSIONS=Tests/Fixtures/fuzz-regressions ;;
    templates) PRODUCT=TemplateFuzzer SUFFIX=-templates DICT=Fuzz/templates.dict REGRESSIONS=Tests/Fixtures/template-fuzz-regressions ;;
    *) echo "FUZZ_TARGET must be content or templates, not $TARGET" >&2; exit 2 ;;
esac
(cd Fuzz && swift build --scratch-path "../$BUILD" -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    --product "$PRODUCT")
CORPUS=$BUILD/corpus$SUFFIX SEEDS=$BUILD/seeds$SUFFIX ARTIFACTS=$BUILD/artifacts$SUFFIX
rm -rf "$SEEDS"
mkdir -p "$CORPUS" "$SEEDS" "$ARTIFACTS" "$REGRESSIONS"

n=0
# seed KIND FILE: the kind byte (octal), then the file.
seed() {
    n=$((n + 1))
    { printf "\\$1"; cat "$2"; } > "$SEEDS/seed-$n"
}
# seed_text KIND TEXT: the kind byte (octal), then the text.
seed_text() {
    n=$((n + 1))
    { printf "\\$1"; printf '%s' "$2"; } > "$SEEDS/seed-$n"
}

if [ "$TARGET" = content ]; then
    for file in $(find Tests/Fixtures/sites Tests/Fixtures/invalid content examples -type f 2>/dev/null | sort); do
        case "$file" in
            */cpts/*.md|*/cpts/*.markdown) seed 000 "$file"; seed 010 "$file" ;;
            */site.yaml) seed 001 "$file" ;;
            */region.yaml) seed 002 "$file" ;;
            */indicators/*.yaml) seed 003 "$file" ;;
            */pages/*.md) seed 004 "$file"; seed 010 "$file"
                # The page under a folder of its own path: `pages/a/b.md` → line `a/b`.
                page=${file#*/pages/}; seed_text 012 "${page%.*}
$(cat "$file")" ;;
            */schedules/*.yaml) seed 005 "$file" ;;
            */diagnostics/*.yaml) seed 006 "$file" ;;
            */geo/communes.csv) seed 007 "$file" ;;
            */reports/*/*.md) seed 011 "$file"; seed 010 "$file" ;;
        esac
    done
    for file in README.md docs/*.md; do seed 010 "$file"; done
    # Names of static files: those of the test sites and the examples, one a line, and a few awkward ones.
    names=$(find Tests/Fixtures content examples -path '*/static/*' -type f 2>/dev/null | sed 's|.*/static/||' | sort -u)
    seed_text 013 "$names"
    seed_text 013 "img/logo.png
img/Logo.png
documents/rapport 2021.pdf
cpts/x.png
sitemap.xml
caf$(printf '\303\251').png
cafe$(printf '\314\201').png
a\\b.png
$(printf '\033')[2Jx.svg"
else
    # Each template of the default theme first in turn, with the others as its partials.
    for main in themes/default/templates/*.mustache; do
        n=$((n + 1))
        {
            cat "$main"
            for other in themes/default/templates/*.mustache; do
                [ "$other" = "$main" ] && continue
                name=$(basename "$other" .mustache)
                printf '\000%s\n' "$name"; cat "$other"
            done
        } > "$SEEDS/seed-$n"
    done
    # The specification's cases: template, then its partials.
    n=$(python3 - "$SEEDS" "$n" <<'PY'
import json, glob, os, sys
seeds, n = sys.argv[1], int(sys.argv[2])
for path in sorted(glob.glob("../shared/conformance/mustache-spec/*.json")):
    for case in json.load(open(path))["tests"]:
        n += 1
        data = case["template"].encode()
        for name, text in sorted((case.get("partials") or {}).items()):
            data += b"\0" + name.encode() + b"\n" + text.encode()
        open(os.path.join(seeds, "seed-%d" % n), "wb").write(data)
print(n)
PY
)
fi
echo "fuzz $TARGET: $n seeds, $(ls "$CORPUS" | wc -l) inputs in the corpus, running for $SECONDS_TO_RUN s"

SWIFT_BACKTRACE=enable=no exec "$BUILD/release/$PRODUCT" -max_total_time="$SECONDS_TO_RUN" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -dict="$DICT" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
    "$CORPUS" "$SEEDS" "$REGRESSIONS"
