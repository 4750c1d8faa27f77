#!/usr/bin/env python3
"""Scores the summariser with ROUGE-1/2/L F1 on the BBC News Summary data.

For every article of ../shared/data/summaries/bbc/articles/<category>/NNN.txt
(the reference is summaries/<category>/NNN.txt) it compares two systems, both
picking the same number of sentences (3 by default):

    lead-N      the first N sentences of the body (the text after the
                headline line), split by `newsbrief sentences`
    newsbrief   the lead sentences of `newsbrief summarise --sentences N --json`

and prints the mean ROUGE-1, ROUGE-2 and ROUGE-L F1 of each.  Tokens are
lower-case runs of letters and digits (the reference summaries join their
sentences without a space; this tokenisation is indifferent to that).
ROUGE-L is the summary-level longest common subsequence of the token lists.
This is a simple unstemmed implementation, not the official ROUGE-1.5.5
script: compare systems with it, not with published figures.

Usage: bench/rouge.py [--bin PATH] [--data DIR] [--sentences N] [--limit K]
Exits 0 when the data folder is absent (it lives outside the repository,
and must never be copied into it).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "summaries", "bbc")
DEFAULT_BIN = os.path.join(ROOT, "build", "newsbrief")
TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text):
    return TOKEN.findall(text.lower())


def ngrams(toks, n):
    counts = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n])
        counts[g] = counts.get(g, 0) + 1
    return counts


def f1(overlap, ncand, nref):
    if not ncand or not nref or not overlap:
        return 0.0
    p, r = overlap / ncand, overlap / nref
    return 2 * p * r / (p + r)


def rouge_n(cand, ref, n):
    c, r = ngrams(cand, n), ngrams(ref, n)
    overlap = sum(min(v, r.get(g, 0)) for g, v in c.items())
    return f1(overlap, sum(c.values()), sum(r.values()))


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def scores(cand_text, ref_text):
    cand, ref = tokens(cand_text), tokens(ref_text)
    return (rouge_n(cand, ref, 1), rouge_n(cand, ref, 2), f1(lcs(cand, ref), len(cand), len(ref)))


def run(cmd, data=None):
    proc = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=600)
    if proc.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd[:2]), proc.returncode,
                                                proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8", "replace")


def lead_baseline(binary, path, n):
    with open(path, "rb") as f:
        raw = f.read()
    body = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    out = run([binary, "sentences"], body)
    return " ".join([s for s in out.split("\n") if s.strip()][:n])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="at most K articles per category")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "articles")):
        print("rouge: no data in %s, skipped" % args.data)
        return 0
    if not os.access(args.bin, os.X_OK):
        print("rouge: %s is not built" % args.bin, file=sys.stderr)
        return 1

    totals = {"lead-%d" % args.sentences: [0.0, 0.0, 0.0], "newsbrief": [0.0, 0.0, 0.0]}
    count = 0
    cats = sorted(os.listdir(os.path.join(args.data, "articles")))
    for cat in cats:
        adir = os.path.join(args.data, "articles", cat)
        names = sorted(n for n in os.listdir(adir) if n.endswith(".txt"))
        if args.limit:
            names = names[:args.limit]
        paths = [os.path.join(adir, n) for n in names]
        out = run([args.bin, "summarise", "--sentences", str(args.sentences), "--json"] + paths)
        ours = {os.path.basename(o["file"]): " ".join(l["text"] for l in o["lead"])
                for o in json.loads(out)}
        for name, path in zip(names, paths):
            with open(os.path.join(args.data, "summaries", cat, name), encoding="utf-8") as f:
                ref = f.read()
            for system, text in (("lead-%d" % args.sentences,
                                  lead_baseline(args.bin, path, args.sentences)),
                                 ("newsbrief", ours[name])):
                for i, v in enumerate(scores(text, ref)):
                    totals[system][i] += v
            count += 1
    print("articles: %d (%s), %d sentences per summary" % (count, ", ".join(cats), args.sentences))
    print("%-10s %8s %8s %8s" % ("system", "ROUGE-1", "ROUGE-2", "ROUGE-L"))
    for system, t in totals.items():
        print("%-10s %8.4f %8.4f %8.4f" % (system, t[0] / count, t[1] / count, t[2] / count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
