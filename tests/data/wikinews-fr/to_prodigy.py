#!/usr/bin/env python3
"""Writes the gold entities of one split as Prodigy JSON lines (text, spans, answer "accept"),
the form `byline import --format prodigy` reads: scripts/train-fr.sh trains the French tagger on
them through byline's own annotation store.
Run: python3 tests/data/wikinews-fr/to_prodigy.py dev > gold-dev.jsonl
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        if g["split"] != split or g.get("entities") is None:
            continue
        text = open(os.path.join(HERE, "texts", g["file"]), encoding="utf-8").read()
        spans = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in g["entities"]]
        print(json.dumps({"text": text, "meta": {"file": g["file"]}, "spans": spans, "answer": "accept"},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
