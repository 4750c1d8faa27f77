#!/usr/bin/env python3
"""Scores the sentence splitter on the English Golden Rules.

Runs `newsbrief sentences` (text on stdin, one sentence per line on stdout)
once per case of ../shared/data/sentences/golden_rules_en.jsonl (52 cases)
and pragmatic_segmenter_en_spec_extra.jsonl (125 cases) and prints

    golden rules: N/52 passed
    extra cases: N/125 passed

A case passes when the list of sentences equals the expected list exactly,
each expected sentence compared with its whitespace collapsed (a sentence
holding a newline cannot come back through one-sentence-per-line output).
Case options (doc_type, clean) are not passed on: the command has none.

Usage: bench/sentences.py [--bin PATH] [--verbose] [--data DIR]
Exits 0 when the data folder is absent (it lives outside the repository).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "sentences")
DEFAULT_BIN = os.path.join(ROOT, "build", "newsbrief")

SETS = (
    ("golden rules", "golden_rules_en.jsonl"),
    ("extra cases", "pragmatic_segmenter_en_spec_extra.jsonl"),
)


def collapse(s):
    return " ".join(s.split())


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(cmd, text, timeout):
    proc = subprocess.run(cmd, input=text.encode("utf-8"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError("exit %d: %s" % (proc.returncode,
                                            proc.stderr.decode("utf-8", "replace").strip()))
    out = proc.stdout.decode("utf-8", "replace")
    return [line for line in out.split("\n") if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN,
                    help="the newsbrief binary (default: build/newsbrief)")
    ap.add_argument("--arg", action="append", default=None,
                    help="argument(s) given to the binary (default: sentences)")
    ap.add_argument("--data", default=DEFAULT_DATA, help="the shared sentences data folder")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    args = ap.parse_args()

    data = os.path.normpath(args.data)
    if not os.path.isdir(data):
        print("sentences bench: %s is absent: skipped" % data)
        return 0
    if not os.access(args.bin, os.X_OK):
        print("sentences bench: %s is not an executable (build it, or give --bin)" % args.bin,
              file=sys.stderr)
        return 2
    cmd = [args.bin] + (args.arg if args.arg is not None else ["sentences"])

    failed_any = False
    for label, name in SETS:
        path = os.path.join(data, name)
        if not os.path.exists(path):
            print("%s: %s is absent: skipped" % (label, name))
            continue
        cases = load(path)
        passed = 0
        failures = []
        for case in cases:
            expected = [collapse(e) for e in case["expected"]]
            try:
                got = split(cmd, case["text"], args.timeout)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                failures.append((case, expected, None, str(exc)))
                continue
            if got == expected:
                passed += 1
            else:
                failures.append((case, expected, got, None))
        print("%s: %d/%d passed" % (label, passed, len(cases)))
        failed_any = failed_any or bool(failures)
        if args.verbose:
            for case, expected, got, problem in failures:
                extra = ""
                if case.get("options"):
                    extra = " options=%s" % json.dumps(case["options"])
                if case.get("pragmatic_segmenter_skipped") or case.get("skipped"):
                    extra += " (skipped upstream)"
                print("  FAIL #%s %s%s" % (case["id"], case.get("name", ""), extra))
                print("    text:     %r" % case["text"])
                for e in expected:
                    print("    expected: %r" % e)
                if problem:
                    print("    error:    %s" % problem)
                else:
                    for g in got:
                        print("    got:      %r" % g)
    return 0


if __name__ == "__main__":
    sys.exit(main())
