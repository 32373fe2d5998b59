#!/usr/bin/env bash
# Rebuilds fuzz/corpus/<target>/ from the repository's fixtures and a sample of ../shared/data.
# Corpora are not committed (see /.gitignore); run this once before `cargo fuzz run`.
# Re-running adds missing seeds and keeps whatever the fuzzer has found since.
#
#   fuzz/seed.sh                  # data from ../shared/data next to the checkout
#   DATA=/path/to/data fuzz/seed.sh
set -euo pipefail
FUZZ=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$FUZZ")
DATA=${DATA:-$ROOT/../shared/data}
[ -d "$DATA" ] || DATA=/work/shared/data
C=$FUZZ/corpus
FIX=$ROOT/tests/fixtures
ANN=$ROOT/src/annotate/formats/testdata

# put TARGET FILE...: copy files into the target's corpus under a name that keeps their origin.
put() {
    local t=$1; shift
    mkdir -p "$C/$t"
    for f in "$@"; do
        [ -f "$f" ] || continue
        local rel=${f#"$DATA"/}; rel=${rel#"$ROOT"/}
        cp -n "$f" "$C/$t/seed-$(printf '%s' "$rel" | tr '/ ' '__')"
    done
}
# sample MAXSIZE COUNT FIND-ARGS...: the first COUNT files (sorted) no larger than MAXSIZE.
sample() {
    local max=$1 n=$2; shift 2
    [ -d "$1" ] || return 0
    find "$@" -type f -size "-$max" -print0 | sort -z | head -z -n "$n" | tr '\0' '\n'
}
# JSON Feeds (any name) in the shared feeds, no larger than 16 KiB.
jsonfeeds() {
    grep -rl --include='*.json' 'jsonfeed.org/version' "$DATA/feeds" 2>/dev/null | while read -r f; do
        [ "$(stat -c %s "$f")" -le 16384 ] && printf '%s\n' "$f"
    done
    return 0
}
if [ ! -d "$DATA" ]; then
    echo "seed.sh: no shared data at $DATA; seeding from fixtures only" >&2
    DATA=/nonexistent
fi

# Loaders -------------------------------------------------------------------------------------
put load_txt "$FIX"/*.txt "$FIX"/.hidden.txt "$FIX"/notes.csv "$ANN"/doc.txt
mapfile -t f < <(sample 8k 40 "$DATA/articles/bbc-en"); put load_txt "${f[@]}"
mapfile -t f < <(sample 8k 20 "$DATA/articles/wikinews-fr"); put load_txt "${f[@]}"
put load_txt "$DATA/reference/mali-russie-2022-11-21.txt"

put load_md "$FIX"/*.md "$ANN/README.md" "$DATA/formats/README.md"
mapfile -t f < <(find "$DATA/html" -name '*.md' -size -32k 2>/dev/null); put load_md "${f[@]}"
mapfile -t f < <(sample 8k 10 "$DATA/articles/wikinews-fr"); put load_md "${f[@]}"

put load_json "$FIX"/*.json "$ANN/offset_units.json" "$ANN/spacy_doc_to_json.json"
mapfile -t f < <(jsonfeeds); put load_json "${f[@]}"
mapfile -t f < <(sample 8k 10 "$DATA/html/readability" -name expected-metadata.json); put load_json "${f[@]}"

put load_jsonl "$FIX"/*.jsonl "$ANN"/*.jsonl "$FIX/articles.json"

put load_html "$FIX"/*.html
mapfile -t f < <(sample 24k 40 "$DATA/html/readability" -name source.html); put load_html "${f[@]}"
mapfile -t f < <(sample 24k 30 "$DATA/html/scrapinghub/html"); put load_html "${f[@]}"   # gzip-compressed pages

put load_feed "$FIX"/feed.atom "$FIX"/feed.rss "$FIX"/feed.json
mapfile -t f < <(sample 16k 400 "$DATA/feeds" \( -name '*.xml' -o -name '*.atom' -o -name '*.rss' -o -name '*.rdf' \)); put load_feed "${f[@]}"
mapfile -t f < <(jsonfeeds); put load_feed "${f[@]}"

# OPML (subscriptions import) -----------------------------------------------------------------
mkdir -p "$C/opml"
cat > "$C/opml/seed-folders.opml" <<'OPML'
<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Le Monde" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml" category="/fr,world"/>
    <outline title="Tech &amp; Co" text="ignored" xmlUrl="https://t.example/feed"></outline>
  </outline>
  <outline text="Loose" xmlUrl="http://l.example/rss" />
  <outline text="folder without feeds"/>
</body></opml>
OPML
cat > "$C/opml/seed-written.opml" <<'OPML'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>byline</title>
  </head>
  <body>
    <outline type="rss" text="A &quot;quoted&quot; &lt;name&gt;" title="A &quot;quoted&quot; &lt;name&gt;" xmlUrl="https://a.example/rss?x=1&amp;y=2" category="one,two"/>
    <outline type="rss" text="http://b.example/" title="http://b.example/" xmlUrl="http://b.example/"/>
  </body>
</opml>
OPML

# Config --------------------------------------------------------------------------------------
put config "$ROOT/config.example.toml"
mkdir -p "$C/config"
# One seed per section so that mutations reach each section's checks quickly.
awk -v dir="$C/config" '/^\[/{n++} {print > (dir "/seed-section-" n ".toml")}' "$ROOT/config.example.toml"
printf '[[feeds]]\nurl = "https://www.example.org/rss.xml"\nname = "Example"\ntags = ["world", "fr"]\nfull_text = true\n' > "$C/config/seed-feeds.toml"
printf '[keys]\nquit = ["ctrl-q", "alt-shift-x", "f12"]\nsearch = ["/"]\n\n[labels]\n' > "$C/config/seed-keys.toml"

# Search queries ------------------------------------------------------------------------------
mkdir -p "$C/search"
i=0
for q in 'sécurité' 'securite' '"accord de sécurité"' 'Mali*' "l'État" 'l’économie' 'steel OR demand' \
         'NEAR(a b)' 'title:mali' '-accord' '^Le' '"unterminated' '東京' '🎉' 'ﬁnance' 'İstanbul' '* "" **' 'e'; do
    printf '%s' "$q" > "$C/search/seed-$i"; i=$((i + 1))
done

# The query language --------------------------------------------------------------------------
mkdir -p "$C/query"
i=0
for q in 'unread -tag:sport' 'starred lang:fr since:7d' 'entity:"Tony Blair" OR source:bbc' \
         '(a OR b) -c' 'until:2024-03-01 "coup d'"'"'état"' '@s' '@nope' 'tag:' '("' 'since:13m' \
         'feed:«Le Monde»' '-(-(-a))' 'OR OR' 'prefix* lang:en'; do
    printf '%s' "$q" > "$C/query/seed-$i"; i=$((i + 1))
done

# Annotation imports --------------------------------------------------------------------------
put import_prodigy "$ANN/prodigy.jsonl" "$DATA/formats/prodigy.jsonl" "$ANN/patterns.jsonl"
put import_doccano "$ANN/doccano.jsonl" "$ANN/doccano_relations.jsonl" "$DATA/formats/doccano.jsonl" "$DATA/formats/doccano_relations.jsonl"
mkdir -p "$C/import_brat"
# brat input: doc.txt, a NUL byte, doc.ann
{ cat "$ANN/doc.txt"; printf '\0'; cat "$ANN/doc.ann"; } > "$C/import_brat/seed-doc"
if [ -f "$DATA/formats/doc.ann" ]; then
    { cat "$DATA/formats/doc.txt"; printf '\0'; cat "$DATA/formats/doc.ann"; } > "$C/import_brat/seed-shared-doc"
fi
printf 'Le caf\xc3\xa9 \xf0\x9f\x8e\x89 de Paris.\r\n\0T1\tLOC 14 19\tParis\nT2\tMISC 0 6;7 11\tLe caf\xc3\xa9\nN1\tReference T1 Wikidata:Q90\tParis\n' > "$C/import_brat/seed-unicode"

# Extraction: first byte = options (bit 0-1 language: guess/fr/en/other, bit 2 article date) --
mkdir -p "$C/extract"
ext() { # ext OPTBYTE FILE
    local o=$1 f=$2 name
    name=$(printf '%s' "${f#"$DATA"/}" | tr '/ ' '__')
    [ -f "$f" ] && { printf "\\x$o"; head -c 6000 "$f"; } > "$C/extract/seed-$o-$name"
}
ext 05 "$DATA/reference/mali-russie-2022-11-21.txt"
ext 00 "$DATA/reference/mali-russie-2022-11-21.txt"
ext 06 "$ANN/doc.txt"
mapfile -t f < <(sample 6k 20 "$DATA/articles/wikinews-fr"); for x in "${f[@]}"; do ext 01 "$x"; done
mapfile -t f < <(sample 4k 20 "$DATA/articles/bbc-en"); for x in "${f[@]}"; do ext 02 "$x"; done

for d in "$C"/*/; do printf '%-16s %4d files\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)"; done
