#!/usr/bin/env python3
"""Scores quote extraction (src/quotes/) against PolNeAR quotations.

Data: ../shared/data/quotes/polnear (see ../shared/data/quotes/README.txt).
For each text of the chosen part (dev by default, --part train for the
overfitting check; test is held out), the script writes a temporary
plain-text article and runs `newsbrief read FILE`:

  * a PolNeAR text has its headline on the first line and one paragraph per
    line, so the temp file is the first line, a blank line, then every
    further non-empty line as its own paragraph.  newsbrief does not look
    for quotes in headlines, so gold quotes whose content starts in the
    first line are left out (their number is printed).

Gold.  PolNeAR marks attribution relations (source, cue, content), not
quotations; attributions_flat_<part>.jsonl adds is_direct_quote, "the
content starts or ends with a quotation mark".  That flag mixes two things:
`"We will win," she said` (a quoted sentence) and `he called Trump a "con
artist."` (a fragment inside reported speech), while the same fragment in
mid-content (`called it "reckless" on Friday`) is not flagged.  The script
therefore reads the quoted stretches of each content itself (paired double
marks, curly or straight or two apostrophes; an opening mark without its
closing mark runs to the end of that content piece, as in a quote over
paragraphs; single marks only when there are no double ones) and sorts the
attributions of the chosen annotator into:
  direct   every word of the content lies inside quotation marks: a quoted
           sentence or more (PARC's "direct");
  fragment some words are quoted, some are not (PARC's "mixed": partial
           quotes inside reported speech).
An article annotated by several people (a few are) is scored against ONE
annotator: the first .ann file name in sorted order.

Figures (each a precision / recall / F1):
  DIRECT      (the target) our quotes with partial=false against direct
              gold.  This is what "direct quotes" means in the issue and in
              our contract: partial=false is "a quoted sentence".  A quote we
              wrongly mark partial is a miss here, one we wrongly mark full
              a false positive.
  fragments   our partial=true quotes against fragment gold.
  all         all our quotes against all gold attributions with a quoted
              stretch (kind ignored).
  legacy      the earlier figure: all our quotes against the rows flagged
              is_direct_quote (kept to compare with old numbers).
Texts are compared as lower-case word tokens of the quoted stretches, quote
marks and punctuation dropped.

Match rule (ours O, gold G, multiset token intersection I):
  J = I / (|O| + |G| - I) >= 0.5                 (strong overlap), or
  I / |O| >= 0.9                                  (ours lies inside the gold
                                                   quote: a split piece), or
  I / |G| >= 0.9 and |O| <= 2 |G|                 (gold inside ours, not
                                                   swallowed by a runaway)
Matching is not one-to-one: precision = share of our quotes that match some
gold quote of the same text; recall = share of gold quotes matched by at
least one of ours.  The strict figures (J >= 0.5 only) are printed too.

Speaker accuracy, over matched DIRECT pairs (each of our matched quotes with
its best gold): ours agrees with the gold source span when, lower-cased and
stripped of punctuation and possessive 's, one contains the other or our
last name word is a word of the gold source.  Two further rules, each
counted and printed on its own:
  * nominal gold ("the mayor", "the union", "the president"): ours agrees
    when the article, before the quote, ties our speaker to that noun: our
    last name word and the nominal's head word stand within 3 words of each
    other in one sentence ("Mayor Bill de Blasio", "Obama, the president").
    Our speaker must be a name; ours being the nominal while gold names the
    person counts as wrong.
  * pronoun gold (he, she, they, it, I, we, who...) cannot be checked
    without coreference: "named" leaves those pairs out; "+ pronoun" counts
    them correct when our speaker is not null and its last word occurs in
    the article before the quote (lenient, as printed).
Gold quotes without a source are left out of speaker accuracy, and so are
the few whose source span is only a verb ("said", an annotation slip).

--misses prints a count of what is still wrong by family (what the text
is: a fragment read for a whole quote, a short phrase, a quote the gold
wraps in unquoted words, no speaker, a description...), then every miss of
the DIRECT figure, grouped by family, with its paragraph: gold quotes not found (with the quotes we found in that paragraph), our quotes
matching no gold (with the gold attribution they lie in, if any), and
speaker disagreements (with the paragraph and the one before).

Also runs the textacy direct_quotations cases (../shared/data/quotes/textacy)
as a sanity check: content found and speaker agreeing.

Usage: bench/quotes.py [--bin PATH] [--data DIR] [--part dev|train]
                       [--verbose] [--misses] [--only NAME]
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
DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our",
               "my", "these", "those"}
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+(?:['\u2019][0-9A-Za-z]+)*")
NOMINAL_SPAN = 3


def tokens(s):
    s = s.replace("\u2019", "'")
    return [t.lower() for t in WORD.findall(s)]


def norm(s):
    s = re.sub(r"['\u2019]s\b", "", s)
    return " ".join(tokens(s))


def quoted_stretches(piece):
    """(start, end) of the quoted stretches of one content piece."""
    out = []
    i, n, open_at = 0, len(piece), None
    lead = piece.lstrip()
    # a span that starts one character late (''Word ...'' read as 'Word
    # ...'') or a closing mark typed for an opening one (”Word ...):
    # the first mark opens
    if (lead[:1] == "'" and lead[1:2] != "'" and "''" in lead) or lead[:1] == "\u201d":
        open_at = len(piece) - len(lead) + 1
        i = open_at
    while i < n:
        c = piece[i]
        two = piece.startswith("''", i)
        w = 2 if two else 1
        if c == "\u201c" or c == "\u201e":
            if open_at is None:
                open_at = i + 1
        elif c == "\u201d":
            if open_at is not None:
                out.append((open_at, i))
                open_at = None
        elif c == '"' or two:
            if open_at is None:
                open_at = i + w
            else:
                out.append((open_at, i))
                open_at = None
        i += w
    if open_at is not None:
        out.append((open_at, n))
    if out:
        return out
    for m in re.finditer(r"(?:^|(?<=[\s(]))[\u2018'](.*?)[\u2019'](?![\w])", piece, re.S):
        out.append((m.start(1), m.end(1)))
    return out


def gold_parts(content_pieces):
    """(quoted text, number of unquoted words) of a content."""
    quoted, outside = [], 0
    for piece in content_pieces:
        st = quoted_stretches(piece)
        last = 0
        for s, e in st:
            outside += len(tokens(piece[last:s]))
            quoted.append(piece[s:e])
            last = e
        outside += len(tokens(piece[last:]))
    return " ".join(quoted), outside


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


def nominal_head(gold):
    """The head noun of a nominal gold source ("the mayor"), else None."""
    words = gold.replace("\u2019", "'").split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return None
    head = re.sub(r"[^A-Za-z'-]", "", words[-1])
    if not head or not head[0].islower() or head.lower() in PRONOUNS:
        return None
    return head.lower()


def nominal_agrees(ours, head, text_before):
    """Our named speaker is tied to `head` in the article before the quote."""
    if not ours or not ours[:1].isupper():
        return False
    last = tokens(ours)[-1] if tokens(ours) else None
    if not last or last == head:
        return False
    for sent in re.split(r"(?<=[.!?])\s+|\n", text_before):
        t = tokens(sent)
        a = [i for i, w in enumerate(t) if w == last]
        b = [i for i, w in enumerate(t) if w == head or w == head + "s"]
        if any(abs(i - j) <= NOMINAL_SPAN for i in a for j in b):
            return True
    return False


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
    """file -> list of gold attributions of the chosen annotator."""
    rows = [json.loads(l) for l in open(os.path.join(data, "polnear",
                                                     "attributions_flat_%s.jsonl" % part),
                                        encoding="utf-8")]
    anns = defaultdict(set)
    for r in rows:
        anns[r["file"]].add(r["ann"])
    chosen = {f: sorted(a)[0] for f, a in anns.items()}
    gold = defaultdict(list)
    for r in rows:
        if chosen[r["file"]] != r["ann"] or not any(c["spans"] for c in r["content"]):
            continue
        pieces = [c["text"] for c in r["content"]]
        quoted, outside = gold_parts(pieces)
        qt = tokens(quoted)
        kind = None if not qt else "direct" if outside == 0 else "fragment"
        gold[r["file"]].append({
            "tok": qt, "all_tok": tokens(" ".join(pieces)), "kind": kind,
            "flag": r["is_direct_quote"],
            "legacy_tok": qt if qt else tokens(" ".join(pieces)),
            "content": " ".join(pieces),
            "source": " ".join(s["text"] for s in r["source"]),
            "start": min(s for c in r["content"] for s, _ in c["spans"])})
    return gold


class Score:
    """Precision / recall of one figure over the whole part."""

    def __init__(self, name):
        self.name = name
        self.n_ours = self.ok = self.strict = 0
        self.n_gold = self.found = self.found_strict = 0

    def add(self, ours, golds, key="tok"):
        """ours: token lists; golds: gold dicts.  Returns, for each of ours,
        (best gold or None, matched), and the found flags of the golds."""
        found = [False] * len(golds)
        res = []
        for o in ours:
            best, best_j, ok, strict = None, -1.0, False, False
            for i, g in enumerate(golds):
                j, s, l = score_pair(o, g[key])
                if l:
                    found[i] = True
                    ok = True
                    if j > best_j:
                        best, best_j = g, j
                if s:
                    strict = True
            res.append((best, ok))
            self.n_ours += 1
            self.ok += ok
            self.strict += strict
        strict_found = [any(score_pair(o, g[key])[1] for o in ours) for g in golds]
        self.n_gold += len(golds)
        self.found += sum(found)
        self.found_strict += sum(strict_found)
        return res, found

    def line(self, strict=False):
        tp_p = self.strict if strict else self.ok
        tp_r = self.found_strict if strict else self.found
        p = tp_p / self.n_ours if self.n_ours else 0.0
        r = tp_r / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return "P %.3f  R %.3f  F1 %.3f  (%d ours, %d gold)" % (p, r, f, self.n_ours,
                                                               self.n_gold)


class Speakers:
    """Speaker accuracy over matched pairs (see the rules above)."""

    def __init__(self):
        self.named = self.named_ok = self.nominal_ok = 0
        self.pron = self.pron_ok = self.nosrc = 0

    def judge(self, q, best, text):
        """False only when the pair counts as a wrong speaker."""
        src = best["source"]
        if not src.strip() or norm(src) in VERB_SOURCES:
            self.nosrc += 1
            return True
        if norm(src) in PRONOUNS:
            self.pron += 1
            sp = q["speaker"]
            if sp and norm(sp) and norm(sp).split()[-1] in tokens(text[:best["start"]]):
                self.pron_ok += 1
            return True
        self.named += 1
        if speaker_agrees(q["speaker"], src):
            self.named_ok += 1
            return True
        head = nominal_head(src)
        if head and nominal_agrees(q["speaker"], head, text[:best["start"]]):
            self.named_ok += 1
            self.nominal_ok += 1
            return True
        return False

    def report(self, title):
        named = self.named_ok / self.named if self.named else 0.0
        n = self.named + self.pron
        both = (self.named_ok + self.pron_ok) / n if n else 0.0
        print("  %s: named gold %.3f (%d/%d, %d by the nominal rule); + pronoun gold "
              "(lenient) %.3f (%d/%d); %d without a gold source" %
              (title, named, self.named_ok, self.named, self.nominal_ok, both,
               self.named_ok + self.pron_ok, n, self.nosrc))


def para_of(text, pos):
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return text[s:e if e >= 0 else len(text)], s


def polnear(args, binary):
    base = os.path.join(args.data, "polnear")
    gold = load_gold(args.data, args.part)
    texts = sorted(os.listdir(os.path.join(base, args.part, "text")))
    if args.only:
        texts = [t for t in texts if args.only in t]
    direct, frags, every, legacy = (Score("DIRECT"), Score("fragments"), Score("all"),
                                    Score("legacy"))
    n_headline = n_kind_swap = 0
    spk, spk_all = Speakers(), Speakers()
    misses, false_pos, wrong_speaker = [], [], []
    # diagnostics: one line per judged pair of the "all quoted" speaker figure
    dump = open(args.speakers, "w", encoding="utf-8") if args.speakers else None
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
            for g in gold.get(rel, []):
                if g["start"] < headline_len:
                    if g["flag"] or g["kind"]:
                        n_headline += 1
                    continue
                golds.append(g)
            full = [q for q in got if not q["partial"]]
            part = [q for q in got if q["partial"]]
            legacy.add([tokens(q["text"]) for q in got], [g for g in golds if g["flag"]],
                       "legacy_tok")
            res_all, _ = every.add([tokens(q["text"]) for q in got],
                                   [g for g in golds if g["kind"]])
            frags.add([tokens(q["text"]) for q in part],
                      [g for g in golds if g["kind"] == "fragment"])
            dgold = [g for g in golds if g["kind"] == "direct"]
            res, found = direct.add([tokens(q["text"]) for q in full], dgold)
            fgold = [g for g in golds if g["kind"] == "fragment"]
            for q, (best, ok) in zip(full, res):
                if not ok:
                    o = tokens(q["text"])
                    other = None
                    for g in golds:
                        if g["kind"] != "direct" and score_pair(o, g["tok"] or g["all_tok"])[2]:
                            other = g
                    if other is not None and other["kind"] == "fragment":
                        n_kind_swap += 1
                    false_pos.append((name, text, q, other))
                    continue
                if not spk.judge(q, best, text):
                    wrong_speaker.append((name, text, q, best))
            for q, (best, ok) in zip(got, res_all):
                if ok:
                    before = spk_all.named_ok + spk_all.pron_ok
                    good = spk_all.judge(q, best, text)
                    if dump is not None:
                        verdict = ("wrong" if not good else
                                   "ok" if spk_all.named_ok + spk_all.pron_ok > before
                                   else "skip")
                        dump.write("%s\t%s\t%s\t%s\t%s\t%s\n" % (
                            name, verdict, "partial" if q["partial"] else "full",
                            q["speaker"], best["source"], q["text"][:80]))
            for g, f in zip(dgold, found):
                if not f:
                    misses.append((name, text, g, got, fgold))

    if dump is not None:
        dump.close()
    print("polnear %s: %d texts (annotator: first .ann; %d gold quotes in headlines left "
          "out)" % (args.part, len(texts), n_headline))
    print("  DIRECT quotes:     " + direct.line())
    print("    Jaccard only:    " + direct.line(True))
    print("    (of our unmatched full quotes, %d match a gold fragment: partial flag "
          "disagrees)" % n_kind_swap)
    print("  fragments:         " + frags.line())
    print("  all quoted:        " + every.line())
    print("  legacy (flag):     " + legacy.line())
    spk.report("speaker accuracy (DIRECT pairs)")
    spk_all.report("speaker accuracy (all quoted pairs)")
    if args.verbose or args.misses:
        show = args.misses
        fam_miss = [miss_family(g, got) for _, _, g, got, _ in misses]
        fam_fp = [fp_family(q, other) for _, _, q, other in false_pos]
        fam_spk = [speaker_family(q, g) for _, _, q, g in wrong_speaker]
        print("\n-- what is still wrong, by family --")
        for title, fams in (("missed direct gold quotes", fam_miss),
                            ("our full quotes matching no direct gold", fam_fp),
                            ("speaker disagrees", fam_spk)):
            print("%s (%d):" % (title, len(fams)))
            for fam, n in Counter(fams).most_common():
                print("  %5d  %s" % (n, fam))
        print("\n-- missed direct gold quotes (%d) --" % len(misses))
        for (name, text, g, got, fgold), fam in sorted(zip(misses, fam_miss), key=lambda x: x[1]):
            print("* %s: {%s} [%s] %s" % (name[:40], fam, g["source"], g["content"][:200]))
            if show:
                para, ps = para_of(text, g["start"])
                print("    PARA: %s" % para[:600])
                near = [q for q in got if tokens(q["text"]) and
                        sum((Counter(tokens(q["text"])) & Counter(g["tok"])).values())]
                for q in near:
                    print("    ours: [%s]%s %s" % (q["speaker"], " (partial)" if q["partial"]
                                                  else "", q["text"][:160]))
        print("\n-- our full quotes matching no direct gold (%d) --" % len(false_pos))
        for (name, text, q, other), fam in sorted(zip(false_pos, fam_fp), key=lambda x: x[1]):
            print("* %s: {%s} [%s] %s" % (name[:40], fam, q["speaker"], q["text"][:200]))
            if show and other is not None:
                print("    in gold %s: [%s] %s" % (other["kind"], other["source"],
                                                   other["content"][:200]))
        print("\n-- speaker disagrees (%d) --" % len(wrong_speaker))
        for (name, text, q, g), fam in sorted(zip(wrong_speaker, fam_spk), key=lambda x: x[1]):
            print("* %s: {%s} ours [%s] gold [%s]: %s" % (name[:40], fam, q["speaker"],
                                                         g["source"], q["text"][:100]))
            if show:
                para, ps = para_of(text, g["start"])
                prev, _ = para_of(text, max(ps - 2, 0))
                print("    PREV: %s" % prev[-300:])
                print("    PARA: %s" % para[:500])


NOMINAL_START = ("the ", "a ", "an ", "one ", "another ", "his ", "her ", "their ", "its ")


def miss_family(g, got):
    """Why a direct gold quote was missed, by what the text is."""
    gt = Counter(g["tok"])
    for q in got:
        if q["partial"] and gt and sum((Counter(tokens(q["text"])) & gt).values()) >= \
                0.8 * sum(gt.values()):
            return "read as a fragment (partial), gold a whole quote"
    for q in got:
        if not q["partial"] and sum((Counter(tokens(q["text"])) & gt).values()) >= \
                0.5 * sum(gt.values()):
            return "found, but joined with or cut from another quote"
    if len(g["tok"]) <= 4:
        return "not found: a short quoted phrase (title, slogan, scare quote)"
    return "not found"


def fp_family(q, other):
    """Why one of our full quotes matches no direct gold."""
    if other is None:
        return "not annotated as anyone's words"
    if other["kind"] == "fragment":
        return "gold content adds unquoted words around it (gold 'fragment')"
    if other["kind"] is None:
        return "gold content without its quote marks"
    return "gold direct, text differs"


def speaker_family(q, g):
    """Why our speaker disagrees with the gold source."""
    ours = q["speaker"]
    src = norm(g["source"])
    if not ours:
        return "no speaker given"
    if src.startswith(NOMINAL_START) or src in PRONOUNS:
        return "gold a description or pronoun, ours a name (not checkable)"
    if ours.split()[0][:1].islower():
        return "ours a description"
    return "another name"


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
                    g = tokens(gold_parts([e["content"]])[0] or e["content"])
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
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--bin")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--part", default="dev", choices=("dev", "train"))
    ap.add_argument("--verbose", action="store_true", help="list the misses")
    ap.add_argument("--misses", action="store_true",
                    help="list the misses with their paragraphs")
    ap.add_argument("--only", help="only the texts whose name contains this")
    ap.add_argument("--speakers", metavar="FILE",
                    help="write each judged pair of the all-quoted speaker figure to FILE "
                         "(name, ok/wrong/skip, full/partial, ours, gold, text): a "
                         "diagnostic for comparing two builds")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "polnear")):
        print("quotes.py: no data at %s, skipped" % args.data)
        return 0
    binary = find_bin(args.bin)
    polnear(args, binary)
    if not args.only:
        textacy(args, binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
