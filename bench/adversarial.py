#!/usr/bin/env python3
"""Worst-case inputs against the same size of plain prose.

Each parser should stay linear: a crafted article or line must cost about
what the same number of bytes of news prose costs.  For each shape below
(about 400 KB each) this times `newsbrief read` or `newsbrief normalise`
and prints the ratio to prose of the same size, run side by side.  A
ratio over 20 is reported as a failure (exit 1).  The shapes are the ones
that were once quadratic: runs of address characters ("a.a.a..."),
hyphen chains, many caption credits on one line, many unclosed Markdown
comments.

Usage: bench/adversarial.py [--bin PATH] [--kb N]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROSE = ("The council said on Monday that the harbour plan, delayed twice, would go "
         "ahead in the spring. \"We are pleased,\" said Ann Reed, a local councillor. ")


def timed(cmd, path):
    best = None
    for _ in range(3):
        with open(path, "rb") as f:
            start = time.perf_counter()
            r = subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            t = time.perf_counter() - start
        if r.returncode not in (0, 2):
            sys.exit("%s failed on %s: %s" % (" ".join(cmd), path, r.stderr.decode()[-300:]))
        best = t if best is None or t < best else best
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--kb", type=int, default=400)
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit("adversarial.py: no binary at %s (build first)" % args.bin)
    n = args.kb * 1024

    def fill(unit):
        return (unit * (n // len(unit) + 1))[:n]

    cases = [
        ("normalise", "prose", fill(PROSE), None),
        ("normalise", "address characters a.a.a...", fill("a."), "prose"),
        ("normalise", "hyphen chain ab-ab-...", "Call it " + fill("ab-") + " today.", "prose"),
        ("read", "prose", "Head\n\n" + fill(PROSE), None),
        ("read", "caption credits on one line", "Head\n\nLook " + fill("(Photo:") + " a b c d e f g h i j.", "prose"),
        ("read-md", "prose", "---\ntitle: T\n---\n\n" + fill(PROSE), None),
        ("read-md", "unclosed comments", "---\ntitle: T\n---\n\nSome text " + fill("<!-- ") + " end.", "prose"),
    ]
    base = {}
    worst = 0.0
    with tempfile.TemporaryDirectory() as d:
        for i, (mode, name, text, against) in enumerate(cases):
            path = os.path.join(d, "case%d.%s" % (i, "md" if mode == "read-md" else "txt"))
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + "\n")
            cmd = [args.bin, "normalise"] if mode == "normalise" else [args.bin, "read", path]
            t = timed(cmd, path)
            if against is None:
                base[mode] = t
                print("%-9s %-32s %7.3f s  (baseline)" % (mode, name, t))
            else:
                ratio = t / base[mode]
                worst = max(worst, ratio)
                print("%-9s %-32s %7.3f s  %5.1fx prose" % (mode, name, t, ratio))
    print("worst ratio %.1fx (limit 20x)" % worst)
    return 0 if worst <= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
