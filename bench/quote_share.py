#!/usr/bin/env python3
"""The quote stage's share of `newsbrief read`, counted in instructions.

Runs `newsbrief read FILE` under valgrind's callgrind for each article
given (default: the project's own sample articles, and the three longest
PolNeAR dev texts when ../shared/data is present) and prints, per article
and in total, the instructions spent inside nb_quotes_find (the quote and
speaker stage, inclusive) against those of main() (the run after the
dynamic loader) and of the whole process.  Instruction counts do not
depend on the machine's load, so the figure is stable on a noisy machine.

Target (issue 11): the quote stage takes at most a third of `read`.

Usage: bench/quote_share.py [--bin PATH] [FILE ...]
Skips cleanly (exit 0 with a note) when valgrind or callgrind_annotate is
missing.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def inclusive(out_file):
    """function name -> inclusive instructions, from callgrind_annotate."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out_file],
                          capture_output=True, text=True, check=True).stdout
    totals = {}
    total = None
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([\s\d.]+%\)\s+(\S.*)$", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        what = m.group(2)
        if what.startswith("PROGRAM TOTALS"):
            total = n
            continue
        fn = what.split(":")[-1].split(" ")[0]
        totals[fn] = max(totals.get(fn, 0), n)
    return total, totals


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        print("quote_share: valgrind is not installed; skipped")
        return 0
    files = args.files
    if not files:
        files = sorted(glob.glob(os.path.join(ROOT, "briefings", "articles", "*.txt")))
        dev = os.path.join(ROOT, "..", "shared", "data", "quotes", "polnear", "dev", "text")
        if os.path.isdir(dev):
            files += sorted(glob.glob(os.path.join(dev, "*.txt")), key=os.path.getsize)[-3:]
    sums = [0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            out = os.path.join(tmp, "cg.out")
            subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                            args.bin, "read", f], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            total, fns = inclusive(out)
            q, m = fns.get("nb_quotes_find", 0), fns.get("main", 0)
            sums[0] += q
            sums[1] += m
            sums[2] += total or 0
            print("%-48s quotes %5.1f%% of main, %5.1f%% of the process" %
                  (os.path.basename(f)[:48], 100.0 * q / max(m, 1), 100.0 * q / max(total or 1, 1)))
    print("all %d articles: quote stage %.1f%% of main (target <= 33.3%%), %.1f%% of the "
          "whole process" % (len(files), 100.0 * sums[0] / max(sums[1], 1),
                             100.0 * sums[0] / max(sums[2], 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
