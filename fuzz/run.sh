#!/usr/bin/env bash
# Runs one fuzz target, single job, for SECONDS (default 600), with its dictionary and input
# size cap, printing libFuzzer's final stats. Extra arguments go to libFuzzer.
#
#   fuzz/run.sh load_feed 600
#   fuzz/run.sh search 300 -only_ascii=1
#
# Stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly-only flags it needs.
set -euo pipefail
FUZZ=$(cd "$(dirname "$0")" && pwd)
t=${1:?target}; secs=${2:-600}; shift $(( $# >= 2 ? 2 : 1 ))
case $t in
    load_feed)                   dict=feed;        max=16384 ;;
    opml)                        dict=feed;        max=8192 ;;
    load_html)                   dict=html;        max=32768 ;;
    load_json | load_jsonl)      dict=json;        max=8192 ;;
    import_prodigy | import_doccano) dict=annotations; max=4096 ;;
    import_brat)                 dict=brat;        max=4096 ;;
    config)                      dict=config;      max=8192 ;;
    search | query)              dict=search;      max=256 ;;
    load_md)                     dict=;            max=16384 ;;
    load_txt | extract)          dict=;            max=8192 ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
esac
[ -d "$FUZZ/corpus/$t" ] || "$FUZZ/seed.sh" >/dev/null
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$FUZZ/target}
cd "$FUZZ/.."
exec cargo fuzz run --debug-assertions "$t" -- \
    -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max" ${dict:+-dict="$FUZZ/dict/$dict.dict"} "$@"
