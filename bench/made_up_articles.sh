#!/bin/sh
# Writes N articles of made-up words (a headline, then PARAGRAPHS
# paragraphs of SENTENCES sentences of 14 words each) into DIR as
# 0001.txt, 0002.txt ...: what the benchmarks read when the shared data set
# (../shared/data) is absent.  The same seed every time, so the same
# articles.
#
# Usage: bench/made_up_articles.sh DIR N [PARAGRAPHS [SENTENCES]]   (5, 3)
set -eu
[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
mkdir -p "$1"
awk -v dir="$1" -v n="$2" -v paras="${3:-5}" -v sents="${4:-3}" 'BEGIN {
    srand(14)
    split("ba ko ri na te lo mu si da pe vo gu", syl, " ")
    for (w = 1; w <= 3000; w++) {
        s = ""
        for (k = 0; k < 2 + int(rand() * 2); k++) s = s syl[1 + int(rand() * 12)]
        vocab[w] = s
    }
    split("the a of to in and said was on for", common, " ")
    for (a = 1; a <= n; a++) {
        f = sprintf("%s/%04d.txt", dir, a)
        printf "Headline %d %s %s\n\n", a, vocab[1 + int(rand() * 3000)], vocab[1 + int(rand() * 3000)] > f
        for (p = 0; p < paras; p++) {
            line = ""
            for (s = 0; s < sents; s++) {
                sent = ""
                for (w = 0; w < 14; w++) {
                    word = rand() < 0.3 ? common[1 + int(rand() * 10)] : vocab[1 + int(rand() * 3000)]
                    sent = sent (w ? " " : "") word
                }
                line = line (s ? " " : "") toupper(substr(sent, 1, 1)) substr(sent, 2) "."
            }
            print line "\n" > f
        }
        close(f)
    }
}'
