#!/usr/bin/env python3
"""Does a bulletin say each thing once?  Checks the script of briefings.

For each briefing (default: every briefings/*.yaml), runs `newsbrief script
BRIEFING --json` and reports, over the words a listener hears:
  * headline share: the words of headline text (the headlines list, the
    recap, and any headline repeated in a transition) as a share of all
    spoken words (target: at most 20% with `headlines` and `recap` on);
  * sentences said twice outside the recap (target: none);
  * quotes whose words a lead sentence of the same story already said
    (target: none).
Exit status 1 when a target is missed, so it can guard a change.

Usage: bench/bulletin_checks.py [--bin PATH] [BRIEFING ...]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def words(s):
    return re.findall(r"[\w']+", s.lower())


def sentences(s):
    return [x.strip() for x in re.split(r"(?<=[.!?])\s+", s) if len(words(x)) >= 4]


def check(binary, briefing):
    out = subprocess.run([binary, "script", briefing, "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        print("%s: newsbrief script failed: %s" % (briefing, out.stderr.strip()))
        return False
    segs = json.loads(out.stdout)["segments"]
    total = sum(len(words(g["text"])) for g in segs)
    heads = [g for g in segs if g["kind"] == "headlines"]
    head_words = sum(len(words(g["text"])) for g in heads)
    # headline sentences (from the first headlines segment) heard again elsewhere
    head_sents = set()
    for g in heads:
        head_sents.update(" ".join(words(x)) for x in sentences(g["text"]))
    for g in segs:
        if g["kind"] == "transition":
            for x in sentences(g["text"]):
                if " ".join(words(x)) in head_sents:
                    head_words += len(words(x))
    seen, twice = set(), []
    recap_seen = False
    for g in segs:
        if g["kind"] == "headlines":
            if recap_seen:
                continue  # the recap repeats by design
            recap_seen = True
        for x in sentences(g["text"]):
            key = " ".join(words(x))
            if key in seen:
                twice.append(x)
            seen.add(key)
    quote_twice = []
    for i, g in enumerate(segs):
        if g["kind"] != "quote":
            continue
        q = " ".join(words(g["text"]))
        lead = " ".join(" ".join(words(h["text"])) for h in segs
                        if h["kind"] == "story" and h["story"] == g["story"])
        if q and q in lead:
            quote_twice.append(g["text"][:80])
    share = head_words / total if total else 0
    ok = share <= 0.20 and not twice and not quote_twice
    print("%s: %d words spoken, headline text %.1f%% (target <= 20%%), %d sentences said "
          "twice, %d quotes also in a lead%s" % (os.path.relpath(briefing, ROOT), total,
                                                  100 * share, len(twice), len(quote_twice),
                                                  "" if ok else "  <- MISSED"))
    for x in twice:
        print("   twice: %s" % x[:100])
    for x in quote_twice:
        print("   quote in lead: %s" % x)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("briefings", nargs="*")
    args = ap.parse_args()
    briefings = args.briefings or sorted(glob.glob(os.path.join(ROOT, "briefings", "*.yaml")))
    briefings = [b for b in briefings if not b.endswith("-lexicon.yaml")]
    ok = all([check(args.bin, b) for b in briefings])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
