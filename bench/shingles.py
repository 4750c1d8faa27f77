"""The article-extraction-benchmark's metric, shared by bench/boilerplate.py
and bench/html.py: lower-cased word tokens, 4-token shingles, and the
precision / recall / F1 of the predicted shingles against the gold ones
(its evaluate.py, written again here)."""
import re


def tokens(text):
    # evaluate.py of the benchmark: lower-cased word tokens
    return re.findall(r"\w+", text.lower(), re.UNICODE)


def shingles(text, n=4):
    t = tokens(text)
    if len(t) < n:
        return {tuple(t)} if t else set()
    return {tuple(t[i:i + n]) for i in range(len(t) - n + 1)}


def prf(pred, gold):
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    if not p or not g:
        return 0.0, 0.0, 0.0
    tp = len(p & g)
    prec, rec = tp / len(p), tp / len(g)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1
