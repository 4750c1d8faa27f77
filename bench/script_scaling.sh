#!/bin/sh
# How `newsbrief script` grows with the stories: the same command on a
# briefing of 10 and of 100 distinct stories, and the ratio of the two.
# Target (issue 14): at most 12x (the script linear in the stories).
#
# Stories: 100 BBC News articles spread over ../shared/data/summaries/bbc
# when that folder is present (read in place, never copied into the
# project), else 100 articles made up here from random words.  The
# briefing has no `duration`, so nothing is synthesised.  Timed with
# hyperfine (whole process, mean of the runs); the ratio is of CPU time
# (user + system), which other work on the machine disturbs less than
# wall time; both are printed.
#
# With a second binary (e.g. a build of the code before a change) both
# are timed in one hyperfine run, their scripts compared, and the ratios
# printed side by side.  With valgrind, the share of the instructions of
# the 100-story run spent finding near-duplicates (nb_summary_similarity,
# or the word sets of summary/wordset.h) is printed too (callgrind, about
# half a minute a binary; NB_BENCH_NO_CALLGRIND=1 leaves it out).
#
# Usage: bench/script_scaling.sh [path/to/newsbrief [path/to/baseline]]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/newsbrief}
base=${2:-}
bbc=$here/../shared/data/summaries/bbc/articles
for b in "$bin" ${base:+"$base"}; do
    [ -x "$b" ] || { echo "script_scaling: no binary at $b (build first)" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { echo "script_scaling: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- the articles: $work/all/NNN.txt, 100 of them ----------------------
mkdir -p "$work/all"
if [ -d "$bbc" ]; then
    source_note="BBC News articles from ../shared/data"
    find "$bbc" -name '*.txt' | sort > "$work/list"
    total=$(wc -l < "$work/list")
    awk -v step=$((total / 100)) 'NR % step == 1' "$work/list" | head -n 100 > "$work/picked"
    i=0
    while read -r f; do
        i=$((i + 1))
        ln -s "$f" "$work/all/$(printf %03d $i).txt"
    done < "$work/picked"
else
    source_note="articles made up from random words (no ../shared/data)"
    "$here/bench/made_up_articles.sh" "$work/all" 100
fi
for n in 10 100; do
    mkdir -p "$work/b$n/articles"
    ls "$work/all" | head -n $n | while read -r f; do
        ln -s "$(readlink -f "$work/all/$f")" "$work/b$n/articles/$f"
    done
    printf 'title: Scaling Bench\ndate: 2026-01-05\ntime: "07:00"\nvoice: anchor\nstories: %d\narticles:\n  - articles/*.txt\n' \
        $n > "$work/b$n/briefing.yaml"
done

# ---- the scripts, and the times --------------------------------------
"$bin" script "$work/b100/briefing.yaml" > "$work/new.txt"
stories=$(grep -c '^\[story' "$work/new.txt" || true)
same=""
if [ -n "$base" ]; then
    "$base" script "$work/b100/briefing.yaml" > "$work/base.txt"
    cmp -s "$work/new.txt" "$work/base.txt" && same=yes || same=NO
fi
set --
[ -n "$base" ] && set -- "$@" -n "baseline 10" "'$base' script '$work/b10/briefing.yaml'" \
    -n "baseline 100" "'$base' script '$work/b100/briefing.yaml'"
set -- "$@" -n "newsbrief 10" "'$bin' script '$work/b10/briefing.yaml'" \
    -n "newsbrief 100" "'$bin' script '$work/b100/briefing.yaml'"
hyperfine --warmup 2 --runs 15 --export-json "$work/h.json" "$@" > /dev/null

# ---- the share of finding near-duplicates (callgrind) ------------------
: > "$work/shares"
if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null &&
    [ -z "${NB_BENCH_NO_CALLGRIND:-}" ]; then
    for b in ${base:+"$base"} "$bin"; do
        valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$b" script \
            "$work/b100/briefing.yaml" > /dev/null 2>&1
        callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$work/cg" 2>/dev/null |
            awk '
                { gsub(",", "", $1) }
                /PROGRAM TOTALS/ { total = $1 }
                /:nb_summary_similarity |:nb_wordset_make |:nb_wordset_index_find |:nb_wordset_index_add / { dup += $1 }
                END { printf "%.0f %.0f\n", total, dup }' >> "$work/shares"
    done
fi

python3 - "$work/h.json" "$work/shares" "$stories" "$source_note" "$same" <<'PY'
import json, sys
d = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
shares = [l.split() for l in open(sys.argv[2]) if l.strip()]
stories, note, same = sys.argv[3], sys.argv[4], sys.argv[5]
print("newsbrief script, 10 vs 100 stories (%s; %s stories read of 100)" % (note, stories))
print("  mean of 15 runs, whole process; ratio of CPU time (user + system)")
names = [n for n in ("baseline", "newsbrief") if n + " 10" in d]
ok = True
for i, name in enumerate(names):
    r10, r100 = d[name + " 10"], d[name + " 100"]
    cpu10 = r10["user"] + r10["system"]
    cpu100 = r100["user"] + r100["system"]
    ratio = cpu100 / cpu10
    line = "  %-9s  10: %6.1f ms CPU (%6.1f wall)   100: %7.1f ms CPU (%7.1f wall)   100/10: %5.2fx CPU, %5.2fx wall" % (
        name, cpu10 * 1e3, r10["mean"] * 1e3, cpu100 * 1e3, r100["mean"] * 1e3, ratio,
        r100["mean"] / r10["mean"])
    print(line)
    if shares and len(shares) == len(names):
        total, dup = (int(x) for x in shares[i])
        print("  %-9s  near-duplicates: %.1f%% of the 100-story run's instructions (%d of %d, callgrind)"
              % ("", 100.0 * dup / total, dup, total))
    if name == "newsbrief":
        ok = ratio <= 12
if same:
    print("  the two binaries' 100-story scripts are the same: %s" % same)
print("  target at most 12x (CPU): %s" % ("met" if ok else "NOT MET"))
sys.exit(0 if ok and same != "NO" else 1)
PY
