#!/bin/sh
# `newsbrief speak` against the espeak-ng program, like for like (issue 14):
# a 20-story script spoken to a 22,050 Hz mono 16-bit WAV with loudness off,
# and the same spoken text given to `espeak-ng -w` in the same voice, rate,
# pitch and volume.
#
# Targets: `speak -j 1` at most 1.10x the CPU time (user + system of the
# whole process and its workers) of espeak-ng; `speak -j 2` on two cores at
# most 0.60x espeak-ng's wall time.  A benchmark, not a test: it prints the
# figures, MET or NOT MET, and exits 0 (2 for a usage error or a missing
# tool).
#
# The script is made at run time by `newsbrief script` from a briefing of
# 20 stories: BBC News articles spread over ../shared/data/summaries/bbc
# (NB_SHARED_DATA: another place for ../shared/data), read in place, or,
# when that is absent, articles made up here from random words.  One voice
# (anchor, voices/anchor.yaml) reads every segment, quotes too.  The text
# espeak-ng gets is what newsbrief gives the synthesiser: the `spoken` field
# of each segment of `newsbrief script --json`, a paragraph each.  espeak-ng
# is given the profile's eSpeak NG voice (-v), rate (-s), pitch (-p) and
# volume (-a); the profile's pitch range has no espeak-ng option and is left
# at the voice's own (a change of the intonation, not of the work).
# newsbrief's pauses are silence it adds, espeak-ng's its own: the two audio
# lengths are printed.
#
# The three commands (espeak-ng, speak -j 1, speak -j 2) are run in turn,
# N rounds (default 5), each timed by /usr/bin/time; the medians are
# compared.  --profile: also where the CPU of `speak -j 1` goes, by shared
# object (perf record, when perf is installed and allowed).
#
# Usage: bench/speak_vs_espeak.sh [--runs N] [--profile] [path/to/newsbrief]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/build/newsbrief
runs=5
profile=0
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift ;;
    --profile) profile=1 ;;
    -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
    *) bin=$1 ;;
    esac
    shift
done
bbc=${NB_SHARED_DATA:-$here/../shared/data}/summaries/bbc/articles
need() { command -v "$1" >/dev/null || { echo "speak_vs_espeak: needs $1 ($2)" >&2; exit 2; }; }
[ -x "$bin" ] || { echo "speak_vs_espeak: no binary at $bin (build first)" >&2; exit 2; }
need espeak-ng "apt-get install espeak-ng"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "speak_vs_espeak: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
export NEWSBRIEF_DATA="$here" # the voices and the lexicon of this tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- 30 articles (20 distinct stories are wanted; near-duplicates drop) --
mkdir -p "$work/b/articles"
if [ -d "$bbc" ]; then
    source_note="BBC News articles"
    find "$bbc" -name '*.txt' | LC_ALL=C sort | awk 'NR % 40 == 1' | head -n 30 >"$work/picked"
    i=0
    while read -r f; do
        i=$((i + 1))
        ln -s "$f" "$work/b/articles/$(printf %03d $i).txt"
    done <"$work/picked"
else
    source_note="articles made up from random words (no ../shared/data)"
    "$here/bench/made_up_articles.sh" "$work/b/articles" 30
fi
printf 'title: Speak Bench\ndate: 2026-01-05\ntime: "07:00"\nvoice: anchor\nstories: 20\nnew_only: false\ncache: %s/cache\narticles:\n  - articles/*.txt\n' \
    "$work" >"$work/b/briefing.yaml"
"$bin" script "$work/b/briefing.yaml" >"$work/script.txt"
"$bin" script --json "$work/b/briefing.yaml" >"$work/script.json"
stories=$(grep -c '^\[story' "$work/script.txt" || true)
python3 - "$work/script.json" "$work/spoken.txt" <<'PY'
import json, sys
segs = json.load(open(sys.argv[1]))["segments"]
open(sys.argv[2], "w").write("\n\n".join(s["spoken"] for s in segs) + "\n")
PY

# ---- the voice, as voices/anchor.yaml gives it ----------------------------
field() { sed -n "s/^$1: *\([^ #]*\).*/\1/p" "$here/voices/anchor.yaml"; }
ev=$(field espeak)
er=$(field rate)
ep=$(field pitch)
ea=$(field volume)

# ---- the runs: espeak-ng, speak -j 1, speak -j 2, in turn ------------------
: >"$work/times"
for _ in $(seq "$runs"); do
    /usr/bin/time -f "espeak %e %U %S" -a -o "$work/times" \
        espeak-ng -v "$ev" -s "$er" -p "$ep" -a "$ea" -f "$work/spoken.txt" -w "$work/es.wav"
    for j in 1 2; do
        /usr/bin/time -f "speak-j$j %e %U %S" -a -o "$work/times" \
            "$bin" speak "$work/script.txt" -o "$work/nb$j.wav" --loudness off -j $j >/dev/null 2>&1
    done
done
cmp -s "$work/nb1.wav" "$work/nb2.wav" && same=yes || same=NO

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/times" "$work/es.wav" "$work/nb1.wav" "$runs" "$stories" "$source_note" "$same" \
    "espeak-ng -v $ev -s $er -p $ep -a $ea" "$(wc -c <"$work/spoken.txt")" <<'PY'
import statistics, sys, wave
times, es_wav, nb_wav, runs, stories, note, same, es_cmd, chars = sys.argv[1:]
t = {}
for line in open(times):
    name, wall, user, sys_ = line.split()
    t.setdefault(name, []).append((float(wall), float(user) + float(sys_)))
def med(name, i):
    return statistics.median(x[i] for x in t[name])
def audio(path):
    w = wave.open(path)
    return "%d Hz, %d channel(s), %d-bit, %.1f s" % (
        w.getframerate(), w.getnchannels(), 8 * w.getsampwidth(), w.getnframes() / w.getframerate())
print("newsbrief speak vs espeak-ng: a %s-story script (%s), %s characters spoken, loudness off"
      % (stories, note, chars))
print("  espeak-ng:      %s   (%s)" % (audio(es_wav), es_cmd))
print("  newsbrief:      %s   (-j 1 and -j 2 the same audio: %s)" % (audio(nb_wav), same))
print("  median of %s rounds, each command once a round, whole process (/usr/bin/time):" % runs)
for name in ("espeak", "speak-j1", "speak-j2"):
    print("  %-9s  CPU (user + system) %6.2f s   wall %6.2f s" % (name, med(name, 1), med(name, 0)))
cpu = med("speak-j1", 1) / med("espeak", 1)
wall = med("speak-j2", 0) / med("espeak", 0)
print("  speak -j 1 CPU / espeak-ng CPU:   %5.2fx  (target at most 1.10x): %s"
      % (cpu, "MET" if cpu <= 1.10 else "NOT MET"))
print("  speak -j 2 wall / espeak-ng wall: %5.2fx  (target at most 0.60x on two cores): %s"
      % (wall, "MET" if wall <= 0.60 else "NOT MET"))
PY

# ---- where the CPU of speak -j 1 goes ---------------------------------
if [ $profile = 1 ]; then
    if command -v perf >/dev/null &&
        perf record -q -F 999 -o "$work/perf.data" -- "$bin" speak "$work/script.txt" \
            -o "$work/p.wav" --loudness off -j 1 >/dev/null 2>&1; then
        echo "  speak -j 1, samples by shared object (perf, every process):"
        perf report -i "$work/perf.data" --no-children --sort dso --stdio 2>/dev/null |
            grep '%' | head -n 8 | sed 's/^ */    /'
    else
        echo "  --profile: perf is not installed or not allowed here"
    fi
fi
exit 0
