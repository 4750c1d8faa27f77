#!/usr/bin/env python3
"""Boilerplate removal benchmark: newsbrief's clean-up on whole-page text.

For each page of the article-extraction-benchmark copy in
../shared/data/boilerplate/aeb that has a gold body and is English
(index.tsv lang_guess == 'en'), feeds fulltext/<id>.txt to
`newsbrief read` (behind a dummy headline line, so that the page's own
first line is body text like the rest), joins the returned paragraphs and
scores them against gold/<id>.txt with the benchmark's token 4-gram
shingle precision/recall/F1, mean over pages.  The no-cleaning baseline is
the fulltext itself scored the same way.  The pages are also scored in two
halves, A and B (ids sorted, first half / second half), so that a change
tuned on one half can be checked on the other; --all adds the pages that
are not English.  --dump DIR writes each page's output there.

usage: bench/boilerplate.py [--newsbrief PATH] [--data DIR] [--worst N] [--all]
                            [--half A|B] [--dump DIR]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shingles import prf, shingles, tokens  # noqa: E402  (the benchmark's metric)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_newsbrief(binary, fulltext):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as f:
        f.write("Benchmark page\n\n")
        f.write(fulltext)
        path = f.name
    try:
        r = subprocess.run([binary, "read", path], capture_output=True, timeout=60)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        return "", r.stderr.decode("utf-8", "replace").strip()
    doc = json.loads(r.stdout)
    return "\n".join(doc["paragraphs"]), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", "--newsbrief", dest="newsbrief",
                    default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data",
                                                     "boilerplate", "aeb"))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with lowest F1")
    ap.add_argument("--all", action="store_true", help="also score the pages that are not English")
    ap.add_argument("--half", choices=("A", "B"), help="score only one half of the pages")
    ap.add_argument("--dump", help="write each page's output to DIR/<id>.txt")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"boilerplate: data folder {args.data} not found: skipped")
        return 0
    if not os.access(args.newsbrief, os.X_OK):
        print(f"boilerplate: {args.newsbrief} is not built: skipped")
        return 0
    lang = {}
    with open(os.path.join(args.data, "index.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            lang[cols[0]] = cols[2]
    ids = sorted(x[:-4] for x in os.listdir(os.path.join(args.data, "gold"))
                 if x.endswith(".txt"))
    if not args.all:
        ids = [i for i in ids if lang.get(i) == "en"]
    half = {pid: ("A" if k < (len(ids) + 1) // 2 else "B") for k, pid in enumerate(ids)}
    if args.half:
        ids = [i for i in ids if half[i] == args.half]
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
    base, ours, failures, rows = [], [], 0, []
    for pid in ids:
        with open(os.path.join(args.data, "gold", pid + ".txt"), encoding="utf-8") as f:
            gold = f.read()
        with open(os.path.join(args.data, "fulltext", pid + ".txt"), encoding="utf-8") as f:
            full = f.read()
        base.append(prf(full, gold))
        body, err = run_newsbrief(args.newsbrief, full)
        if err:
            failures += 1
        if args.dump:
            with open(os.path.join(args.dump, pid + ".txt"), "w", encoding="utf-8") as f:
                f.write(body + "\n")
        ours.append(prf(body, gold))
        rows.append((ours[-1][2], ours[-1][0], ours[-1][1], half[pid] + " " + pid))

    def mean(v, k):
        return sum(x[k] for x in v) / len(v) if v else 0.0

    which = "pages with gold" if args.all else "English pages with gold (index.tsv lang_guess == 'en')"
    print(f"pages: {len(ids)} {which}; newsbrief failures: {failures}")
    print("metric: token 4-gram shingle precision / recall / F1, mean over pages")
    print(f"no cleaning  F1 {mean(base, 2):.3f}  P {mean(base, 0):.3f}  R {mean(base, 1):.3f}")
    print(f"newsbrief    F1 {mean(ours, 2):.3f}  P {mean(ours, 0):.3f}  R {mean(ours, 1):.3f}")
    for h in ("A", "B"):
        sel = [k for k, pid in enumerate(ids) if half[pid] == h]
        if not sel or args.half:
            continue
        hb, ho = [base[k] for k in sel], [ours[k] for k in sel]
        print(f"  half {h} ({len(sel)} pages)  F1 {mean(ho, 2):.3f}  P {mean(ho, 0):.3f}  "
              f"R {mean(ho, 1):.3f}   (no cleaning F1 {mean(hb, 2):.3f})")
    for f1, p, r, pid in sorted(rows)[:args.worst]:
        print(f"  {f1:.3f}  P {p:.3f}  R {r:.3f}  {pid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
