#!/usr/bin/env bash
# make bench BENCH_BEFORE=<git ref>: the release build of an older commit, for the benchmark's "before" figures.
# The ref is checked out in a worktree of its own (.build-bench/before, detached) and built there; prints the path
# of its binary. Its themes are its own (the older binary may not read today's).
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: bench/before.sh <git ref>}
src=.build-bench/before
commit=$(git rev-parse --verify "$ref^{commit}")
if [ ! -d "$src" ] || [ "$(git -C "$src" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
  git worktree remove --force "$src" 2>/dev/null || rm -rf "$src"
  git worktree prune
  git worktree add --detach --force "$src" "$commit" >&2
fi
(cd "$src" && swift build -c release >&2)
echo "$src/.build/release/cpts-site"
