#!/bin/sh
# `make fuzz`: builds the content fuzzer with libFuzzer and AddressSanitizer and runs it for FUZZ_SECONDS
# (default 600). Seeds are the files of the test sites, the invalid-content corpus and the example content,
# each prefixed with the byte that selects its kind (see Fuzz/Sources/ContentFuzzer/Harness.swift); the
# corpus grown by earlier runs is kept in .build-fuzz/corpus. A crash leaves its input in .build-fuzz/artifacts/:
# copy it to Tests/Fixtures/fuzz-regressions/ so that `swift test` replays it.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${FUZZ_SECONDS:-600}
BUILD=.build-fuzz
(cd Fuzz && swift build --scratch-path "../$BUILD" -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
CORPUS=$BUILD/corpus SEEDS=$BUILD/seeds ARTIFACTS=$BUILD/artifacts
rm -rf "$SEEDS"
mkdir -p "$CORPUS" "$SEEDS" "$ARTIFACTS"

# seed KIND FILE: the kind byte (octal), then the file.
n=0
seed() {
    n=$((n + 1))
    { printf "\\$1"; cat "$2"; } > "$SEEDS/seed-$n"
}
for file in $(find Tests/Fixtures/sites Tests/Fixtures/invalid content -type f 2>/dev/null | sort); do
    case "$file" in
        */cpts/*.md|*/cpts/*.markdown) seed 000 "$file"; seed 010 "$file" ;;
        */site.yaml) seed 001 "$file" ;;
        */region.yaml) seed 002 "$file" ;;
        */indicators/*.yaml) seed 003 "$file" ;;
        */pages/*.md) seed 004 "$file"; seed 010 "$file" ;;
        */schedules/*.yaml) seed 005 "$file" ;;
        */diagnostics/*.yaml) seed 006 "$file" ;;
        */geo/communes.csv) seed 007 "$file" ;;
    esac
done
for file in README.md docs/*.md; do seed 010 "$file"; done
echo "fuzz: $n seeds, $(ls "$CORPUS" | wc -l) inputs in the corpus, running for $SECONDS_TO_RUN s"

SWIFT_BACKTRACE=enable=no exec "$BUILD/release/ContentFuzzer" -max_total_time="$SECONDS_TO_RUN" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -dict=Fuzz/content.dict -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
    "$CORPUS" "$SEEDS" Tests/Fixtures/fuzz-regressions
