#!/usr/bin/env bash
# byline and newsboat side by side on the same stories (issue 20's table), in one run.
#   scripts/vs-newsboat.sh [SOURCE_DIR] [FEEDS] [ITEMS] [WORK_DIR]
# Defaults: ../shared/data/articles/bbc-en, 10 feeds of 10,000 items (100,000 stories).
# Installs newsboat and tmux with the system package manager when missing, builds byline in
# release mode, then runs scripts/vs-newsboat.py (median of 3 for each timed step).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data/articles/bbc-en}
feeds=${2:-10}
items=${3:-10000}
work=${4:-$(mktemp -d)}
for tool in newsboat tmux; do
    if ! command -v "$tool" >/dev/null; then
        if command -v apt-get >/dev/null; then
            sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
            $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
        else
            echo "please install $tool" >&2; exit 2
        fi
    fi
done
cargo build --release -q
newsboat --version | head -1
exec python3 scripts/vs-newsboat.py target/release/byline "$src" --feeds "$feeds" --items "$items" --work "$work"
