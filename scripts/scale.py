#!/usr/bin/env python3
"""byline at 10k, 100k and 1M stories: the curve of issue 20 point 2.

Libraries are built the way scripts/vs-newsboat.py builds them (its generator is imported):
RSS files of 10,000 items each (the loaders' per-file cap is 20,000), every item distinct,
dated an hour apart, from a folder of .txt articles. Each library lives in WORK/SIZE/
(feeds/, data/, config/).

  gen SIZE...       write the feed files and `byline index` them (says when searchable)
  measure SIZE...   for each size, REPEAT times (median): warm start to the list's first frame
                    in tmux at 120x40 (and the same for a program that prints at once: the
                    floor tmux and polling add), `/government` Enter to the results, resident
                    memory after start + search; in-process (`cargo bench --bench scale`): the
                    first frame, reading the whole list, library search median and p95 over a
                    query set of very common words, rarer words and phrases (wall and CPU
                    time), a filtered list of a tenth of the library (`since:` the newest
                    tenth), the entity page (first open, again) and `r`; `byline entity NAME`
                    as a process; the data folder's size. Then one table, a column a size,
                    with the growth exponent between sizes (1 is linear).

  scripts/scale.py BYLINE_BIN SOURCE_DIR gen 10k 100k [--work /tmp/scale]
  scripts/scale.py BYLINE_BIN SOURCE_DIR measure 10k 100k 1m [--work /tmp/scale]
"""

import argparse
import importlib.util
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("vs_newsboat", HERE / "vs-newsboat.py")
vs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vs)

ITEMS_PER_FEED = 10_000
ENTITY = "Tony Blair"


def stories(label: str) -> int:
    m = re.fullmatch(r"(\d+)([km]?)", label.lower())
    if not m:
        sys.exit(f"a size is like 10k, 100k, 1m: {label}")
    return int(m.group(1)) * {"": 1, "k": 1000, "m": 1_000_000}[m.group(2)]


def env_of(lib: Path):
    return {**os.environ, "BYLINE_DATA_DIR": str(lib / "data"), "BYLINE_CONFIG_DIR": str(lib / "config")}


def gen(byline: str, source: Path, lib: Path, n: int):
    feeds = lib / "feeds"
    count = max(1, n // ITEMS_PER_FEED)
    items = n // count
    if not (feeds / f"feed{count}.xml").exists():
        shutil.rmtree(feeds, ignore_errors=True)
        t = time.perf_counter()
        vs.write_feeds(source, feeds, count, items)
        print(f"{lib.name}: {count} feeds x {items} items written in {time.perf_counter() - t:.0f} s", flush=True)
    shutil.rmtree(lib / "data", ignore_errors=True)
    (lib / "config").mkdir(parents=True, exist_ok=True)
    took, said = vs.timed([byline, "index", str(feeds)], env=env_of(lib))
    searchable = vs.searchable_after(said, took)
    print(f"{lib.name}: indexed in {took:.1f} s, searchable after {searchable:.1f} s", flush=True)
    (lib / "indexed.json").write_text(json.dumps({"stories": n, "index_s": took, "searchable_s": searchable}))


def bench(lib: Path):
    """The in-process measures of `cargo bench --bench scale` (JSON on its last line)."""
    done = subprocess.run(
        ["cargo", "bench", "-q", "--bench", "scale", "--", str(lib / "data"), "--entity", ENTITY, "--json"],
        cwd=HERE.parent,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_ms(byline: str, lib: Path, args, repeat: int) -> float:
    """Median wall time of a `byline` command on the library, process start included."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            subprocess.run([byline, *args], env=env_of(lib), check=True, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            # The command line first brings the index up to date: with entities still to
            # extract, that is the rest of the entity stage.
            print(f"{lib.name}: `byline {' '.join(args)}` still running after 120 s", flush=True)
            return 0.0
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def tmux_floor(repeat: int) -> float:
    """The same start measured on a program that prints the awaited title at once: what tmux
    and the polling cost on this machine, which the reader's time includes."""
    fake = ["sh", "-c", "echo 'Stories 1/1'; sleep 30"]
    times = [vs.session_run("scale-floor", fake, {}, lambda s: "Stories 1/1" in s, ["x"], lambda s: True)[0] for _ in range(repeat)]
    return statistics.median(times) * 1e3


def measure(byline: str, lib: Path, repeat: int):
    n = json.loads((lib / "indexed.json").read_text())["stories"]
    env = {"BYLINE_DATA_DIR": str(lib / "data"), "BYLINE_CONFIG_DIR": str(lib / "config")}
    runs = [
        vs.session_run(
            "scale-byl",
            [byline, str(lib / "feeds")],
            env,
            # The list's title, "Stories 1/100000": the list drawn (not the first story's
            # title in the article pane, which comes once that story is read and analysed).
            lambda s: re.search(r"Stories \d+/\d+", s) is not None,
            ["/", "government", "Enter"],
            lambda s: "match" in s,
        )
        for _ in range(repeat)
    ]
    row = {"stories": n}
    row["start_ms"] = statistics.median(r[0] for r in runs) * 1e3
    row["tmux_floor_ms"] = tmux_floor(repeat)
    row["tui_search_ms"] = statistics.median(r[1] for r in runs) * 1e3
    row["rss_mb"] = statistics.median(r[2] for r in runs) / 1024
    inproc = bench(lib)
    row.update({k: v for k, v in inproc.items() if k != "stories"})
    row["cli_entity_ms"] = cli_ms(byline, lib, ["entity", ENTITY], repeat)
    row["disk_mb"] = vs.size(lib / "data") / 1e6
    print(json.dumps(row), flush=True)
    return row


COLUMNS = [
    ("start_ms", "warm start to first frame (ms, tmux)"),
    ("tmux_floor_ms", "the same for `sh -c echo` (tmux floor, ms)"),
    ("first_frame_ms", "first frame in-process (ms)"),
    ("search_median_ms", "search median (ms)"),
    ("search_p95_ms", "search p95 (ms)"),
    ("search_cpu_median_ms", "search median, CPU time (ms)"),
    ("search_cpu_p95_ms", "search p95, CPU time (ms)"),
    ("full_list_ms", "whole list read, after the first frame (ms)"),
    ("tui_search_ms", "search 'government' in the TUI (ms)"),
    ("filtered_list_ms", "filtered list, a tenth of the library (ms)"),
    ("entity_page_first_ms", "entity page, first open (ms)"),
    ("entity_page_ms", "entity page (ms)"),
    ("cli_entity_ms", "`byline entity` (ms, process)"),
    ("entity_r_ms", "`r`: the entity's newest 2,000 stories (ms)"),
    ("entity_all_stories_ms", "every story of the entity (`entity:` term, ms)"),
    ("rss_mb", "resident memory after start + search (MB)"),
    ("disk_mb", "disk (MB)"),
]


def table(rows):
    """One column a size, and how each measure grows from one size to the next: the exponent k
    of time ~ stories^k (1 is linear; above 1.2 is flagged as super-linear)."""
    print("\n| measure | " + " | ".join(f"{r['stories']:,}" for r in rows) + " | growth exponent |")
    print("|---|" + "---:|" * (len(rows) + 1))
    for key, label in COLUMNS:
        values = [r.get(key, 0.0) for r in rows]
        exps = []
        for a, b in zip(rows, rows[1:]):
            va, vb = a.get(key, 0.0), b.get(key, 0.0)
            if va > 0 and vb > 0:
                exps.append(math.log(vb / va) / math.log(b["stories"] / a["stories"]))
        growth = ", ".join(f"{k:.2f}{' (super-linear)' if k > 1.2 else ''}" for k in exps)
        print(f"| {label} | " + " | ".join(f"{v:,.0f}" if v >= 100 else f"{v:,.1f}" for v in values) + f" | {growth} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("byline")
    ap.add_argument("source", type=Path)
    ap.add_argument("what", choices=["gen", "measure"])
    ap.add_argument("sizes", nargs="+")
    ap.add_argument("--work", type=Path, default=Path("/tmp/scale"))
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    for label in a.sizes:
        lib = a.work / label.lower()
        if a.what == "gen":
            gen(a.byline, a.source, lib, stories(label))
    if a.what == "measure":
        table([measure(a.byline, a.work / label.lower(), a.repeat) for label in a.sizes])


if __name__ == "__main__":
    main()
