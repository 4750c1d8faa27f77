#!/usr/bin/env python3
"""Every user-visible output of newsbrief, written into one folder, so that a
change meant to keep behaviour (a restructuring) can be checked with
`diff -r BEFORE AFTER`.

It runs the command on the example briefing, the test fixtures, the sample
articles and, when present, the public data under ../shared/data/: `read`,
`summarise --json`, `sentences`, `normalise` (en-gb, en-us, --explain),
`script` (text and JSON) and `script` of every fixture briefing, `build` and
`speak` (the MD5 of the audio), every `--help`, and the message and exit
status of every failure.  Nothing is compared here: run it with the old
binary and the new one into two folders and diff them.

Usage: bench/snapshot.py OUT_DIR [--bin PATH] [--quick]
  --quick   leave out the public data (about 2,400 articles) and the audio
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")


def run(binary, args, stdin=None, cwd=ROOT):
    p = subprocess.run([binary] + args, input=stdin, capture_output=True, cwd=cwd,
                       env=dict(os.environ, TZ="UTC"))
    return p.returncode, p.stdout, p.stderr


def record(out, name, result):
    code, stdout, stderr = result
    path = os.path.join(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"exit %d\n--- stdout\n" % code)
        f.write(stdout)
        f.write(b"\n--- stderr\n")
        f.write(stderr.replace(ROOT.encode(), b"ROOT"))


def rel(path):
    return os.path.relpath(path, ROOT).replace("/", "__").replace("..", "UP")


def articles(quick):
    files = sorted(glob.glob(os.path.join(ROOT, "briefings/articles/*")))
    for ext in ("txt", "md", "text", "markdown", "html"):
        files += sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/**/*." + ext), recursive=True))
    if not quick and os.path.isdir(SHARED):
        files += sorted(glob.glob(os.path.join(SHARED, "quotes/polnear/*/text/*")))
        files += sorted(glob.glob(os.path.join(SHARED, "boilerplate/aeb/fulltext/*")))
        files += sorted(glob.glob(os.path.join(SHARED, "summaries/bbc/articles/*/*")))
    return files


def normalise_input(quick):
    lines = []
    for f in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/script/normalise/*"))):
        with open(f, "rb") as fh:
            lines += fh.read().splitlines()
    if not quick and os.path.isdir(SHARED):
        for f in sorted(glob.glob(os.path.join(SHARED, "normalise/nemo-en/test_cases_*.txt"))):
            with open(f, "rb") as fh:
                lines += [l.split(b"~")[0] for l in fh.read().splitlines()]
        for f in sorted(glob.glob(os.path.join(SHARED, "quotes/polnear/dev/text/*")))[:200]:
            with open(f, "rb") as fh:
                lines += fh.read().splitlines()
    return b"\n".join(lines) + b"\n"


def md5(path):
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest().encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "newsbrief"))
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)

    record(out, "help/main", run(binary, ["--help"]))
    for cmd in ("build", "read", "sentences", "summarise", "script", "normalise", "speak",
                "voices"):
        record(out, "help/" + cmd, run(binary, [cmd, "--help"]))
    record(out, "voices", run(binary, ["voices", "--lang", "en"]))
    record(out, "usage/none", run(binary, []))
    record(out, "usage/unknown", run(binary, ["frobnicate"]))

    files = articles(a.quick)
    for f in files:
        record(out, "read/" + rel(f), run(binary, ["read", f]))
        record(out, "sentences/" + rel(f), run(binary, ["sentences", f]))
    local = [f for f in files if not f.startswith(SHARED)]
    record(out, "summarise/local", run(binary, ["summarise", "--json"] + local))
    record(out, "summarise/local-1", run(binary, ["summarise", "--sentences", "1"] + local))
    if not a.quick and os.path.isdir(SHARED):
        bbc = sorted(glob.glob(os.path.join(SHARED, "summaries/bbc/articles/*/*")))
        record(out, "summarise/bbc", run(binary, ["summarise", "--json"] + bbc))

    text = normalise_input(a.quick)
    for lang in ("en-gb", "en-us", "de"):
        record(out, "normalise/" + lang, run(binary, ["normalise", "--lang", lang], stdin=text))
    record(out, "normalise/explain", run(binary, ["normalise", "--explain"], stdin=text))
    record(out, "normalise/lexicon",
           run(binary, ["normalise", "--explain", "--lexicon", "briefings/example-lexicon.yaml"],
               stdin=text))

    briefings = [os.path.join(ROOT, "briefings/example.yaml")]
    briefings += sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/config/briefings/*.yaml")))
    for b in briefings:
        record(out, "script/" + rel(b), run(binary, ["script", b]))
        record(out, "script-json/" + rel(b), run(binary, ["script", "--json", b]))
    for y in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/config/*/*.yaml"))):
        record(out, "speak-errors/" + rel(y), run(binary, ["speak", "--voice", y, "-o",
                                                           "/nonexistent/x.wav"], stdin=b"Hi.\n"))

    if not a.quick:
        with tempfile.TemporaryDirectory() as tmp:
            code, so, se = run(binary, ["build", "-o", tmp])
            wav = glob.glob(os.path.join(tmp, "*.wav"))
            record(out, "build/example", (code, so.replace(tmp.encode(), b"TMP"),
                                          b"".join(md5(w) for w in wav) + se))
            code, script, se = run(binary, ["script"])
            sp = os.path.join(tmp, "script.txt")
            with open(sp, "wb") as f:
                f.write(script)
            w = os.path.join(tmp, "spoken.wav")
            code, so, se = run(binary, ["speak", sp, "-o", w])
            record(out, "speak/script", (code, so.replace(tmp.encode(), b"TMP"),
                                         (md5(w) if os.path.exists(w) else b"") + se))
            code, so, se = run(binary, ["speak", "-o", w, "--voice", "en-us"],
                               stdin=b"Plain text, 3.5bn and 9/11.\n\nSecond paragraph.\n")
            record(out, "speak/plain", (code, so.replace(tmp.encode(), b"TMP"),
                                        (md5(w) if os.path.exists(w) else b"") + se))
    print("wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
