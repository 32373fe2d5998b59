#!/usr/bin/env bash
# byline at 10k, 100k and 1M stories (issue 20 point 2): builds the libraries the way
# scripts/vs-newsboat.py does (RSS files from a folder of .txt articles), indexes them, then
# measures each and prints the curve (scripts/scale.py says what is measured).
#   scripts/scale.sh [SOURCE_DIR] [WORK_DIR] [SIZES...]
# Defaults: ../shared/data/articles/bbc-en, /tmp/scale, 10k 100k 1m. A library already in
# WORK_DIR/SIZE (with its indexed.json) is reused. About 3 GB of feeds and 4 GB of database at
# 1M stories, and hours of indexing on two cores: remove WORK_DIR/1m when done.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data/articles/bbc-en}
work=${2:-/tmp/scale}
if [ $# -gt 2 ]; then sizes=("${@:3}"); else sizes=(10k 100k 1m); fi
command -v tmux >/dev/null || { echo "please install tmux" >&2; exit 2; }
cargo build --release -q
mkdir -p "$work"
cp target/release/byline "$work/byline"
for size in "${sizes[@]}"; do
    [ -f "$work/${size,,}/indexed.json" ] || python3 scripts/scale.py "$work/byline" "$src" gen "$size" --work "$work"
done
exec python3 scripts/scale.py "$work/byline" "$src" measure "${sizes[@]}" --work "$work"
