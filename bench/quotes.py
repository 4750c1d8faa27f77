#!/usr/bin/env python3
"""Scores quote extraction (src/article/quotes.c) against PolNeAR direct quotes.

Data: ../shared/data/quotes/polnear (see ../shared/data/quotes/README.txt).
For each text of the chosen part (dev by default; test is held out), the
script writes a temporary plain-text article and runs `newsbrief read FILE`:

  * a PolNeAR text has its headline on the first line and one paragraph per
    line (some texts put blank lines between, some do not), so the temp file
    is the first line, a blank line, then every further non-empty line as its
    own paragraph.  The headline stays a headline: newsbrief does not look
    for quotes in headlines, so gold quotes whose content lies in the first
    line are left out of the scores (their number is printed).

Gold: attributions_flat_<part>.jsonl, rows with is_direct_quote.  An
article annotated by several people (a few are) is scored against ONE
annotator: the first .ann file name in sorted order.  The gold quote text is
the part of the content inside quotation marks (a content such as `that X's
team wanted to "keep it under wraps."` gives `keep it under wraps.`; several
quoted stretches are joined); when no paired marks are found the whole
content is used.  Texts are compared as lower-case word tokens, quote marks
and punctuation dropped.

Match rule (ours O, gold G, multiset token intersection I):
  J = I / (|O| + |G| - I) >= 0.5                 (strong overlap), or
  I / |O| >= 0.9                                  (ours lies inside the gold
                                                   quote: a split piece), or
  I / |G| >= 0.9 and |O| <= 2 |G|                 (gold inside ours, not
                                                   swallowed by a runaway)
Matching is not one-to-one: precision = share of our quotes that match some
gold quote of the same text; recall = share of gold quotes matched by at
least one of ours.  The strict figures (J >= 0.5 only) are printed too.

Speaker accuracy, over matched pairs (each of our matched quotes with its
best gold): ours agrees with the gold source span when, lower-cased and
stripped of punctuation and possessive 's, one contains the other or our
last name word is a word of the gold source.  A gold source that is only a
pronoun (he, she, they, it, I, we, who...) cannot be checked without
coreference; two figures are printed: excluding those pairs, and counting
them correct when our speaker is not null and its last word occurs in the
article before the quote (lenient).  Gold quotes without a source are left
out of speaker accuracy, and so are the few whose source span is only a verb
("said", an annotation slip).

Also runs the textacy direct_quotations cases (../shared/data/quotes/textacy)
as a sanity check: content found and speaker agreeing.

Usage: bench/quotes.py [--bin PATH] [--data DIR] [--part dev] [--verbose]
Exits 0 with a message when the data folder is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "quotes")
BIN_CANDIDATES = ("build-quotes-rel/newsbrief", "build/newsbrief")

# Gold sources that are a speech verb, an annotation slip: left out like pronouns.
VERB_SOURCES = {"said", "says", "told", "added", "say"}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "his", "her", "their",
            "him", "them", "you", "which", "that", "its", "one"}
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+(?:['\u2019][0-9A-Za-z]+)*")


def tokens(s):
    s = s.replace("\u2019", "'")
    return [t.lower() for t in WORD.findall(s)]


def norm(s):
    s = re.sub(r"['\u2019]s\b", "", s)
    return " ".join(tokens(s))


# Quoted stretches inside a gold content: paired double marks first (curly,
# straight, two apostrophes), then curly single marks.
PAIRS = (re.compile(r"\u201c(.*?)(?:\u201d|$)", re.S),
         re.compile(r"''(.*?)(?:''|$)", re.S),
         re.compile(r"\"(.*?)(?:\"|$)", re.S),
         re.compile(r"(?:^|(?<=\s))\u2018(.*?)\u2019(?!\w)", re.S))


def gold_quote_text(content):
    for pat in PAIRS:
        parts = [m.group(1) for m in pat.finditer(content) if m.group(1).strip()]
        if parts:
            return " ".join(parts)
    return content.strip(QUOTE_CHARS + " ")


def score_pair(o, g):
    if not o or not g:
        return 0.0, False, False
    inter = sum((Counter(o) & Counter(g)).values())
    jac = inter / (len(o) + len(g) - inter)
    lenient = (jac >= 0.5 or inter / len(o) >= 0.9 or
               (inter / len(g) >= 0.9 and len(o) <= 2 * len(g)))
    return jac, jac >= 0.5, lenient


def speaker_agrees(ours, gold):
    if not ours:
        return False
    o, g = norm(ours), norm(gold)
    if not o or not g:
        return False
    if o in g or g in o:
        return True
    return o.split()[-1] in g.split()


def find_bin(arg):
    if arg:
        return arg
    for c in BIN_CANDIDATES:
        p = os.path.join(ROOT, c)
        if os.path.exists(p):
            return p
    sys.exit("quotes.py: no newsbrief binary (build it or pass --bin)")


def run_read(binary, headline, paragraphs, tmpdir):
    path = os.path.join(tmpdir, "article.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(headline.strip() + "\n\n" + "\n\n".join(paragraphs) + "\n")
    proc = subprocess.run([binary, "read", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip())
    return json.loads(proc.stdout)


def load_gold(data, part):
    rows = [json.loads(l) for l in open(os.path.join(data, "polnear",
                                                     "attributions_flat_%s.jsonl" % part),
                                        encoding="utf-8")]
    anns = defaultdict(set)
    for r in rows:
        anns[r["file"]].add(r["ann"])
    chosen = {f: sorted(a)[0] for f, a in anns.items()}
    gold = defaultdict(list)
    every = defaultdict(list)
    for r in rows:
        if chosen[r["file"]] == r["ann"]:
            every[r["file"]].append(tokens(" ".join(c["text"] for c in r["content"])))
            if r["is_direct_quote"]:
                gold[r["file"]].append(r)
    return every, gold


def polnear(args, binary):
    base = os.path.join(args.data, "polnear")
    every, gold = load_gold(args.data, args.part)
    texts = sorted(os.listdir(os.path.join(base, args.part, "text")))
    n_ours = n_ours_ok = n_ours_strict = n_inside_other = 0
    n_gold = n_gold_found = n_gold_strict = n_headline = 0
    sp_named = sp_named_ok = sp_pron = sp_pron_ok = sp_nosrc = 0
    misses, false_pos, wrong_speaker = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in texts:
            rel = "%s/text/%s" % (args.part, name)
            text = open(os.path.join(base, rel), encoding="utf-8").read()
            lines = text.split("\n")
            headline_len = len(lines[0])
            paragraphs = [l.strip() for l in lines[1:] if l.strip()]
            if not paragraphs:
                continue
            got = run_read(binary, lines[0], paragraphs, tmp)["quotes"]
            golds = []
            for r in gold.get(rel, []):
                start = min(s for c in r["content"] for s, _ in c["spans"])
                if start < headline_len:
                    n_headline += 1
                    continue
                content = " ".join(c["text"] for c in r["content"])
                src = " ".join(s["text"] for s in r["source"])
                golds.append({"tok": tokens(gold_quote_text(content)), "content": content,
                              "source": src, "start": start})
            found = [False] * len(golds)
            strict_found = [False] * len(golds)
            for q in got:
                o = tokens(q["text"])
                best, best_j, ok, strict = None, -1.0, False, False
                for i, g in enumerate(golds):
                    j, s, l = score_pair(o, g["tok"])
                    if l:
                        found[i] = True
                        ok = True
                        if j > best_j:
                            best, best_j = g, j
                    if s:
                        strict_found[i] = True
                        strict = True
                n_ours += 1
                n_ours_ok += ok
                n_ours_strict += strict
                if not ok:
                    if o and any(sum((Counter(o) & Counter(c)).values()) / len(o) >= 0.9
                                 for c in every.get(rel, [])):
                        n_inside_other += 1
                    false_pos.append((name, q))
                    continue
                if not best["source"].strip():
                    sp_nosrc += 1
                    continue
                if norm(best["source"]) in VERB_SOURCES:
                    sp_nosrc += 1
                    continue
                if norm(best["source"]) in PRONOUNS:
                    sp_pron += 1
                    sp = q["speaker"]
                    if sp and norm(sp) and norm(sp).split()[-1] in \
                            tokens(text[:best["start"]]):
                        sp_pron_ok += 1
                    continue
                sp_named += 1
                if speaker_agrees(q["speaker"], best["source"]):
                    sp_named_ok += 1
                else:
                    wrong_speaker.append((name, q, best))
            n_gold += len(golds)
            n_gold_found += sum(found)
            n_gold_strict += sum(strict_found)
            misses += [(name, g) for g, f in zip(golds, found) if not f]

    def prf(tp_p, np_, tp_r, nr):
        p = tp_p / np_ if np_ else 0.0
        r = tp_r / nr if nr else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(n_ours_ok, n_ours, n_gold_found, n_gold)
    ps, rs, fs = prf(n_ours_strict, n_ours, n_gold_strict, n_gold)
    print("polnear %s: %d texts, %d gold direct quotes (annotator: first .ann; %d in "
          "headlines left out), %d quotes found" % (args.part, len(texts), n_gold, n_headline,
                                                    n_ours))
    print("  quotes (match rule):   P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    print("  quotes (Jaccard only): P %.3f  R %.3f  F1 %.3f" % (ps, rs, fs))
    print("  (of the %d unmatched quotes, %d lie inside a gold attribution that is not "
          "marked direct,\n   e.g. a quoted fragment in the middle of reported speech; "
          "precision counting them: %.3f)" % (n_ours - n_ours_ok, n_inside_other,
                                               (n_ours_ok + n_inside_other) / max(n_ours, 1)))
    named = sp_named_ok / sp_named if sp_named else 0.0
    both = (sp_named_ok + sp_pron_ok) / (sp_named + sp_pron) if sp_named + sp_pron else 0.0
    print("  speaker accuracy, named gold sources:       %.3f (%d/%d)" %
          (named, sp_named_ok, sp_named))
    print("  speaker accuracy, + pronoun gold (lenient): %.3f (%d/%d)" %
          (both, sp_named_ok + sp_pron_ok, sp_named + sp_pron))
    print("  (matched quotes whose gold source is empty or a verb such as 'said': %d)" %
          sp_nosrc)
    if args.verbose:
        print("\n-- missed gold quotes --")
        for name, g in misses:
            print("  %s: [%s] %s" % (name[:40], g["source"], g["content"][:160]))
        print("\n-- our quotes matching no gold --")
        for name, q in false_pos:
            print("  %s: [%s]%s %s" % (name[:40], q["speaker"], " (partial)" if q["partial"]
                                      else "", q["text"][:160]))
        print("\n-- speaker disagrees --")
        for name, q, g in wrong_speaker:
            print("  %s: ours [%s] gold [%s]: %s" % (name[:40], q["speaker"], g["source"],
                                                   q["text"][:100]))


def textacy(args, binary):
    folder = os.path.join(args.data, "textacy")
    if not os.path.isdir(folder):
        return
    cases = found = spk = spk_n = 0
    extra = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fn in sorted(os.listdir(folder)):
            for line in open(os.path.join(folder, fn), encoding="utf-8"):
                c = json.loads(line)
                if "expected" not in c:
                    continue
                got = run_read(binary, "Headline", [c["text"]], tmp)["quotes"]
                used = [False] * len(got)
                for e in c["expected"]:
                    cases += 1
                    g = tokens(gold_quote_text(e["content"]))
                    hit = None
                    for i, q in enumerate(got):
                        if score_pair(tokens(q["text"]), g)[2]:
                            hit = i
                    if hit is None:
                        if args.verbose:
                            print("  textacy miss: %s" % e["content"])
                        continue
                    found += 1
                    used[hit] = True
                    src = " ".join(e["speaker_tokens"])
                    if norm(src) in PRONOUNS:
                        continue
                    spk_n += 1
                    if speaker_agrees(got[hit]["speaker"], src):
                        spk += 1
                    elif args.verbose:
                        print("  textacy speaker: ours [%s] gold [%s]" % (got[hit]["speaker"],
                                                                         src))
                extra += used.count(False)
                if args.verbose:
                    for q, u in zip(got, used):
                        if not u:
                            print("  textacy extra: %s" % q["text"])
    print("textacy: %d/%d expected quotes found, %d extra; speaker %d/%d (named)" %
          (found, cases, extra, spk, spk_n))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--part", default="dev")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "polnear")):
        print("quotes.py: no data at %s, skipped" % args.data)
        return 0
    binary = find_bin(args.bin)
    polnear(args, binary)
    textacy(args, binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
