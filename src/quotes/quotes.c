/* quotes.c - direct quotations and who said them.
 *
 * Three passes per paragraph, in article order, all linear:
 *  1. marks (marks.c): quotation marks are told from apostrophes and
 *     paired into quoted stretches, a quote over paragraphs included.
 *  2. attribution (attribution.c, names.c): the words around each quote
 *     are read for a speech verb and its subject, split into name and role.
 *  3. resolution (speakers.c): pronouns, surnames and descriptions are
 *     resolved through a memory of the people named so far; a quoted
 *     paragraph without attribution continues the previous speaker.
 * Every look-around reads a bounded window, so the whole pass stays linear
 * however long a paragraph is.
 */
#include "quotes/quotes.h"
#include "quotes/chars.h"
#include "quotes/attribution.h"
#include "quotes/marks.h"
#include "quotes/names.h"
#include "quotes/speakers.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"

#include "text/buf.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the pass ---------------------------------------------------------- */

struct quotes_out {
    struct nb_quote *v;
    size_t n, alloc;
};

struct state {
    struct nb_article *a;
    struct nb_quotes_memory mem;
    struct quotes_out out;
    /* the quote being built across paragraphs */
    struct nb_buf text;
    int pending;
    size_t pend_sentence;
    int pend_partial;
    int pend_embedded; /* the quote opens after a word or comma */
    struct nb_quotes_speaker pend_before;
    const char *pend_para_text;
    size_t pend_para;
    int last_ended_colon; /* the previous paragraph ended with ':' */
};

static int add_quote(struct state *st, struct nb_quote *q)
{
    if (st->out.n == st->out.alloc) {
        size_t na = st->out.alloc ? st->out.alloc * 2 : 16;
        struct nb_quote *nv = realloc(st->out.v, na * sizeof(*nv));
        if (!nv)
            return -1;
        st->out.v = nv;
        st->out.alloc = na;
    }
    st->out.v[st->out.n++] = *q;
    return 0;
}

/* Appends p[s..e) collapsed, joined to what is there by one space. */
static int text_add(struct nb_buf *b, const char *p, size_t s, size_t e)
{
    while (s < e && cp_space((unsigned char)p[s]))
        s++;
    while (e > s && cp_space((unsigned char)p[e - 1]))
        e--;
    if (s == e)
        return 0;
    if (b->len && nb_buf_addc(b, ' ') < 0)
        return -1;
    return nb_text_collapse_space(p + s, e - s, b);
}

/* A quote whose words are only a title or a name: "Face the Nation",
 * ‘The 411’, "Morning Joe".  Also no letters at all. */
static int title_like(const char *t, size_t len)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, t, 0, len);
    size_t words = 0, caps = 0, letters = 0;
    for (size_t k = 0; k < w.n; k++) {
        if (!nb_quotes_tok_word(&w, k)) {
            if (nb_quotes_tok_punct(&w, k, ',') || nb_quotes_tok_punct(&w, k, '.') ||
                nb_quotes_tok_punct(&w, k, ':') || nb_quotes_tok_punct(&w, k, '!') ||
                nb_quotes_tok_punct(&w, k, '?') || nb_quotes_tok_punct(&w, k, '-') ||
                nb_quotes_tok_punct(&w, k, '&'))
                continue;
            return 0;
        }
        if (cp_letter(cp_at(t, len, w.t[k].s, NULL)))
            letters++;
        if (nb_quotes_tok_in(&w, k, NB_QUOTES_ORG_JOINERS) || nb_quotes_tok_is(&w, k, "a") ||
            nb_quotes_tok_is(&w, k, "an") || nb_quotes_tok_is(&w, k, "in") ||
            nb_quotes_tok_is(&w, k, "to") || nb_quotes_tok_is(&w, k, "at"))
            continue;
        words++;
        if (nb_quotes_tok_cap(&w, k) || cp_digit(cp_at(t, len, w.t[k].s, NULL)))
            caps++;
    }
    if (letters == 0)
        return 1;
    return w.n < NB_QUOTES_WIN_TOKENS && words > 0 && words <= 7 && caps == words;
}

static void free_quote(struct nb_quote *q)
{
    free(q->text);
    free(q->speaker);
    free(q->role);
    q->text = q->speaker = q->role = NULL;
}

/* 1 when p[from..i) ends with the word "that" (and maybe a comma). */
static int after_that(const char *p, size_t from, size_t i)
{
    if (i > from && p[i - 1] == ',')
        i--;
    while (i > from && cp_space((unsigned char)p[i - 1]))
        i--;
    if (i < from + 4)
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (tolower((unsigned char)p[i - 4 + k]) != "that"[k])
            return 0;
    return i == from + 4 || !cp_alnum(cp_before(p, i - 4));
}

/* Is the quote opening at `open` a fragment inside a sentence? */
static int is_partial(const char *p, size_t sent_start, size_t open, size_t start, size_t end)
{
    size_t i = open;
    while (i > sent_start && cp_space((unsigned char)p[i - 1]))
        i--;
    if (i <= sent_start)
        return 0;
    uint32_t first = 0;
    for (size_t j = start; j < end; j++) {
        uint32_t c = cp_at(p, end, j, NULL);
        if (cp_alnum(c)) {
            first = c;
            break;
        }
    }
    uint32_t prev = cp_before(p, i);
    if (prev == ':' || prev == '.' || prev == '!' || prev == '?' || prev == 0x2026)
        return 0;
    if (after_that(p, sent_start, i))
        return 1; /* said that "We will win.": a sentence, but in reported speech */
    if (prev == ',' || prev == 0x2014 || prev == 0x2013 || cp_letter(prev))
        return !(cp_upper(first) || cp_digit(first));
    return 1;
}

/* 1 when the quote opening at `open` follows a word, a figure or a comma
 * of its sentence (which starts at `from`). */
static int embedded(const char *p, size_t from, size_t open)
{
    size_t i = open;
    while (i > from && cp_space((unsigned char)p[i - 1]))
        i--;
    if (i <= from)
        return 0;
    uint32_t prev = cp_before(p, i);
    return cp_alnum(prev) || prev == ',';
}

/* The segment's sentence: index in the paragraph's spans of the one
 * containing offset `at` (spans in order; *cursor moves forward only). */
static size_t span_of(const struct nb_spanv *sv, size_t *cursor, size_t at)
{
    while (*cursor + 1 < sv->n && sv->v[*cursor + 1].start <= at)
        (*cursor)++;
    return *cursor;
}

static int letters_in(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC3)
            return 1;
    return 0;
}

/* Emits the quote whose words are in st->text. */
static nb_status finish_quote(struct state *st, const char *p, size_t para,
                              const struct nb_quotes_speaker *before,
                              const struct nb_quotes_speaker *after, int partial, int embedded,
                              size_t sentence, int alone, int may_continue, int merge_ok,
                              struct nb_error *err)
{
    struct nb_quote q;
    memset(&q, 0, sizeof(q));
    struct nb_buf *t = &st->text;
    while (t->len && (t->data[t->len - 1] == ',' || t->data[t->len - 1] == ' '))
        nb_buf_truncate(t, t->len - 1);
    if (t->len == 0 || !letters_in(t->data, t->len))
        return NB_OK;
    const struct nb_quotes_speaker *sp = NULL;
    if (partial) {
        sp = before->verb ? before : after->verb ? after : NULL;
        if (!sp || title_like(t->data, t->len))
            return NB_OK; /* a scare quote or a title, no one's words */
    } else {
        if (before->verb && before->kind != NB_QUOTES_SP_NONE && !before->part)
            sp = before;
        if (after->verb && after->kind != NB_QUOTES_SP_NONE && (!sp || !before->verb))
            sp = after;
        if (!sp && before->verb && before->kind != NB_QUOTES_SP_NONE)
            sp = before;
        if ((embedded || (!sp && !alone)) && title_like(t->data, t->len))
            return NB_OK; /* on "Face the Nation", "Morning Joe" said */
        if (embedded && !sp && !before->verb)
            return NB_OK; /* posters reading "Save our park": a slogan */
    }
    /* "...," she said, "...": one quote with the attribution in the middle */
    if (merge_ok && st->out.n && !after->verb) {
        struct nb_quote *prev = &st->out.v[st->out.n - 1];
        struct nb_buf m;
        nb_buf_init(&m, 0);
        /* "We won," she said. "It was close." reads "We won. It was close." */
        size_t pl = strlen(prev->text);
        int ended = pl && strchr(".!?", prev->text[pl - 1]) != NULL;
        const char *glue = ended ? " " : cp_upper(cp_at(t->data, t->len, 0, NULL)) ? ". " : ", ";
        if (nb_buf_adds(&m, prev->text) < 0 || nb_buf_adds(&m, glue) < 0 ||
            nb_buf_add(&m, t->data, t->len) < 0) {
            nb_buf_release(&m);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        free(prev->text);
        prev->text = nb_buf_detach(&m, NULL);
        nb_buf_reset(t);
        if (!prev->text)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        return NB_OK;
    }
    if (sp && nb_quotes_resolve(&st->mem, p, para, sp, &q) < 0)
        goto nomem;
    int same_para = st->mem.have_last && st->mem.last_para == para && !embedded;
    if (!sp && !partial && st->mem.have_last &&
        ((may_continue && (para <= st->mem.last_para + 1 || st->last_ended_colon)) ||
         same_para)) {
        /* a quoted paragraph without attribution, or a quoted sentence
         * after an attributed one in the same paragraph ("...," said Ola
         * Berg, a minister who ... . "..."): the same voice goes on */
        if (!(q.speaker = nb_strdup(st->mem.last_speaker)))
            goto nomem;
        if (st->mem.last_role && !(q.role = nb_strdup(st->mem.last_role)))
            goto nomem;
    }
    q.partial = partial;
    q.sentence = sentence;
    q.text = nb_buf_detach(t, NULL);
    if (!q.text)
        goto nomem;
    if (q.speaker && nb_quotes_remember_speaker(&st->mem, &q, para) < 0)
        goto nomem;
    if (add_quote(st, &q) < 0)
        goto nomem;
    return NB_OK;
nomem:
    free_quote(&q);
    nb_buf_reset(t);
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}

static nb_status do_paragraph(struct state *st, size_t para, const char *next, int *carry,
                              size_t *sentence_base, struct nb_quotes_segv *segs,
                              struct nb_error *err)
{
    const char *p = st->a->paragraphs.v[para];
    size_t len = strlen(p);
    struct nb_spanv spans;
    nb_spanv_init(&spans);
    nb_status rc = nb_sentences_spans(p, len, &spans, err);
    if (rc != NB_OK)
        return rc;
    int carry_out = 0;
    if (nb_quotes_scan_marks(p, len, next, *carry, segs, &carry_out) < 0) {
        nb_spanv_release(&spans);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    size_t cursor = 0, scanned = 0;
    size_t prev_emitted = st->out.n;
    int prev_full_with_after = 0;
    size_t prev_after = 0;
    for (size_t k = 0; rc == NB_OK && k < segs->n; k++) {
        const struct nb_quotes_seg *s = &segs->v[k];
        size_t boundary = k + 1 < segs->n ? segs->v[k + 1].open : len;
        struct nb_quotes_speaker before, after, context;
        memset(&before, 0, sizeof(before));
        memset(&after, 0, sizeof(after));
        memset(&context, 0, sizeof(context));
        if (!s->cont_prev) {
            nb_quotes_mem_scan(&st->mem, p, scanned, s->open, para);
            size_t si = span_of(&spans, &cursor, s->open);
            size_t sent_start = spans.n ? spans.v[si].start : 0;
            size_t from = sent_start > scanned ? sent_start : scanned;
            if (k > 0 && segs->v[k - 1].after > from)
                from = segs->v[k - 1].after;
            nb_quotes_attrib_before(p, from, s->open, &before);
            if (before.verb && before.kind == NB_QUOTES_SP_NONE && from > sent_start) {
                /* "Mr. Trump ... -- ''...'' -- and, asked later, asserting,
                 * ''...''": a participle's subject opens the sentence, before
                 * the quote that came first */
                struct nb_quotes_win w;
                nb_quotes_win_fill(&w, p, sent_start, s->open);
                nb_quotes_clause_subject(&w, 0, w.n, &before);
            }
            int partial = is_partial(p, from, s->open, s->start, s->end);
            size_t ctx_from = k > 0 ? segs->v[k - 1].after : 0;
            if (k == 0 && !before.verb && !partial && sent_start > ctx_from &&
                !s->cont_next) {
                /* "..., Schiff said. "The other factor is ..."": a quoted
                 * sentence after an attributed one of the same paragraph */
                nb_quotes_attrib_before(p, ctx_from, sent_start, &context);
                if (context.kind != NB_QUOTES_SP_NAME && context.kind != NB_QUOTES_SP_PRONOUN)
                    memset(&context, 0, sizeof(context));
            }
            nb_buf_reset(&st->text);
            if (text_add(&st->text, p, s->start, s->end) < 0)
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            st->pend_sentence = *sentence_base + (spans.n ? si : 0);
            st->pend_partial = partial;
            st->pend_embedded = embedded(p, from, s->open);
            st->pend_before = before;
            st->pend_para_text = p;
            st->pend_para = para;
        } else if (text_add(&st->text, p, s->start, s->end) < 0) {
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        scanned = s->after;
        if (rc != NB_OK)
            break;
        if (s->cont_next) {
            st->pending = 1;
            break;
        }
        st->pending = 0;
        if (s->after < boundary)
            nb_quotes_attrib_after(p, s->after, boundary, &after);
        int alone = s->open == 0 && s->after >= len - 1;
        /* a quote opening its paragraph, no speech verb after it */
        int cont = (s->open == 0 || s->cont_prev) && !nb_quotes_has_verb(p, s->after, boundary);
        int merge = 0;
        if (k > 0 && !s->cont_prev && prev_full_with_after && st->out.n > prev_emitted &&
            nb_quotes_attribution_only(p, prev_after, s->open))
            merge = 1;
        /* the attribution before a continued quote was read in its first
         * paragraph: resolve it there */
        const char *bp = st->pend_para_text;
        size_t bpara = st->pend_para;
        size_t n_before = st->out.n;
        if (s->cont_prev && !after.verb) {
            rc = finish_quote(st, bp, bpara, &st->pend_before, &after, st->pend_partial, 0,
                              st->pend_sentence, 1, cont, 0, err);
        } else if (s->cont_prev) {
            struct nb_quotes_speaker none;
            memset(&none, 0, sizeof(none));
            rc = finish_quote(st, p, para, &none, &after, st->pend_partial, 0,
                              st->pend_sentence, 1, 0, 0, err);
        } else {
            const struct nb_quotes_speaker *bs = &st->pend_before;
            if (!bs->verb && !after.verb && context.verb && !merge && !st->pend_embedded &&
                !title_like(st->text.data, st->text.len))
                bs = &context;
            rc = finish_quote(st, p, para, bs, &after, st->pend_partial,
                              st->pend_embedded, st->pend_sentence, alone, cont, merge, err);
        }
        if (st->out.n > n_before || merge) {
            prev_full_with_after = !st->pend_partial && (after.verb || merge);
            prev_after = s->after;
        } else {
            prev_full_with_after = 0;
        }
    }
    if (rc == NB_OK && !st->pending) {
        nb_quotes_mem_scan(&st->mem, p, scanned, len, para);
        size_t e = len;
        while (e > 0 && cp_space((unsigned char)p[e - 1]))
            e--;
        st->last_ended_colon = e > 0 && p[e - 1] == ':';
        if (st->last_ended_colon) {
            /* "Berg put it this way:" then a quoted paragraph */
            struct nb_quotes_speaker sp;
            size_t ci = spans.n ? spans.n - 1 : 0;
            nb_quotes_attrib_before(p, spans.n ? spans.v[ci].start : 0, e, &sp);
            if (sp.kind == NB_QUOTES_SP_NONE) {
                struct nb_quotes_win w;
                nb_quotes_win_fill_tail(&w, p, spans.n ? spans.v[ci].start : 0, e);
                nb_quotes_clause_subject(&w, 0, w.n, &sp);
            }
            struct nb_quote q;
            memset(&q, 0, sizeof(q));
            if (sp.kind != NB_QUOTES_SP_NONE) {
                if (nb_quotes_resolve(&st->mem, p, para, &sp, &q) < 0 ||
                    (q.speaker && nb_quotes_remember_speaker(&st->mem, &q, para) < 0))
                    rc = nb_error_set(err, NB_ENOMEM, "out of memory");
                free_quote(&q);
            }
        }
    }
    *carry = carry_out;
    *sentence_base += spans.n;
    nb_spanv_release(&spans);
    return rc;
}

nb_status nb_quotes_find(struct nb_article *a, struct nb_error *err)
{
    if (!a)
        return nb_error_set(err, NB_EINTERNAL, "quotes: no article");
    struct state *st = calloc(1, sizeof(*st));
    if (!st)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    st->a = a;
    nb_quotes_memory_init(&st->mem);
    nb_buf_init(&st->text, 0);
    struct nb_quotes_segv segs = {NULL, 0, 0};
    int carry = 0;
    size_t base = 0;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < a->paragraphs.n; i++) {
        const char *next = i + 1 < a->paragraphs.n ? a->paragraphs.v[i + 1] : NULL;
        rc = do_paragraph(st, i, next, &carry, &base, &segs, err);
    }
    if (rc == NB_OK && base != a->sentences.n && a->sentences.n) {
        /* the sentence count must agree with the splitter's: clamp */
        for (size_t i = 0; i < st->out.n; i++)
            if (st->out.v[i].sentence >= a->sentences.n)
                st->out.v[i].sentence = a->sentences.n - 1;
    }
    if (rc == NB_OK) {
        for (size_t i = 0; i < a->nquotes; i++)
            free_quote(&a->quotes[i]);
        free(a->quotes);
        a->quotes = st->out.v;
        a->nquotes = st->out.n;
    } else {
        for (size_t i = 0; i < st->out.n; i++)
            free_quote(&st->out.v[i]);
        free(st->out.v);
    }
    nb_quotes_segv_release(&segs);
    nb_buf_release(&st->text);
    nb_quotes_memory_release(&st->mem);
    free(st);
    return rc;
}
