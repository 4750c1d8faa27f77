#!/bin/sh
# Peak memory of long runs (issue 14): the maximum resident set size
# (/usr/bin/time's %M: of the newsbrief process or of its largest worker,
# whichever is larger; not their sum) of
#   - a bulletin of 30 minutes or more: `newsbrief build` of a briefing of
#     50 stories (no `duration`), `newsbrief speak` of its script, and
#     `newsbrief build` of 100 articles fitted to `duration: 30m`;
#   - `newsbrief speak` of one paragraph of about 16,000 characters (one
#     segment under the default limit of 20,000 once spoken: about 18
#     minutes of audio in one block of speech);
#   - `newsbrief batch` of many articles, each spoken in full: 200 BBC
#     articles as they are, and 1,000 short articles made up here (a
#     headline and two sentences: 1,000 full articles take 25-30 minutes
#     on two cores; --full: 1,000 BBC articles in full instead of both).
# Target: at most 64 MB each.  A benchmark, not a test: it prints the peak
# in MB, MET or NOT MET, and exits 0 (2 for a usage error or a missing
# tool).
#
# Articles: BBC News articles of ../shared/data/summaries/bbc
# (NB_SHARED_DATA: another place for ../shared/data), read in place; when
# that is absent, articles made up here from random words stand in for them.
# The default loudness (podcast) and the default output (22,050 Hz mono
# WAV) throughout (the paragraph: loudness off); XDG_CACHE_HOME is a
# temporary folder.
#
# Usage: bench/memory.sh [--full] [path/to/newsbrief]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/build/newsbrief
full=0
while [ $# -gt 0 ]; do
    case $1 in
    --full) full=1 ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    *) bin=$1 ;;
    esac
    shift
done
bbc=${NB_SHARED_DATA:-$here/../shared/data}/summaries/bbc/articles
[ -x "$bin" ] || { echo "memory: no binary at $bin (build first)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "memory: needs python3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "memory: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
export NEWSBRIEF_DATA="$here" # the voices and the lexicon of this tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

# made_up DIR N PARAGRAPHS SENTENCES: N articles of random words
made_up() {
    "$here/bench/made_up_articles.sh" "$@"
}

# bbc_pick DIR N: links to N BBC articles spread over the data set
bbc_pick() {
    mkdir -p "$1"
    find "$bbc" -name '*.txt' | LC_ALL=C sort >"$work/list"
    total=$(wc -l <"$work/list")
    step=$((total / $2))
    [ "$step" -ge 1 ] || step=1
    awk -v step="$step" 'NR % step == 1' "$work/list" | head -n "$2" | {
        i=0
        while read -r f; do
            i=$((i + 1))
            ln -s "$f" "$1/$(printf %04d $i).txt"
        done
    }
}

if [ -d "$bbc" ]; then
    source_note="BBC News articles"
    have_bbc=1
else
    source_note="articles made up from random words (no ../shared/data)"
    have_bbc=0
fi
pick() { # DIR N: BBC articles, or made-up ones of their size
    if [ $have_bbc = 1 ]; then bbc_pick "$1" "$2"; else made_up "$1" "$2" 6 3; fi
}

# measure NAME COMMAND...: peak RSS in KB and seconds into $work/rss
: >"$work/rss"
measure() {
    name=$1
    shift
    /usr/bin/time -f "$name %M %e %U %S" -a -o "$work/rss" "$@" >"$work/out.txt" 2>"$work/err.txt" ||
        { echo "memory: $name failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
}

# ---- a 30-minute bulletin ------------------------------------------------
pick "$work/long/articles" 100
common='date: 2026-01-05\ntime: "07:00"\nvoice: anchor\nquote_voice: correspondent\nnew_only: false\narticles:\n  - articles/*.txt\n'
printf "title: Long Bench\nstories: 50\n%b" "$common" >"$work/long/stories.yaml"
printf "title: Fit Bench\nduration: 30m\n%b" "$common" >"$work/long/fit.yaml"
measure build-50 "$bin" build "$work/long/stories.yaml" -o "$work/o1" -q
"$bin" script "$work/long/stories.yaml" >"$work/long.txt"
mkdir -p "$work/o2"
measure speak-50 "$bin" speak "$work/long.txt" -o "$work/o2/long.wav"
measure build-fit "$bin" build "$work/long/fit.yaml" -o "$work/o3" -q
# one paragraph of about 16,000 characters, one segment: spoken, it stays
# under the 20,000 characters `speak` holds a segment to
cat "$work/long/articles"/*.txt | grep -v '^$' | tr '\n' ' ' | head -c 16000 |
    sed 's/[^.]*$//' >"$work/para.txt"
mkdir -p "$work/o4"
measure speak-para "$bin" speak "$work/para.txt" -o "$work/o4/para.wav" --loudness off
for d in o1 o2 o3 o4; do cp "$work/$d"/*.manifest.json "$work/$d.manifest.json"; done

# ---- batch ---------------------------------------------------------------
if [ $full = 1 ]; then
    pick "$work/batch-a" 1000
    measure batch-a "$bin" batch "$work/batch-a" -o "$work/ba" -q
    batch_a="1,000 articles in full ($source_note)"
    batch_b=
else
    pick "$work/batch-a" 200
    measure batch-a "$bin" batch "$work/batch-a" -o "$work/ba" -q
    rm -rf "$work/ba"
    made_up "$work/batch-b" 1000 1 2
    measure batch-b "$bin" batch "$work/batch-b" -o "$work/bb" -q
    batch_a="200 articles in full ($source_note)"
    batch_b="1,000 short articles made up here (a headline and two sentences)"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$source_note" "$batch_a" "$batch_b" <<'PY'
import json, sys
work, note, batch_a, batch_b = sys.argv[1:]
rss = {}
for line in open(work + "/rss"):
    name, kb, wall, user, sys_ = line.split()
    rss[name] = (int(kb) / 1024.0, float(wall), float(user) + float(sys_))
def audio(d):
    m = json.load(open("%s/%s.manifest.json" % (work, d)))
    return "%.1f min of audio, %d stories" % (m["duration"] / 60.0, len(m["stories"]))
rows = [("build-50", "build, 50 stories (%s; %s)" % (note, audio("o1"))),
        ("speak-50", "speak, the script of that build (%s)" % audio("o2")),
        ("build-fit", "build, 100 articles, duration: 30m (%s)" % audio("o3")),
        ("speak-para", "speak, one paragraph of %d characters, loudness off (%.1f min of audio)"
         % (len(open(work + "/para.txt").read()),
            json.load(open(work + "/o4.manifest.json"))["duration"] / 60.0)),
        ("batch-a", "batch, " + batch_a)]
if batch_b:
    rows.append(("batch-b", "batch, " + batch_b))
print("peak memory (max RSS, /usr/bin/time %M; target at most 64 MB)")
for key, what in rows:
    mb, wall, cpu = rss[key]
    print("  %6.1f MB  %-7s  %s   [%.0f s wall, %.0f s CPU]"
          % (mb, "MET" if mb <= 64 else "NOT MET", what, wall, cpu))
PY
exit 0
