#!/bin/sh
# Speed of `newsbrief normalise` on news prose, side by side with a
# baseline: the same command for a language without rules (only
# whitespace clean-up), so the ratio is the cost of the English rules.
# Target (issue 5): 10,000 lines a second or more.  Input: the sample
# articles' sentences, repeated to 20,000 lines.  Needs hyperfine.
#
# Usage: bench/normalise_speed.sh [path/to/newsbrief]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/newsbrief}
[ -x "$bin" ] || { echo "normalise_speed: no binary at $bin (build first)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "normalise_speed: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$here"/briefings/articles/*.txt; do "$bin" sentences "$f"; done > "$work/one.txt"
: > "$work/in.txt"
while [ "$(wc -l < "$work/in.txt")" -lt 20000 ]; do cat "$work/one.txt" >> "$work/in.txt"; done
head -n 20000 "$work/in.txt" > "$work/lines.txt"
lines=$(wc -l < "$work/lines.txt")
hyperfine --warmup 2 --runs 10 --export-json "$work/h.json" \
    -n "no rules (baseline)" "'$bin' normalise --lang xx --no-lexicon < '$work/lines.txt' > /dev/null" \
    -n "en-gb rules + lexicon" "'$bin' normalise --lang en-gb < '$work/lines.txt' > /dev/null" >/dev/null
python3 - "$work/h.json" "$lines" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["results"]
lines = int(sys.argv[2])
base, rules = d[0]["mean"], d[1]["mean"]
print("normalise speed, %d lines of news prose (mean of 10 runs, whole process):" % lines)
print("  baseline, no rules:   %8.0f lines/s" % (lines / base))
print("  en-gb, with lexicon:  %8.0f lines/s  (%.2fx the baseline's time)" % (lines / rules, rules / base))
print("  target 10,000 lines/s: %s" % ("met" if lines / rules >= 10000 else "NOT MET"))
sys.exit(0 if lines / rules >= 10000 else 1)
PY
