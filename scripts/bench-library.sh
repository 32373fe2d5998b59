#!/usr/bin/env bash
# Library scale benchmark: generates N articles from a folder of .txt files (default: the BBC
# set in ../shared/data), indexes them cold, then measures warm start and search latency.
#   scripts/bench-library.sh [SOURCE_DIR] [N] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data/articles/bbc-en}
n=${2:-100000}
work=${3:-$(mktemp -d)}
cargo build --release --bench library >/dev/null 2>&1 || cargo bench --bench library --no-run
bin=$(ls -t target/release/deps/library-* | grep -v '\.d$' | head -1)
rm -rf "$work/lib" "$work/lib.db"*
"$bin" generate "$src" "$work/lib" "$n"
# The generator leaves ~100k dirty files behind; flush them so the cold index below measures
# byline, not the kernel writing the generator's output. Dropping the page cache (root only)
# makes the index read every file from disk, as after a reboot.
sync
if [ -w /proc/sys/vm/drop_caches ]; then echo 3 > /proc/sys/vm/drop_caches; fi
"$bin" index "$work/lib" "$work/lib.db"
"$bin" index "$work/lib" "$work/lib.db" | sed 's/^index:/re-index (nothing changed):/'
"$bin" warm "$work/lib" "$work/lib.db"
"$bin" search "$work/lib.db"
