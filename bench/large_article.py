#!/usr/bin/env python3
"""A 50 MB article: read whole, and in time that grows linearly.

Makes a plain-text article of about 50 MB of prose (a headline, then one
two-sentence paragraph repeated), runs `newsbrief read` on it and checks
that every paragraph and sentence is in the JSON it prints (nothing cut
off, no crash).  It also reads a tenth of it, 5 MB, and checks that the
time grows about linearly: the 50 MB read may take at most 20 times as long
(10 times the bytes, with room for a loaded machine), and at most
--max-seconds in all.  Exit 1 on any failure.

This used to be a unit test (tests/test_article.c); it moved here because
its time depends on the machine and a loaded `ctest -j` timed it out.

Usage: bench/large_article.py [--bin PATH] [--mb N] [--max-seconds S]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HEADLINE = b"Tunnel opens"
FIRST = b"The harbour authority said the new tunnel would open in May."
SECOND = b"Traffic is expected to fall by a third."
PARAGRAPH = FIRST + b" " + SECOND


def make_article(path, size):
    """Writes the article at `path`, at most `size` bytes; returns its paragraphs."""
    unit = PARAGRAPH + b"\n\n"
    n = (size - len(HEADLINE) - 2) // len(unit)
    with open(path, "wb") as f:
        f.write(HEADLINE + b"\n\n")
        f.write(unit * n)
    return n


def read(binary, path):
    """(seconds, JSON output) of `newsbrief read path`; exits on failure."""
    start = time.perf_counter()
    r = subprocess.run([binary, "read", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit("large_article: read %s: exit %d: %s"
                 % (path, r.returncode, r.stderr.decode(errors="replace")[-300:]))
    return seconds, r.stdout


def check_whole(out, paragraphs, parse):
    """The problems found in the JSON of an article of `paragraphs` paragraphs."""
    problems = []
    if parse:
        doc = json.loads(out)
        if doc["headline"] != HEADLINE.decode():
            problems.append("headline %r" % doc["headline"])
        if len(doc["paragraphs"]) != paragraphs:
            problems.append("%d paragraphs, not %d" % (len(doc["paragraphs"]), paragraphs))
        if len(doc["sentences"]) != 2 * paragraphs:
            problems.append("%d sentences, not %d" % (len(doc["sentences"]), 2 * paragraphs))
        return problems
    # 50 MB of JSON is too much to parse for a check: count the strings.
    counts = {
        "paragraphs": (out.count(b'"' + PARAGRAPH + b'"'), paragraphs),
        "first sentences": (out.count(b'"' + FIRST + b'"'), paragraphs),
        "second sentences": (out.count(b'"' + SECOND + b'"'), paragraphs),
    }
    for what, (got, want) in counts.items():
        if got != want:
            problems.append("%d %s, not %d" % (got, what, want))
    if b'"headline": "Tunnel opens"' not in out and b'"headline":"Tunnel opens"' not in out:
        problems.append("no headline 'Tunnel opens'")
    if not out.rstrip().endswith(b"}"):
        problems.append("the JSON does not end")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--mb", type=int, default=50, help="size of the article (default 50)")
    ap.add_argument("--max-seconds", type=float, default=120.0,
                    help="longest the large read may take (default 120)")
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        sys.exit("large_article: no binary at %s (build first)" % a.bin)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        small, large = os.path.join(tmp, "small.txt"), os.path.join(tmp, "large.txt")
        n_small = make_article(small, (a.mb << 20) // 10)
        n_large = make_article(large, a.mb << 20)
        t_small, out = read(a.bin, small)
        problems = check_whole(out, n_small, parse=True)
        t_large, out = read(a.bin, large)
        problems += check_whole(out, n_large, parse=False)
        size = os.path.getsize(large)
    print("newsbrief read, %.1f MB article (%d paragraphs): %.2f s, %.1f MB/s"
          % (size / 1e6, n_large, t_large, size / 1e6 / t_large))
    print("  a tenth of it: %.2f s; ratio %.1f (linear: about 10, at most 20)"
          % (t_small, t_large / t_small))
    for p in problems:
        print("  NOT READ WHOLE: %s" % p)
        failed = True
    if t_large / t_small > 20:
        print("  NOT LINEAR: %.1f times the time for 10 times the bytes" % (t_large / t_small))
        failed = True
    if t_large > a.max_seconds:
        print("  TOO SLOW: %.1f s, more than %.0f s" % (t_large, a.max_seconds))
        failed = True
    print("  %s" % ("FAILED" if failed else "ok: read whole, in linear time"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
