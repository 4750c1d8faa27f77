#!/bin/sh
# What fitting a bulletin to its slot costs (issue 14): `newsbrief build`
# of a briefing with `duration:` against the same build without it (the
# same articles, the same briefing but for that line).
#
# Target: the build with `duration` at most 1.3x the CPU time (user +
# system of the whole process and its workers) of the build without it.  A
# benchmark, not a test: it prints the figures, MET or NOT MET, and exits 0
# (2 for a usage error or a missing tool).
#
# Two briefings:
#   example  briefings/example.yaml (7 articles and a feed; `duration: 3m`)
#            and the same without its `duration` line;
#   100      100 articles, `duration: 3m`, and the same without it.  BBC
#            News articles spread over ../shared/data/summaries/bbc
#            (NB_SHARED_DATA: another place for ../shared/data), read in
#            place, or, when that is absent, articles made up here from
#            random words.
# Without `duration`, `stories` and `sentences` keep their defaults (5 and
# 3); with it they are upper limits (100 and 50) and the fitting chooses, so
# the two bulletins differ in length: both lengths are printed.
#
# Every build is made with -j 1 into a fresh folder (nothing kept from an
# earlier run: no takes, no cache; XDG_CACHE_HOME is a temporary folder),
# the four builds in turn, N rounds (default 3), each timed by
# /usr/bin/time; the medians are compared.
#
# Usage: bench/fit_cost.sh [--runs N] [path/to/newsbrief]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/build/newsbrief
runs=3
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift ;;
    -h | --help) sed -n '2,33p' "$0"; exit 0 ;;
    *) bin=$1 ;;
    esac
    shift
done
bbc=${NB_SHARED_DATA:-$here/../shared/data}/summaries/bbc/articles
[ -x "$bin" ] || { echo "fit_cost: no binary at $bin (build first)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "fit_cost: needs python3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "fit_cost: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
export NEWSBRIEF_DATA="$here" # the voices and the lexicon of this tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

# ---- the example, with and without its duration ----------------------
mkdir -p "$work/example"
for f in articles feeds example-lexicon.yaml; do
    ln -s "$here/briefings/$f" "$work/example/$f"
done
grep -q '^duration:' "$here/briefings/example.yaml" ||
    { echo "fit_cost: briefings/example.yaml has no duration line" >&2; exit 2; }
cp "$here/briefings/example.yaml" "$work/example/with.yaml"
sed '/^duration:/d' "$here/briefings/example.yaml" >"$work/example/without.yaml"

# ---- 100 articles, a three-minute slot and none ----------------------
mkdir -p "$work/b100/articles"
if [ -d "$bbc" ]; then
    source_note="BBC News articles"
    find "$bbc" -name '*.txt' | LC_ALL=C sort >"$work/list"
    total=$(wc -l <"$work/list")
    awk -v step=$((total / 100)) 'NR % step == 1' "$work/list" | head -n 100 >"$work/picked"
    i=0
    while read -r f; do
        i=$((i + 1))
        ln -s "$f" "$work/b100/articles/$(printf %03d $i).txt"
    done <"$work/picked"
else
    source_note="articles made up from random words (no ../shared/data)"
    "$here/bench/made_up_articles.sh" "$work/b100/articles" 100
fi
printf 'title: Fit Bench\ndate: 2026-01-05\ntime: "07:00"\nvoice: anchor\nnew_only: false\narticles:\n  - articles/*.txt\n' \
    >"$work/b100/without.yaml"
{ cat "$work/b100/without.yaml"; echo "duration: 3m"; } >"$work/b100/with.yaml"

# ---- the builds, in turn ------------------------------------------------
: >"$work/times"
for _ in $(seq "$runs"); do
    for b in example b100; do
        for v in without with; do
            rm -rf "$work/out"
            /usr/bin/time -f "$b-$v %e %U %S" -a -o "$work/times" \
                "$bin" build "$work/$b/$v.yaml" -o "$work/out" -q -j 1 >/dev/null 2>"$work/err" ||
                { cat "$work/err" >&2; exit 1; }
            cp "$work/out"/*.manifest.json "$work/$b-$v.manifest.json"
        done
    done
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$runs" "$source_note" <<'PY'
import json, statistics, sys
work, runs, note = sys.argv[1:]
t = {}
for line in open(work + "/times"):
    name, wall, user, sys_ = line.split()
    t.setdefault(name, []).append((float(wall), float(user) + float(sys_)))
print("newsbrief build with and without `duration` (median of %s rounds, -j 1, whole process)" % runs)
for b, title in (("example", "briefings/example.yaml, 3m slot"),
                 ("b100", "100 articles (%s), 3m slot" % note)):
    cpu = {}
    print("  %s:" % title)
    for v in ("without", "with"):
        m = json.load(open("%s/%s-%s.manifest.json" % (work, b, v)))
        name = b + "-" + v
        cpu[v] = statistics.median(x[1] for x in t[name])
        wall = statistics.median(x[0] for x in t[name])
        print("    %-7s duration  CPU (user + system) %6.2f s   wall %6.2f s   audio %5.1f s, %d stories"
              % (v, cpu[v], wall, m["duration"], len(m["stories"])))
    ratio = cpu["with"] / cpu["without"]
    print("    with / without: %5.2fx CPU  (target at most 1.3x): %s"
          % (ratio, "MET" if ratio <= 1.3 else "NOT MET"))
PY
exit 0
