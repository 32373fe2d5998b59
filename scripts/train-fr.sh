#!/usr/bin/env bash
# Retrains assets/models/fr.model: WikiNEuRal fr (its every 10th sentence held out as the dev
# set) plus the entities of the Wikinews gold's "dev" articles, which go through byline's own
# annotation workflow: imported as finished annotations, exported as CoNLL, trained on. The
# gold's "test" articles are never trained on.
#   scripts/train-fr.sh [SHARED_DATA_DIR] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
out=${2:-assets/models/fr.model}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q
byline=$PWD/target/release/byline
export BYLINE_CONFIG_DIR=$work/config XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$BYLINE_CONFIG_DIR" "$XDG_DATA_HOME"
printf '[library]\npaths = ["%s"]\n' "$work/empty" >"$BYLINE_CONFIG_DIR/config.toml"
mkdir -p "$work/empty"
python3 tests/data/wikinews-fr/to_prodigy.py dev >"$work/gold-dev.jsonl"
"$byline" import --format prodigy --finished "$work/gold-dev.jsonl"
"$byline" export --format conll --reviewed-only --out "$work/gold-dev.conll"
"$byline" train --lang fr --conll "$data/ner/wikineural/fr.val.conllu" --conll "$work/gold-dev.conll" \
    --split-dev 10 --epochs 20 --seed 1 --out "$out"
