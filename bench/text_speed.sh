#!/bin/sh
# Speed of the text stages (read, sentences, quotes, summary, script,
# normalise) over the 1,313 BBC articles in ../shared/data (issue 14:
# 20 MB of article text a second or more).
#
# Usage: bench/text_speed.sh [--callgrind] [--runs N] [BUILD_DIR]
#
# BUILD_DIR is a configured build of this tree (default: one made in
# ${TMPDIR:-/tmp}/newsbrief-bench-build, the default build type).  The
# bench program bench/text_speed.c is compiled against its library and runs
# every stage over all the articles in one process, N times (default 5),
# printing MB/s of the median run by wall-clock and by CPU time (the
# `sentences` command takes one file a run, so timing it process by process
# would time process start-up), then summarise and script again with one
# thread a processor.  Then the commands that take every article in one
# process are timed with hyperfine (read and summarise of every article,
# normalise, and script over briefings of 100 articles, its cap).
#
# --callgrind: instead, the instructions each stage executes on a fixed
# subset (every 26th article, 50 of them), counted by valgrind's callgrind:
# the same on a busy machine as on an idle one, so that a regression shows.
#
# Skips (exit 0) when the data set is absent (NB_SHARED_DATA: another
# place for ../shared/data).  Needs a C compiler,
# pkg-config, hyperfine and (for --callgrind) valgrind.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
data=${NB_SHARED_DATA:-$here/../shared/data}/summaries/bbc/articles
callgrind=0
runs=5
build=
while [ $# -gt 0 ]; do
    case $1 in
    --callgrind) callgrind=1 ;;
    --runs) runs=$2; shift ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    *) build=$1 ;;
    esac
    shift
done
if [ ! -d "$data" ]; then
    echo "text_speed: no data set at $data: skipped"
    exit 0
fi
need() { command -v "$1" >/dev/null || { echo "text_speed: needs $1 ($2)" >&2; exit 2; }; }
need cc "apt-get install gcc"
need pkg-config "apt-get install pkg-config"
if [ $callgrind = 1 ]; then need valgrind "apt-get install valgrind"; else need hyperfine "apt-get install hyperfine"; fi

if [ -z "$build" ]; then
    build=${TMPDIR:-/tmp}/newsbrief-bench-build
    cmake -S "$here" -B "$build" -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" -j2 --target newsbrief_lib newsbrief >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkgs="espeak-ng sndfile yaml-0.1 json-c libutf8proc gumbo libxml-2.0 libcurl sqlite3 libebur128 soxr"
# shellcheck disable=SC2046
cc -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -I"$here/src" $(pkg-config --cflags $pkgs) \
    "$here/bench/text_speed.c" "$build/libnewsbrief.a" $(pkg-config --libs $pkgs) -lm \
    -o "$work/text_speed"
export NEWSBRIEF_DATA="$here" # the voices and the lexicon of this tree

ls "$data"/*/*.txt | LC_ALL=C sort >"$work/all.txt"
bytes=$(cat $(cat "$work/all.txt") | wc -c)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ $callgrind = 1 ]; then
    awk 'NR % 26 == 1' "$work/all.txt" | head -n 50 >"$work/subset.txt"
    sub=$(cat $(cat "$work/subset.txt") | wc -c)
    echo "callgrind: instructions per stage, $(wc -l <"$work/subset.txt") articles ($sub bytes)"
    for stage in read sentences quotes summary summarise script normalise; do
        n=$(valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
            --toggle-collect='stage_*' "$work/text_speed" --runs 1 --stage "$stage" \
            --list "$work/subset.txt" 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
        printf '  %-10s %12s instructions  %6.0f a byte\n' "$stage" "$n" \
            "$(echo "$n $sub" | awk '{print $1 / $2}')"
    done
    exit 0
fi

echo "in one process (bench/text_speed.c), one thread:"
"$work/text_speed" --runs "$runs" --list "$work/all.txt" | sed 's/^/  /'
jobs=$(nproc)
echo "in one process, summarise and script reading $jobs files at a time (threads, as the commands do):"
for stage in summarise script; do
    "$work/text_speed" --runs "$runs" --jobs "$jobs" --stage $stage --list "$work/all.txt" | tail -n 1
done

# The commands, whole processes, each over every article.
bin=$build/newsbrief
cat $(cat "$work/all.txt") >"$work/all-text.txt"
split -l 100 -d -a 2 "$work/all.txt" "$work/part"
for part in "$work"/part??; do
    {
        printf 'title: Bench\ndate: 2025-01-15\ntime: "07:00"\nvoice: anchor\n'
        printf 'quote_voice: correspondent\nnew_only: false\nstories: 100\nheadlines: true\n'
        printf 'recap: true\nmax_words: 35\ncache: %s/cache\narticles:\n' "$work"
        sed 's/^/  - "/; s/$/"/' "$part"
    } >"$part.yaml"
done
hyperfine --runs "$runs" --warmup 1 --export-json "$work/h.json" \
    -n start-up "'$bin' --version" \
    -n read "'$bin' read $(tr '\n' ' ' <"$work/all.txt") >/dev/null" \
    -n summarise "'$bin' summarise $(tr '\n' ' ' <"$work/all.txt") >/dev/null" \
    -n normalise "'$bin' normalise <'$work/all-text.txt' >/dev/null" \
    -n script "for b in '$work'/part??.yaml; do '$bin' script \"\$b\"; done >/dev/null" \
    >/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }
echo "commands, whole processes (hyperfine, median of $runs; script: $(ls "$work"/part??.yaml | wc -l) processes):"
python3 - "$work/h.json" "$bytes" <<'PY'
import json, sys
bytes_ = int(sys.argv[2])
for r in json.load(open(sys.argv[1]))["results"]:
    med = r["median"]
    if r["command"] == "start-up":
        print("  %-10s %8.1f ms (one process)" % (r["command"], med * 1e3))
    else:
        print("  %-10s %8.1f MB/s  %8.1f ms  (user+sys %.1f ms)"
              % (r["command"], bytes_ / 1e6 / med, med * 1e3, (r["user"] + r["system"]) * 1e3))
PY
