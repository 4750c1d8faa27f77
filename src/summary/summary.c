/* summary.c - the lead and the quotes a newsreader would read of a story. */
#include "summary/summary.h"

#include "summary/wordset.h"

#include "text/buf.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

void nb_summary_init(struct nb_summary *s)
{
    memset(s, 0, sizeof(*s));
}

void nb_summary_release(struct nb_summary *s)
{
    if (s->lead_text)
        for (size_t i = 0; i < s->nlead; i++)
            free(s->lead_text[i]);
    free(s->lead_text);
    free(s->lead);
    free(s->quotes);
    nb_summary_init(s);
}

const char *nb_summary_lead(const struct nb_summary *s, size_t i)
{
    if (s->lead_text && s->lead_text[i])
        return s->lead_text[i];
    return s->article->sentences.v[s->lead[i]];
}

/* ---- words ---------------------------------------------------------- */

/* Words are nb_wordset_next_word()'s (wordset.h): the one definition of a
 * word that similarity, headlines and quotes share. */

static int word_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    for (size_t i = 0; i < alen; i++)
        if (nb_ascii_lower((unsigned char)a[i]) != nb_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static int contains_word(const char *text, const char *w, size_t wlen)
{
    size_t pos = 0, start, len;
    while ((len = nb_wordset_next_word(text, &pos, &start)))
        if (word_equal(text + start, len, w, wlen))
            return 1;
    return 0;
}

/* 1 when the word at text[start..] appears earlier in text. */
static int seen_before(const char *text, size_t start, size_t len)
{
    size_t pos = 0, s, l;
    while ((l = nb_wordset_next_word(text, &pos, &s)) && s < start)
        if (word_equal(text + s, l, text + start, len))
            return 1;
    return 0;
}

/* The word-by-word comparison, which needs no memory: used when the sets
 * cannot be made. */
static double similarity_in_place(const char *a, const char *b)
{
    size_t na = 0, nb = 0, common = 0, pos = 0, start, len;
    while ((len = nb_wordset_next_word(a, &pos, &start))) {
        if (seen_before(a, start, len))
            continue;
        na++;
        common += contains_word(b, a + start, len);
    }
    pos = 0;
    while ((len = nb_wordset_next_word(b, &pos, &start)))
        nb += !seen_before(b, start, len);
    size_t all = na + nb - common;
    return all ? (double)common / (double)all : 0.0;
}

double nb_summary_similarity(const char *a, const char *b)
{
    struct nb_wordset wa, wb;
    if (nb_wordset_make(&wa, a) != NB_OK)
        return similarity_in_place(a, b);
    if (nb_wordset_make(&wb, b) != NB_OK) {
        nb_wordset_release(&wa);
        return similarity_in_place(a, b);
    }
    double s = nb_wordset_similarity(&wa, &wb);
    nb_wordset_release(&wa);
    nb_wordset_release(&wb);
    return s;
}

size_t nb_summary_count_words(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        while (*p && nb_ascii_is_space((unsigned char)*p))
            p++;
        if (!*p)
            break;
        n++;
        while (*p && !nb_ascii_is_space((unsigned char)*p))
            p++;
    }
    return n;
}

/* ---- what is not news prose ---------------------------------------- */

/* Words a dateline or a subheading may have in lower case. */
static const char *const small_words[] = {"of", "the", "and", "on", "at", "in", "a", "to", NULL};

static int is_small_word(const char *w, size_t len)
{
    for (size_t i = 0; small_words[i]; i++)
        if (strlen(small_words[i]) == len && memcmp(small_words[i], w, len) == 0)
            return 1;
    return 0;
}

/* "LONDON, 28 November 2026" or "Aberdeen, Scotland": short, and no word
 * but a small one starts in lower case. */
static int is_dateline(const char *s)
{
    size_t pos = 0, start, len, words = 0;
    while ((len = nb_wordset_next_word(s, &pos, &start))) {
        words++;
        unsigned char c = (unsigned char)s[start];
        if (nb_ascii_is_lower(c) && !is_small_word(s + start, len))
            return 0;
    }
    return words > 0 && words <= 8;
}

/* A month's name or a year (four digits from 1900 to 2099). */
static int has_date_word(const char *s)
{
    size_t pos = 0, start, len;
    while ((len = nb_wordset_next_word(s, &pos, &start))) {
        const char *w = s + start;
        if (len == 4 && (memcmp(w, "19", 2) == 0 || memcmp(w, "20", 2) == 0) && w[2] >= '0' &&
            w[2] <= '9' && w[3] >= '0' && w[3] <= '9')
            return 1;
        if (nb_calendar_month(&nb_calendar_en, w, len, 1))
            return 1;
    }
    return 0;
}

/* The headline again, word for word (maybe followed by more). */
static int repeats_headline(const char *s, const char *headline)
{
    if (!headline)
        return 0;
    size_t hp = 0, sp = 0, hs, ss, hl, sl, n = 0;
    while ((hl = nb_wordset_next_word(headline, &hp, &hs))) {
        sl = nb_wordset_next_word(s, &sp, &ss);
        if (!sl || !word_equal(headline + hs, hl, s + ss, sl))
            return 0;
        n++;
    }
    if (n >= 3)
        return 1;
    /* a short headline must be the whole sentence */
    return n > 0 && nb_wordset_next_word(s, &sp, &ss) == 0;
}

static int is_news_prose(const char *s, const char *headline)
{
    size_t words = nb_summary_count_words(s);
    if (!words)
        return 0;
    if (repeats_headline(s, headline))
        return 0;
    if (is_dateline(s) && (!nb_sentence_ends(s, strlen(s)) || (words <= 6 && has_date_word(s))))
        return 0;
    if (!nb_sentence_ends(s, strlen(s)) && words < 12)
        return 0; /* a subheading, a caption */
    return 1;
}

/* Length of a dateline in front of the sentence, up to and including its
 * dash: "ABERDEEN - ", "LONDON, Nov 28 (Reuters) — ".  0 when none.  The
 * first word must be in capitals, and the dash within the first 60 bytes. */
static size_t dateline_prefix(const char *s)
{
    size_t caps = 0;
    while (nb_ascii_is_upper((unsigned char)s[caps]))
        caps++;
    if (caps < 2 || (s[caps] && s[caps] != ' ' && s[caps] != ',' && s[caps] != '('))
        return 0;
    for (size_t i = caps; s[i] && i < 60; i++) {
        size_t dash = 0;
        if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ')
            dash = 3;
        else if (s[i] == ' ' && (unsigned char)s[i + 1] == 0xE2 &&
                 (unsigned char)s[i + 2] == 0x80 &&
                 ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) &&
                 s[i + 4] == ' ')
            dash = 5;
        if (dash) {
            size_t rest = i + dash;
            unsigned char c = (unsigned char)s[rest];
            return nb_ascii_is_upper(c) || c == '"' || c == 0xE2 ? rest : 0;
        }
        if (s[i] == '.' || s[i] == '"' || s[i] == ';')
            return 0;
    }
    return 0;
}

/* ---- asides ---------------------------------------------------------- */

/* Length of a dash at s (" - ", " – ", " — " from the space): 0 when none. */
static size_t dash_at(const char *s)
{
    if (s[0] != ' ')
        return 0;
    if (s[1] == '-' && s[2] == ' ')
        return 3;
    if ((unsigned char)s[1] == 0xE2 && (unsigned char)s[2] == 0x80 &&
        ((unsigned char)s[3] == 0x93 || (unsigned char)s[3] == 0x94) && s[4] == ' ')
        return 5;
    return 0;
}

/* Still a sentence: starts with a capital, a digit or a quote, ends like a
 * sentence, at least four words, brackets balanced. */
static int is_sentence(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (!(nb_ascii_is_upper(c) || nb_ascii_is_digit(c) || c == '"' || c == 0xE2))
        return 0;
    int depth = 0;
    for (const char *p = s; *p; p++) {
        depth += *p == '(';
        depth -= *p == ')';
        if (depth < 0)
            return 0;
    }
    return depth == 0 && nb_sentence_ends(s, strlen(s)) && nb_summary_count_words(s) >= 4;
}

/* The text without [from, to), tidied: no space before the punctuation that
 * follows. */
static char *cut(const char *text, size_t from, size_t to)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    while (to < strlen(text) && text[to] == ' ' && (from == 0 || text[from - 1] == ' '))
        to++;
    if (nb_buf_add(&b, text, from) != NB_OK)
        goto oom;
    const char *rest = text + to;
    if (*rest && strchr(".,;:!?", *rest))
        nb_buf_rtrim(&b);
    else if (b.len && b.data[b.len - 1] != ' ' && *rest && *rest != ' ' &&
             nb_buf_addc(&b, ' ') != NB_OK)
        goto oom;
    if (nb_buf_adds(&b, rest) != NB_OK)
        goto oom;
    return nb_buf_detach(&b, NULL);
oom:
    nb_buf_release(&b);
    return NULL;
}

/* One aside removed, the first whose removal leaves a sentence, in *out
 * (NULL when none).  NB_OK, or NB_ENOMEM. */
static nb_status drop_one_aside(const char *text, char **out)
{
    *out = NULL;
    size_t len = strlen(text);
    for (size_t i = 1; i < len; i++) {
        size_t from = 0, to = 0;
        if (text[i] == '(' && text[i - 1] == ' ') {
            const char *close = strchr(text + i, ')');
            if (!close)
                continue;
            from = i - 1;
            to = (size_t)(close - text) + 1;
        } else {
            size_t d = dash_at(text + i);
            if (!d)
                continue;
            from = i;
            size_t j = i + d;
            for (; j < len && !dash_at(text + j); j++)
                ;
            if (j < len) {
                to = j + dash_at(text + j);
                /* "a — b — c": keep one space between a and c */
                to--;
            } else {
                /* a dash to the end: keep the final punctuation */
                size_t end = len;
                while (end > i && strchr(".!?\"'", text[end - 1]))
                    end--;
                if (end == len)
                    continue;
                to = end;
            }
        }
        char *shorter = cut(text, from, to);
        if (!shorter)
            return NB_ENOMEM;
        if (is_sentence(shorter)) {
            *out = shorter;
            return NB_OK;
        }
        free(shorter);
    }
    return NB_OK;
}

nb_status nb_summary_shorten(const char *text, size_t max_words, char **out)
{
    *out = NULL;
    if (!max_words || nb_summary_count_words(text) <= max_words)
        return NB_OK;
    char *best = NULL;
    const char *cur = text;
    while (nb_summary_count_words(cur) > max_words) {
        char *next;
        if (drop_one_aside(cur, &next) != NB_OK) {
            free(best);
            return NB_ENOMEM;
        }
        if (!next)
            break;
        free(best);
        best = next;
        cur = best;
    }
    *out = best;
    return NB_OK;
}

/* ---- the lead -------------------------------------------------------- */

static nb_status pick_lead(struct nb_summary *s, const struct nb_article *a,
                           const struct nb_summary_options *opts, struct nb_error *err)
{
    size_t want = opts->sentences;
    if (!want || !a->sentences.n)
        return NB_OK;
    size_t n = want < a->sentences.n ? want : a->sentences.n;
    s->lead = malloc(n * sizeof(*s->lead));
    s->lead_text = calloc(n, sizeof(*s->lead_text));
    if (!s->lead || !s->lead_text)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < a->sentences.n && s->nlead < n; i++) {
        const char *sentence = a->sentences.v[i];
        if (!is_news_prose(sentence, a->headline))
            continue;
        char *text = NULL;
        if (s->nlead == 0) {
            size_t skip = dateline_prefix(sentence);
            if (skip && !(text = nb_strdup(sentence + skip)))
                return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        char *shorter;
        if (nb_summary_shorten(text ? text : sentence, opts->max_words, &shorter) != NB_OK) {
            free(text);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        if (shorter) {
            free(text);
            text = shorter;
        }
        s->lead[s->nlead] = i;
        s->lead_text[s->nlead] = text;
        s->nlead++;
    }
    return NB_OK;
}

/* ---- the quotes ------------------------------------------------------ */

/* The words of the lead, made once for every quote's novelty(): the lead
 * sentences one a line (a line break is no word byte, so no word runs
 * from one sentence into the next).  NB_OK, or NB_ENOMEM. */
static nb_status lead_words(const struct nb_summary *s, struct nb_wordset *out)
{
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < s->nlead; i++) {
        rc = nb_buf_adds(&text, nb_summary_lead(s, i));
        if (rc == NB_OK)
            rc = nb_buf_addc(&text, '\n');
    }
    if (rc == NB_OK)
        rc = nb_wordset_make(out, text.data);
    else
        nb_wordset_init(out);
    nb_buf_release(&text);
    return rc;
}

/* The share of the quote's words (of four letters or more) that the lead
 * (its words: `lead`) does not say, 0..1. */
static double novelty(const struct nb_wordset *lead, const char *quote)
{
    size_t pos = 0, start, len, total = 0, fresh = 0;
    while ((len = nb_wordset_next_word(quote, &pos, &start))) {
        if (len < 4)
            continue;
        total++;
        fresh += !nb_wordset_has(lead, quote + start, len);
    }
    return total ? (double)fresh / (double)total : 0.0;
}

/* Text with whitespace collapsed, for comparing words. */
static int same_words(const char *a, const char *b)
{
    size_t pa = 0, pb = 0, sa, sb, la, lb;
    for (;;) {
        la = nb_wordset_next_word(a, &pa, &sa);
        lb = nb_wordset_next_word(b, &pb, &sb);
        if (!la || !lb)
            return !la && !lb;
        if (!word_equal(a + sa, la, b + sb, lb))
            return 0;
    }
}

/* 1 when every word of `quote`, in order, is a run of words in `text`. */
static int says_words(const char *text, const char *quote)
{
    size_t tp = 0, ts, tl;
    size_t qp0 = 0, qs0, ql0 = nb_wordset_next_word(quote, &qp0, &qs0);
    if (!ql0)
        return 0;
    while ((tl = nb_wordset_next_word(text, &tp, &ts))) {
        if (!word_equal(text + ts, tl, quote + qs0, ql0))
            continue;
        size_t tp2 = tp, qp = qp0, ts2, qs, tl2, ql;
        for (;;) {
            ql = nb_wordset_next_word(quote, &qp, &qs);
            if (!ql)
                return 1;
            tl2 = nb_wordset_next_word(text, &tp2, &ts2);
            if (!tl2 || !word_equal(text + ts2, tl2, quote + qs, ql))
                break;
        }
    }
    return 0;
}

static int quote_usable(const struct nb_summary *s, const struct nb_quote *q)
{
    if (q->partial || !q->speaker || !q->speaker[0] || !q->text)
        return 0;
    if (nb_summary_count_words(q->text) < NB_SUMMARY_QUOTE_MIN_WORDS)
        return 0;
    for (size_t i = 0; i < s->nlead; i++)
        if (says_words(nb_summary_lead(s, i), q->text))
            return 0;
    return 1;
}

struct candidate {
    size_t index;
    double novelty;
    int role;
};

static int cmp_candidate(const void *pa, const void *pb)
{
    const struct candidate *a = pa, *b = pb;
    /* novelty in steps of a tenth, so that a role can win a near tie */
    int na = (int)(a->novelty * 10.0 + 0.5), nb = (int)(b->novelty * 10.0 + 0.5);
    if (na != nb)
        return nb - na;
    if (a->role != b->role)
        return b->role - a->role;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int cmp_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

static nb_status pick_quotes(struct nb_summary *s, const struct nb_article *a,
                             const struct nb_summary_options *opts, struct nb_error *err)
{
    if (!opts->quotes || !a->nquotes)
        return NB_OK;
    for (size_t i = 0; i < a->nquotes; i++)
        if (a->quotes[i].sentence >= a->sentences.n && a->sentences.n)
            return nb_error_set(err, NB_EINTERNAL, "quote %zu: sentence %zu out of range", i + 1,
                                a->quotes[i].sentence + 1);
    struct candidate *c = malloc(a->nquotes * sizeof(*c));
    s->quotes = malloc(a->nquotes * sizeof(*s->quotes));
    if (!c || !s->quotes) {
        free(c);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    struct nb_wordset lead;
    if (lead_words(s, &lead) != NB_OK) {
        free(c);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    size_t nc = 0;
    for (size_t i = 0; i < a->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[i];
        if (!quote_usable(s, q))
            continue;
        c[nc++] = (struct candidate){i, novelty(&lead, q->text), q->role && q->role[0]};
    }
    nb_wordset_release(&lead);
    qsort(c, nc, sizeof(*c), cmp_candidate);
    for (size_t i = 0; i < nc && s->nquotes < opts->quotes; i++) {
        const char *text = a->quotes[c[i].index].text;
        int repeat = 0;
        for (size_t k = 0; k < s->nquotes && !repeat; k++) {
            const char *other = a->quotes[s->quotes[k]].text;
            repeat = same_words(text, other) || says_words(other, text) || says_words(text, other);
        }
        if (!repeat)
            s->quotes[s->nquotes++] = c[i].index;
    }
    free(c);
    qsort(s->quotes, s->nquotes, sizeof(*s->quotes), cmp_size);
    return NB_OK;
}

nb_status nb_summary_make(struct nb_summary *s, const struct nb_article *a,
                          const struct nb_summary_options *opts, struct nb_error *err)
{
    nb_summary_init(s);
    s->article = a;
    nb_status rc = pick_lead(s, a, opts, err);
    if (rc == NB_OK)
        rc = pick_quotes(s, a, opts, err);
    if (rc != NB_OK)
        nb_summary_release(s);
    return rc;
}
