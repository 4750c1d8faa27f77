#!/usr/bin/env python3
"""HTML reader benchmark: newsbrief's article extraction on whole web pages.

For each page of the article-extraction-benchmark copy in
../shared/data/boilerplate/aeb that has a page (html/<id>.html.gz) and a
gold body (gold/<id>.txt), gunzips the page to a temporary .html file, runs
`newsbrief read FILE`, joins the returned paragraphs with newlines and
scores them against the gold body with the benchmark's token 4-gram
shingle precision/recall/F1 (evaluate.py: each page weighs 1, mean over
pages).  A page newsbrief fails to read scores 0 and is listed.

Reported: all pages, the English subset (index.tsv lang_guess == 'en'),
and an A/B split by sorted id (first half: tuning; second half: check).

--speed times the reading instead: every page read --runs times by
`newsbrief read` (which also runs the quote stage and writes JSON),
process start-up included, and the same for a tiny page (the start-up
alone), in pages per second of CPU time (one core).

usage: bench/html.py [--bin PATH] [--data DIR] [--worst N] [--show ID]
       bench/html.py --speed [--runs N]
"""
import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shingles import prf, shingles, tokens  # noqa: E402  (the benchmark's metric)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_page(binary, path):
    r = subprocess.run([binary, "read", path], capture_output=True, timeout=60)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace").strip()
    return json.loads(r.stdout), None


def page_ids(data):
    lang = {}
    with open(os.path.join(data, "index.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            lang[cols[0]] = cols[2]
    ids = sorted(x[:-len(".html.gz")] for x in os.listdir(os.path.join(data, "html"))
                 if x.endswith(".html.gz"))
    ids = [i for i in ids if os.path.exists(os.path.join(data, "gold", i + ".txt"))]
    return ids, lang


def unpack(data, ids, tmp):
    paths = {}
    for pid in ids:
        path = os.path.join(tmp, pid + ".html")
        with gzip.open(os.path.join(data, "html", pid + ".html.gz"), "rb") as src, \
                open(path, "wb") as dst:
            shutil.copyfileobj(src, dst)
        paths[pid] = path
    return paths


def mean(rows, k):
    return sum(r[k] for r in rows) / len(rows) if rows else 0.0


def line(label, rows):
    return (f"{label:<22} n={len(rows):<3} F1 {mean(rows, 0):.3f}  "
            f"P {mean(rows, 1):.3f}  R {mean(rows, 2):.3f}")


def accuracy(args, ids, lang, paths):
    rows, failures = {}, []
    for pid in ids:
        with open(os.path.join(args.data, "gold", pid + ".txt"), encoding="utf-8") as f:
            gold = f.read()
        doc, err = read_page(args.newsbrief, paths[pid])
        body = "\n".join(doc["paragraphs"]) if doc else ""
        if err:
            failures.append((pid, err))
        p, r, f1 = prf(body, gold)
        rows[pid] = (f1, p, r)
        if args.show and pid.startswith(args.show):
            print(json.dumps(doc, indent=1, ensure_ascii=False) if doc else err)
    half = len(ids) // 2
    print("metric: token 4-gram shingle F1 / precision / recall, mean over pages")
    print(line("all pages", list(rows.values())))
    print(line("English (lang 'en')", [rows[i] for i in ids if lang.get(i) == "en"]))
    print(line("A: first half by id", [rows[i] for i in ids[:half]]))
    print(line("B: second half by id", [rows[i] for i in ids[half:]]))
    print(f"failures (F1 0): {len(failures)}")
    for pid, err in failures:
        print(f"  {pid[:12]}  {err}")
    for pid in sorted(rows, key=lambda i: rows[i])[:args.worst]:
        f1, p, r = rows[pid]
        print(f"  {f1:.3f}  P {p:.3f}  R {r:.3f}  {'A' if pid in ids[:half] else 'B'} {pid}")


def speed(args, ids, paths, tmp):
    tiny = os.path.join(tmp, "tiny.html")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write("<!doctype html><title>T</title><p>One short sentence of prose here.</p>\n")
    size = sum(os.path.getsize(paths[i]) for i in ids)

    def timed(files):
        # CPU time of the children (user + system): one core's work, whatever
        # else the machine is running
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for _ in range(args.runs):
            for path in files:
                subprocess.run([args.newsbrief, "read", path], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    pages = [paths[i] for i in ids]
    t_pages = timed(pages)
    t_tiny = timed([tiny] * len(pages))
    n = len(pages) * args.runs
    print(f"pages: {len(pages)} x {args.runs} runs, {size / len(pages) / 1024:.0f} KiB a page")
    print(f"newsbrief read, start-up included: {n / t_pages:.1f} pages/s "
          f"({t_pages / n * 1000:.2f} ms a page)")
    print(f"start-up alone (a tiny page):      {t_tiny / n * 1000:.2f} ms")
    reading = max(t_pages - t_tiny, 1e-9)
    print(f"reading alone (difference):        {n / reading:.1f} pages/s "
          f"({reading / n * 1000:.2f} ms a page)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", "--newsbrief", dest="newsbrief",
                    default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data",
                                                     "boilerplate", "aeb"))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with lowest F1")
    ap.add_argument("--show", default="", help="print newsbrief's JSON for pages with this id prefix")
    ap.add_argument("--speed", action="store_true", help="time the reading instead")
    ap.add_argument("--runs", type=int, default=3, help="--speed: runs over all pages")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"html: data folder {args.data} not found: skipped")
        return 0
    if not os.access(args.newsbrief, os.X_OK):
        print(f"html: {args.newsbrief} is not built: skipped")
        return 0
    ids, lang = page_ids(args.data)
    with tempfile.TemporaryDirectory(prefix="nb-html-") as tmp:
        paths = unpack(args.data, ids, tmp)
        if args.speed:
            speed(args, ids, paths, tmp)
        else:
            accuracy(args, ids, lang, paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
