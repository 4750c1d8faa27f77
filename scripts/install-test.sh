#!/bin/sh
# Checks that an installed newsbrief stands on its own: copies this source
# tree, builds the copy, installs it into a temporary prefix, deletes the
# copy, then from another folder, with no NEWSBRIEF_* variable set, builds a
# briefing, scripts the installed example briefing, lists the voices and
# checks the man page; then moves the whole prefix and does it again.
#
# usage: sh scripts/install-test.sh [CMAKE_OPTION...]   (e.g. -DNB_WERROR=ON)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset NEWSBRIEF_DATA NEWSBRIEF_VOICES

fail() {
    echo "install-test: $*" >&2
    exit 1
}

echo "== copy, build and install into $work/prefix"
mkdir "$work/src"
tar -C "$root" --exclude='./.git' --exclude='./build*' --exclude='./briefings/out' -cf - . |
    tar -C "$work/src" -xf -
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF "$@" >/dev/null
cmake --build "$work/build" -j"$(nproc)" >/dev/null
cmake --install "$work/build" --prefix "$work/prefix" >/dev/null
rm -rf "$work/src" "$work/build"

# A briefing of the user's own, away from any data folder.
mkdir -p "$work/elsewhere/news"
cd "$work/elsewhere"

check() { # check PREFIX: the installed program works from here
    prefix=$1
    bin="$prefix/bin/newsbrief"
    share="$prefix/share/newsbrief"
    [ -x "$bin" ] || fail "no program $bin"
    for f in voices/anchor.yaml voices/correspondent.yaml voices/transitions-en.yaml \
        voices/lexicon-en.yaml briefings/example.yaml briefings/example-lexicon.yaml; do
        [ -f "$share/$f" ] || fail "not installed: $share/$f"
    done
    ls "$share"/briefings/articles/*.txt >/dev/null || fail "no example articles in $share"

    man="$prefix/share/man/man1/newsbrief.1"
    [ -s "$man" ] || fail "no man page $man"
    grep -q '^\.SH NAME' "$man" || fail "$man has no NAME section"
    for c in build read sentences summarise script normalise speak voices; do
        grep -q "^\.SS $c\$" "$man" || fail "$man does not describe '$c'"
    done
    if command -v groff >/dev/null; then
        groff -man -Tutf8 -ww -z "$man" 2>"$work/groff.err"
        [ ! -s "$work/groff.err" ] || fail "groff: $(cat "$work/groff.err")"
    fi

    cp "$share"/briefings/articles/01-*.txt "$share"/briefings/articles/02-*.txt news/
    cat >news/briefing.yaml <<EOF
title: Install Test
date: 2026-11-28
voice: anchor
quote_voice: correspondent
articles:
  - "*.txt"
stories: 2
sentences: 1
EOF
    rm -rf out
    "$bin" build news/briefing.yaml -o out >"$work/build.out"
    wav=$(ls out/*.wav)
    [ -s "$wav" ] || fail "build wrote no audio"
    grep -q "install-test.wav" "$work/build.out" || fail "build said: $(cat "$work/build.out")"

    # no briefing named and none here: the installed example
    "$bin" script >"$work/example.txt"
    grep -q "Morning Briefing" "$work/example.txt" || fail "the installed example was not found"
    grep -q "^# lexicon: $share/briefings/example-lexicon.yaml" "$work/example.txt" ||
        fail "the example's lexicon is not the installed one"

    "$bin" voices >"$work/voices.txt"
    grep -q "^Voice profiles ($share/voices):" "$work/voices.txt" ||
        fail "voices does not list $share/voices: $(cat "$work/voices.txt")"
    if "$bin" script news/briefing.yaml 2>/dev/null | grep -q .; then :; else
        fail "script of the own briefing failed"
    fi
    sed 's/^voice: anchor/voice: ancor/' news/briefing.yaml >news/typo.yaml
    if "$bin" script news/typo.yaml 2>"$work/typo.err"; then fail "a missing profile was found"; fi
    grep -q "did you mean 'anchor'?.*profiles in $share/voices: anchor" "$work/typo.err" ||
        fail "missing profile message: $(cat "$work/typo.err")"
    echo "ok: $bin"
}

echo "== run from $work/elsewhere, the source copy deleted"
check "$work/prefix"
echo "== the prefix moved"
mv "$work/prefix" "$work/moved"
check "$work/moved"
