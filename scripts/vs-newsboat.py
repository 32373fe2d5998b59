#!/usr/bin/env python3
"""byline and newsboat side by side on the same stories, in one run (issue 20's table).

Builds FEEDS RSS files of ITEMS items each from a folder of .txt articles (title on the first
line, as ../shared/data/articles/bbc-en), then measures both readers on them:

  cold ingest   newsboat `-x reload` over loopback HTTP / `byline index` of the files
  warm start    tmux at 120x40: from launching to the first frame showing the feeds/stories
  TUI search    `/WORD` Enter to the results on screen
  memory        resident set (VmRSS) of the reader after start and search, 3 s later
  disk          newsboat's cache file / byline's data folder

Timed steps run REPEAT times (median shown); tmux is polled every few milliseconds, so the
timings include up to one poll interval. Usage (see scripts/vs-newsboat.sh, which installs
newsboat and builds byline first):

  scripts/vs-newsboat.py BYLINE_BIN SOURCE_DIR [--feeds 10] [--items 10000] [--work DIR] [--reuse]
"""

import argparse
import email.utils
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

POLL = 0.005


def articles(source: Path):
    """(title, body) of every .txt article under `source`, in a stable order."""
    out = []
    for path in sorted(source.rglob("*.txt")):
        if path.name.upper() in ("README.TXT", "SOURCE.TXT"):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace").strip()
        title, _, body = text.partition("\n")
        if title.strip() and body.strip():
            out.append((title.strip(), body.strip()))
    if not out:
        sys.exit(f"no .txt articles under {source}")
    return out


def write_feeds(source: Path, folder: Path, feeds: int, items: int):
    """FEEDS RSS 2.0 files; every item distinct (numbered title, guid, date an hour apart)."""
    pool = articles(source)
    folder.mkdir(parents=True, exist_ok=True)
    start = time.time()
    n = 0
    for f in range(feeds):
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
            f"<title>Bench feed {f + 1}</title><link>http://127.0.0.1/feed{f + 1}</link>"
            f"<description>generated from {escape(source.name)}</description>",
        ]
        for i in range(items):
            title, body = pool[n % len(pool)]
            date = email.utils.formatdate(start - n * 3600, usegmt=True)
            paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
            parts.append(
                f"<item><title>{escape(title)} ({n + 1})</title>"
                f"<link>http://127.0.0.1/story/{n + 1}</link><guid isPermaLink=\"false\">bench-{n + 1}</guid>"
                f"<pubDate>{date}</pubDate><description>{escape(paras)}</description></item>"
            )
            n += 1
        parts.append("</channel></rss>\n")
        (folder / f"feed{f + 1}.xml").write_text("".join(parts), encoding="utf-8")


def serve(folder: Path):
    """A loopback HTTP server for the feed files, on a free port; returns its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(folder), **k)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def timed(cmd, env=None):
    """Wall seconds, and what the command printed on stderr."""
    t = time.perf_counter()
    done = subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - t, done.stderr


def searchable_after(stderr: str, total: float) -> float:
    """When `byline index` said the library was searchable (the entities are extracted after)."""
    found = re.search(r"searchable after ([0-9.]+) s", stderr)
    return float(found.group(1)) if found else total


def tmux(*args):
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, predicate, timeout=600.0):
    """Seconds until the pane satisfies `predicate`, polling."""
    t = time.perf_counter()
    while time.perf_counter() - t < timeout:
        screen = tmux("capture-pane", "-p", "-t", session)
        if predicate(screen):
            return time.perf_counter() - t
        time.sleep(POLL)
    raise TimeoutError(f"{session}: the expected screen never came:\n{screen}")


def rss_kb(session: str) -> int:
    pid = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def session_run(name, cmd, env, ready, search_keys, searched):
    """Starts `cmd` in tmux, returns (start s, search s, rss KB) and quits it."""
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    envs = [f"{k}={v}" for k, v in env.items()]
    t = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "env", *envs, *cmd], check=True)
    wait_for(name, ready)
    start = time.perf_counter() - t  # from the launch
    for keys in search_keys[:-1]:
        tmux("send-keys", "-t", name, "-l", keys)
    time.sleep(0.2)  # the query typed; time from Enter
    t = time.perf_counter()
    tmux("send-keys", "-t", name, search_keys[-1])
    search = wait_for(name, searched)
    # The resident set once whatever the reader still loads in the background (byline reads
    # the rest of a large list after its first frame) is in.
    time.sleep(3)
    rss = rss_kb(name)
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    return start, search, rss


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("byline")
    ap.add_argument("source", type=Path)
    ap.add_argument("--feeds", type=int, default=10)
    ap.add_argument("--items", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--word", default="Yukos")
    ap.add_argument("--work", type=Path)
    ap.add_argument("--reuse", action="store_true", help="keep the libraries of an earlier run in --work (no ingest)")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="vs-newsboat-"))
    feeds = work / "feeds"
    if not (feeds / f"feed{a.feeds}.xml").exists():
        shutil.rmtree(feeds, ignore_errors=True)
        write_feeds(a.source, feeds, a.feeds, a.items)
    base = serve(feeds)
    total = a.feeds * a.items
    print(f"{a.feeds} feeds x {a.items} items = {total} stories in {work}", flush=True)

    nb = work / "newsboat"
    byl = work / "byline"
    (nb / "urls").parent.mkdir(parents=True, exist_ok=True)
    if not (a.reuse and (nb / "urls").exists()):
        # Reused: newsboat's cache knows its feeds by the addresses of the run that made it.
        (nb / "urls").write_text("".join(f"{base}/feed{i + 1}.xml\n" for i in range(a.feeds)))
    (nb / "config").write_text("reload-threads 2\nshow-read-feeds yes\nmax-items 0\n")
    nb_cmd = ["newsboat", "-u", str(nb / "urls"), "-c", str(nb / "cache.db"), "-C", str(nb / "config")]
    byl_env = {"BYLINE_DATA_DIR": str(byl / "data"), "BYLINE_CONFIG_DIR": str(byl / "config")}

    rows = {}
    ingest_nb, searchable_byl, ingest_byl = [], [], []
    for _ in range(0 if a.reuse else a.repeat):
        for f in (nb / "cache.db", nb / "cache.db.lock"):
            f.unlink(missing_ok=True)
        ingest_nb.append(timed(nb_cmd + ["-x", "reload"])[0])
        shutil.rmtree(byl, ignore_errors=True)
        (byl / "config").mkdir(parents=True)
        took, said = timed([a.byline, "index", str(feeds)], env={**os.environ, **byl_env})
        ingest_byl.append(took)
        searchable_byl.append(searchable_after(said, took))
    if not a.reuse:
        nb_ingest = statistics.median(ingest_nb)
        rows["cold ingest until searchable (s)"] = (nb_ingest, statistics.median(searchable_byl))
        rows["cold ingest, byline's entities included (s)"] = (nb_ingest, statistics.median(ingest_byl))
        # Said now too: the tmux steps that follow may fail on a busy machine.
        print(f"ingest: newsboat {ingest_nb}, byline searchable {searchable_byl}, all {ingest_byl}", flush=True)

    word = a.word
    # Sessions named after this run: other runs on the same tmux server keep theirs.
    nb_session, byl_session = f"vs-nb-{os.getpid()}", f"vs-byl-{os.getpid()}"
    nb_runs = [
        session_run(
            nb_session, nb_cmd, {}, lambda s: "Bench feed 1" in s, ["/", word, "Enter"], lambda s: "Search result" in s
        )
        for _ in range(a.repeat)
    ]
    byl_runs = [
        session_run(
            byl_session,
            [a.byline, str(feeds)],
            byl_env,
            # The list's title ("Stories 1/100000"): the list is drawn. A "(N)" anywhere, as
            # before, also matched a number in the first story's text, drawn later.
            lambda s: re.search(r"Stories \d+/\d+", s) is not None,
            ["/", word, "Enter"],
            lambda s: "match" in s,
        )
        for _ in range(a.repeat)
    ]
    for i, label in enumerate(["warm start to first frame (s)", f"search {word!r} in the TUI (s)"]):
        rows[label] = (statistics.median(r[i] for r in nb_runs), statistics.median(r[i] for r in byl_runs))
    rows["resident memory after start + search, settled (MB)"] = (
        statistics.median(r[2] for r in nb_runs) / 1024,
        statistics.median(r[2] for r in byl_runs) / 1024,
    )
    rows["on disk (MB)"] = (size(nb / "cache.db") / 1e6, size(byl / "data") / 1e6)

    print(f"\n| measure ({total} stories, median of {a.repeat}) | newsboat | byline | byline / newsboat |")
    print("|---|---:|---:|---:|")
    for label, (n, b) in rows.items():
        print(f"| {label} | {n:,.3f} | {b:,.3f} | {b / n:.2f}x |" if n else f"| {label} | {n} | {b} | - |")


if __name__ == "__main__":
    main()
