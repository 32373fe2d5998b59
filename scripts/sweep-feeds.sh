#!/usr/bin/env bash
# Robustness sweep: every file under the real-world and edge-case feed collections goes through
# the parser `byline fetch` uses; prints the counts, the failure reasons, the item counts checked
# against feed-rs's expected parses, and the slowest file. Pass --verbose to list every failure.
#   scripts/sweep-feeds.sh [FEEDS_DIR] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/data/feeds}
shift || true
cargo run --quiet --release -- feeds sweep "$dir" "$@"
