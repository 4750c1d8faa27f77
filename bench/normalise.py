#!/usr/bin/env python3
"""Scores `newsbrief normalise` on the news classes of the NeMo English
text-normalisation tests, by what eSpeak NG says.

For each of the 291 cases of the classes cardinal, date, decimal, measure,
money, ordinal, range, roman, time, whitelist, fraction and telephone in
../shared/data/normalise/nemo-en/all_cases.tsv, the written form goes
through `newsbrief normalise --lang en-us` (NeMo is US English), and the
output and the reference spoken form are both phonemised with
`espeak-ng -q -x -v en-us`.  A case is "pronounced as the reference" when
the two phoneme strings are equal after this clean-up:

  * stress and syllable marks (' , ;), pauses (_ and _:) and word and
    clause boundaries (spaces, newlines) are removed: they depend on the
    phrase around a word, not on what is said;
  * the reference may equally say numbers with or without "and" ("one
    hundred and five" / "one hundred five", both fine in en-us): the case
    also passes against the reference with every "and" between two number
    words removed;
  * NeMo writes "AM" for a.m., which eSpeak NG itself misreads as the word
    "am": the reference's AM is respelled "A-M" before phonemising.

The eSpeak-NG-alone baseline phonemises the raw written form the same way.
Exact match compares our text with the reference text (case and spaces
ignored).  Speed: lines per second of `newsbrief normalise` on 10,000+ lines
of stdin (the 291 written forms repeated).

Usage: bench/normalise.py [--bin PATH] [--lang L] [--verbose] [--data DIR]
Exits 0 with a message when the data folder or espeak-ng is absent.
Never copy NeMo cases into the repository: fixtures are our own text.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "normalise", "nemo-en")
DEFAULT_BIN = os.path.join(ROOT, "build", "newsbrief")
CLASSES = ("cardinal", "date", "decimal", "measure", "money", "ordinal", "range", "roman",
           "time", "whitelist", "fraction", "telephone")

NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion quadrillion quintillion".split())
ORDINALS = set(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth "
    "thousandth millionth".split())


def load(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[0] in CLASSES:
                cases.append((parts[0], parts[1], parts[2]))
    return cases


def without_and(text):
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if (w.lower() == "and" and 0 < i < len(words) - 1
                and words[i - 1].lower() in NUMBER_WORDS
                and (words[i + 1].lower() in NUMBER_WORDS or words[i + 1].lower() in ORDINALS)):
            continue
        out.append(w)
    return " ".join(out)


def respell_reference(text):
    return re.sub(r"\bAM\b", "A-M", text)


def phonemise(texts, voice):
    """Phonemes of each text: one espeak-ng process per text (it joins
    lines otherwise), cached."""
    out = []
    for t in texts:
        r = subprocess.run(["espeak-ng", "-q", "-x", "-v", voice, t if t.strip() else "_"],
                           capture_output=True, text=True)
        out.append(clean(r.stdout))
    return out


def clean(ph):
    ph = ph.replace("_:", "").replace("_", "")
    return re.sub(r"[\s',;]", "", ph)


def normalise(binary, lang, lines):
    data = "".join(l.replace("\n", " ") + "\n" for l in lines)
    r = subprocess.run([binary, "normalise", "--lang", lang], input=data, capture_output=True,
                       text=True)
    if r.returncode != 0:
        sys.exit("newsbrief normalise failed: " + r.stderr.strip())
    out = r.stdout.split("\n")
    return out[:len(lines)]


def speed(binary, lang, written):
    lines = []
    while len(lines) < 10000:
        lines.extend(w for w in written)
    data = "".join(l + "\n" for l in lines)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "normalise", "--lang", lang], input=data, capture_output=True,
                       text=True, check=True)
        t = time.perf_counter() - start
        best = t if best is None or t < best else best
    return len(lines), len(lines) / best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--lang", default="en-us")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    tsv = os.path.join(args.data, "all_cases.tsv")
    if not os.path.exists(tsv):
        print("normalise bench: no data at %s, skipped" % args.data)
        return 0
    if not shutil.which("espeak-ng"):
        print("normalise bench: espeak-ng not installed, skipped")
        return 0
    if not os.path.exists(args.bin):
        sys.exit("no newsbrief at %s (build it first, or --bin)" % args.bin)
    voice = "en-us" if args.lang.lower().startswith("en-us") else "en-gb"
    cases = load(tsv)
    written = [w for _, w, _ in cases]
    ours = normalise(args.bin, args.lang, written)
    refs = [respell_reference(s) for _, _, s in cases]
    refs_noand = [without_and(r) for r in refs]
    ph_ours = phonemise(ours, voice)
    ph_raw = phonemise(written, voice)
    ph_ref = phonemise(refs, voice)
    ph_ref2 = phonemise(refs_noand, voice)
    stats = {c: [0, 0, 0, 0] for c in CLASSES}  # n, ours, baseline, exact
    for k, (cls, w, s) in enumerate(cases):
        st = stats[cls]
        st[0] += 1
        ok = ph_ours[k] in (ph_ref[k], ph_ref2[k])
        base = ph_raw[k] in (ph_ref[k], ph_ref2[k])
        exact = " ".join(ours[k].lower().split()) == " ".join(s.lower().split())
        st[1] += ok
        st[2] += base
        st[3] += exact
        if args.verbose and not ok:
            print("MISS %-10s %-32r -> %r\n%16s ref %r" % (cls, w, ours[k], "", s))
    print("%-10s %5s %16s %16s %10s" % ("class", "cases", "newsbrief", "eSpeak NG alone",
                                        "exact"))
    tot = [0, 0, 0, 0]
    for cls in CLASSES:
        n, ok, base, exact = stats[cls]
        tot = [a + b for a, b in zip(tot, stats[cls])]
        print("%-10s %5d %8d %5.0f%% %8d %5.0f%% %4d %4.0f%%" % (
            cls, n, ok, 100.0 * ok / n, base, 100.0 * base / n, exact, 100.0 * exact / n))
    n = tot[0]
    print("%-10s %5d %8d %5.1f%% %8d %5.1f%% %4d %4.0f%%" % (
        "total", n, tot[1], 100.0 * tot[1] / n, tot[2], 100.0 * tot[2] / n, tot[3],
        100.0 * tot[3] / n))
    lines, rate = speed(args.bin, args.lang, written)
    print("speed: %d lines in, %.0f lines/s (best of 3, whole process)" % (lines, rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
