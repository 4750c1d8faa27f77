#!/usr/bin/env python3
"""Every figure of the reading stage, in one run: sentence splitting
(English Golden Rules and the extra cases), boilerplate clean-up (AEB
pages), and quotes with their speakers (PolNeAR dev, direct quotes).

It runs bench/sentences.py, bench/boilerplate.py and bench/quotes.py in
turn, each against build/newsbrief, and prints what each prints.  Each
skips cleanly (exit 0 with a note) when its data under ../shared/data/ is
absent.

Usage: bench/reading.py [--bin PATH]
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = (
    ("sentences", "sentences.py"),
    ("boilerplate clean-up", "boilerplate.py"),
    ("quotes and speakers", "quotes.py"),
)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", help="the newsbrief binary (default build/newsbrief)")
    args = ap.parse_args()
    status = 0
    for title, script in PARTS:
        print("== %s (bench/%s)" % (title, script), flush=True)
        cmd = [sys.executable, os.path.join(HERE, script)]
        if args.bin:
            cmd += ["--bin", args.bin]
        rc = subprocess.call(cmd)
        if rc != 0:
            print("bench/%s failed with exit code %d" % (script, rc), flush=True)
            status = 1
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
