#!/usr/bin/env python3
"""Clean-up recall on text with no furniture: every sentence removed is a loss.

Runs `newsbrief read` on news articles that are clean already (headline on
the first line, then the story): a sample of the BBC News Summary articles
in ../shared/data/summaries/bbc/articles (spread evenly over its five
categories) and the PolNeAR article texts in
../shared/data/quotes/polnear/{dev,train}/text.  For each article it
reports the share of body tokens kept (a paragraph kept whole counts all its
tokens; one cut counts the share of its token 4-grams still in the output)
and whether any paragraph lost anything.  A wire dateline taken off the lead
("FLINT, Mich., Oct. 4 (UPI) - ") and a byline line ("By Jo Bloggs") are
not counted: they are furniture even here.

usage: bench/cleanup_recall.py [--newsbrief PATH] [--per-category N]
                               [--polnear N] [--worst N] [--show N]
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shingles import tokens  # noqa: E402  (the benchmark's tokens)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")


def token_shingles(t, n=4):
    if len(t) < n:
        return {tuple(t)} if t else set()
    return {tuple(t[i:i + n]) for i in range(len(t) - n + 1)}


BYLINE = re.compile(r"^\s*(by|from)\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,4}\s*$", re.I)


def body_paragraphs(text):
    parts = text.split("\n", 1)
    body = parts[1] if len(parts) > 1 else ""
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def score(binary, path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    paras = body_paragraphs(text)
    r = subprocess.run([binary, "read", path], capture_output=True, timeout=60)
    if r.returncode != 0:
        return None
    doc = json.loads(r.stdout)
    out = tokens("\n".join(doc["paragraphs"]))
    out_str = " " + " ".join(out) + " "
    out_sh = token_shingles(out)
    removed = [tokens(x) for x in doc.get("removed", [])]
    total = kept = 0
    lost = []
    for k, p in enumerate(paras):
        t = tokens(p)
        # separators ("___") and bylines are no sentences
        if not t or BYLINE.match(p) or not re.search(r"[^\W\d_]", p):
            continue
        # a dateline taken off the lead is furniture
        for rm in removed:
            if k < 2 and rm and t[:len(rm)] == rm and len(rm) < len(t):
                t = t[len(rm):]
                break
        total += len(t)
        if " " + " ".join(t) + " " in out_str:
            kept += len(t)
            continue
        sh = token_shingles(t)
        share = len(sh & out_sh) / len(sh) if sh else 1.0
        kept += share * len(t)
        lost.append((share, p))
    return total, kept, lost


def sample(args):
    files = []
    bbc = os.path.join(DATA, "summaries", "bbc", "articles")
    if os.path.isdir(bbc):
        for cat in sorted(os.listdir(bbc)):
            names = sorted(os.listdir(os.path.join(bbc, cat)))
            step = max(1, len(names) // args.per_category)
            files += [("bbc", os.path.join(bbc, cat, x)) for x in names[::step][:args.per_category]]
    pol = os.path.join(DATA, "quotes", "polnear")
    names = []
    for part in ("dev", "train"):
        d = os.path.join(pol, part, "text")
        if os.path.isdir(d):
            names += [os.path.join(d, x) for x in sorted(os.listdir(d))]
    step = max(1, len(names) // args.polnear) if args.polnear else 0
    if step:
        files += [("polnear", x) for x in names[::step][:args.polnear]]
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", "--newsbrief", dest="newsbrief",
                    default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--per-category", type=int, default=100, help="BBC articles per category")
    ap.add_argument("--polnear", type=int, default=1000, help="PolNeAR articles")
    ap.add_argument("--worst", type=int, default=10, help="list the N articles that lost most")
    ap.add_argument("--show", type=int, default=0, help="print the lost paragraphs of N articles")
    args = ap.parse_args()
    if not os.access(args.newsbrief, os.X_OK):
        print(f"cleanup_recall: {args.newsbrief} is not built: skipped")
        return 0
    files = sample(args)
    if not files:
        print("cleanup_recall: no data found: skipped")
        return 0
    stats = {}
    rows = []
    for src, path in files:
        res = score(args.newsbrief, path)
        s = stats.setdefault(src, [0, 0.0, 0, 0, 0])
        s[4] += 1
        if res is None:
            s[3] += 1
            continue
        total, kept, lost = res
        s[0] += total
        s[1] += kept
        s[2] += bool(lost)
        if lost:
            rows.append((total - kept, src, path, lost))
    print("clean news: share of body tokens kept (paragraphs whole; cut ones by 4-gram share)")
    for src, (total, kept, losers, fails, n) in stats.items():
        share = kept / total if total else 1.0
        print(f"  {src:8s} {n:4d} articles  kept {share:.4f}  "
              f"articles that lost text {losers} ({losers / n:.1%})  failures {fails}")
    rows.sort(key=lambda r: -r[0])
    for loss, src, path, lost in rows[:args.worst]:
        print(f"  -{loss:6.1f} tokens  {os.path.relpath(path, DATA)}")
    for loss, src, path, lost in rows[:args.show]:
        print(f"\n== {os.path.relpath(path, DATA)}")
        for share, p in lost:
            print(f"  [{share:.2f}] {p[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
