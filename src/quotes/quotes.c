/* quotes.c - direct quotations and who said them: the driver.
 *
 * Three passes per paragraph, in article order, all linear:
 *  1. marks (marks.c): quotation marks are told from apostrophes and
 *     paired into quoted stretches, a quote over paragraphs included.
 *  2. attribution (attribution.c, names.c): the words around each quote
 *     are read for a speech verb and its subject, split into name and role.
 *  3. resolution (speakers.c, descriptions.c): pronouns, surnames and
 *     descriptions are resolved through a memory of the people and
 *     organisations named so far; a quoted paragraph without attribution
 *     continues the previous speaker while the text stays with them
 *     (people.c).
 * emit.c decides what each quoted stretch becomes: a quote or nothing,
 * whole or a fragment, and whose; people.c lists the speakers found, with
 * how the article refers to each.
 * Every look-around reads a bounded window of tokens (tokens.c), so the
 * whole pass stays linear however long a paragraph is.
 *
 * This file runs the passes paragraph by paragraph; a quote that runs
 * over paragraphs is carried to the next one with the attribution read
 * before it, and resolved where that attribution was.
 */
#include "quotes/quotes.h"
#include "quotes/attribution.h"
#include "quotes/labels.h"
#include "quotes/emit.h"
#include "quotes/marks.h"
#include "quotes/names.h"
#include "quotes/people.h"
#include "quotes/speakers.h"
#include "quotes/tokens.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the pass ---------------------------------------------------------- */

/* The segment's sentence: index in the paragraph's spans of the one
 * containing offset `at` (spans in order; *cursor moves forward only). */
static size_t span_of(const struct nb_spanv *sv, size_t *cursor, size_t at)
{
    while (*cursor + 1 < sv->n && sv->v[*cursor + 1].start <= at)
        (*cursor)++;
    return *cursor;
}

/* The spans in p[0..len) of the article's sentences from index `base`,
 * found by their text: the article split them already, and sentences are
 * the paragraph's text with its spaces collapsed, as the paragraph is.
 * Falls back to splitting p again when they do not cover it exactly.
 * NB_OK, or NB_ENOMEM. */
static nb_status paragraph_spans(const struct nb_article *a, size_t base, const char *p, size_t len,
                                 struct nb_spanv *out, struct nb_error *err)
{
    size_t at = 0, k = base;
    for (;;) {
        while (at < len && nb_ascii_is_space((unsigned char)p[at]))
            at++;
        if (at == len || k >= a->sentences.n)
            break;
        const char *sv = a->sentences.v[k];
        size_t sl = strlen(sv);
        if (sl == 0 || sl > len - at || memcmp(p + at, sv, sl) != 0)
            break;
        if (out->n == out->alloc) {
            size_t na = out->alloc ? out->alloc * 2 : 8;
            struct nb_span *nv = realloc(out->v, na * sizeof(*nv));
            if (!nv)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
            out->v = nv;
            out->alloc = na;
        }
        out->v[out->n].start = at;
        out->v[out->n].end = at + sl;
        out->n++;
        at += sl;
        k++;
    }
    if (at == len && out->n > 0)
        return NB_OK;
    out->n = 0; /* not the article's sentences: split this paragraph itself */
    return nb_sentences_spans(p, len, out, err);
}

/* 1 when the quote whose words end at p[end] ended its sentence and the
 * stretch p[from..to) after its closing mark opens a new one: ""... we
 * have found." He added, "..."" is two quotes, not one cut in two. */
static int new_sentence_between(const char *p, size_t end, size_t from, size_t to)
{
    size_t e = end;
    while (e > 0 && nb_ascii_is_space((unsigned char)p[e - 1]))
        e--;
    if (e == 0 || !(p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?'))
        return 0;
    while (from < to && !nb_ascii_is_alpha((unsigned char)p[from]))
        from++;
    return from < to && nb_ascii_is_upper((unsigned char)p[from]);
}

static nb_status do_paragraph(struct nb_quotes_pass *st, size_t para, const char *next, int *carry,
                              size_t *sentence_base, struct nb_quotes_segv *segs,
                              struct nb_error *err)
{
    const char *p = st->a->paragraphs.v[para];
    size_t len = strlen(p);
    struct nb_spanv spans;
    nb_spanv_init(&spans);
    nb_status rc = paragraph_spans(st->a, *sentence_base, p, len, &spans, err);
    if (rc != NB_OK) {
        nb_spanv_release(&spans);
        return rc;
    }
    int carry_out = 0;
    if (nb_quotes_scan_marks(p, len, next, *carry, segs, &carry_out) != NB_OK) {
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
            if (!before.verb)
                nb_quotes_known_label(p, from, s->open, &st->mem, &before); /* "Clinton: "..."" */
            if (before.colon_only && before.rs == before.re &&
                !memchr(p + before.ns, ' ', before.ne - before.ns) &&
                !nb_quotes_known_person(&st->mem, p + before.ns, before.ne - before.ns))
                memset(&before, 0, sizeof(before)); /* "Ferries ran late:", no one named so */
            size_t lead = sent_start;
            while (lead < s->open && nb_ascii_is_space((unsigned char)p[lead]))
                lead++;
            int opens_with_quote = 0;
            for (size_t j = 0; j < k && !opens_with_quote; j++)
                opens_with_quote = segs->v[j].open == lead;
            if (before.verb &&
                (before.kind == NB_QUOTES_SP_NONE || (before.participle && !opens_with_quote)) &&
                from > sent_start) {
                /* "Mr. Trump ... -- ''...'' -- and, asked later, asserting,
                 * ''...''": a participle's subject opens the sentence, before
                 * the quote that came first */
                struct nb_quotes_win w;
                struct nb_quotes_speaker c;
                memset(&c, 0, sizeof(c));
                nb_quotes_win_fill(&w, p, sent_start, s->open);
                nb_quotes_clause_subject(&w, 0, w.n, &c);
                if (c.kind == NB_QUOTES_SP_NAME || c.kind == NB_QUOTES_SP_PRONOUN ||
                    (c.kind != NB_QUOTES_SP_NONE && before.kind == NB_QUOTES_SP_NONE)) {
                    c.verb = 1; /* "Carson shared a class called "Perception" on his
                                   Facebook page, writing "..."": Carson's */
                    c.part = before.part;
                    c.participle = before.participle;
                    c.pos = before.pos;
                    before = c;
                }
            }
            int partial = nb_quotes_is_partial(p, from, s->open, s->start, s->end);
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
            if (nb_quotes_text_add(&st->text, p, s->start, s->end) != NB_OK)
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            st->pend_sentence = *sentence_base + (spans.n ? si : 0);
            st->pend_partial = partial;
            st->pend_embedded = nb_quotes_is_embedded(p, from, s->open);
            st->pend_before = before;
            st->pend_para_text = p;
            st->pend_para = para;
        } else if (nb_quotes_text_add(&st->text, p, s->start, s->end) != NB_OK) {
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
            nb_quotes_attribution_only(p, prev_after, s->open) &&
            !new_sentence_between(p, segs->v[k - 1].end, prev_after, s->open))
            merge = 1;
        /* the attribution before a continued quote was read in its first
         * paragraph: resolve it there */
        const char *bp = st->pend_para_text;
        size_t bpara = st->pend_para;
        size_t n_before = st->out.n;
        if (s->cont_prev && !after.verb) {
            rc = nb_quotes_finish_quote(st, bp, bpara, &st->pend_before, &after, st->pend_partial,
                                        0, st->pend_sentence, 1, cont, 0, err);
        } else if (s->cont_prev) {
            struct nb_quotes_speaker none;
            memset(&none, 0, sizeof(none));
            rc = nb_quotes_finish_quote(st, p, para, &none, &after, st->pend_partial, 0,
                                        st->pend_sentence, 1, 0, 0, err);
        } else {
            const struct nb_quotes_speaker *bs = &st->pend_before;
            struct nb_quotes_speaker none;
            memset(&none, 0, sizeof(none));
            if (after.inverted && after.kind == NB_QUOTES_SP_NAME && !st->pend_partial &&
                bs->kind != NB_QUOTES_SP_NONE)
                bs = &none; /* "... -- but Moscow denies -- '...?' asked Dunn": the
                             * inverted cue right after the quote is the speaker */
            if (!bs->verb && !after.verb && context.verb && !merge && !st->pend_embedded &&
                !nb_quotes_title_like(st->text.data, st->text.len))
                bs = &context;
            rc =
                nb_quotes_finish_quote(st, p, para, bs, &after, st->pend_partial, st->pend_embedded,
                                       st->pend_sentence, alone, cont, merge, err);
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
        while (e > 0 && nb_ascii_is_space((unsigned char)p[e - 1]))
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
                if (nb_quotes_resolve(&st->mem, p, para, &sp, &q) != NB_OK ||
                    (q.speaker && nb_quotes_remember_speaker(&st->mem, &q, para) != NB_OK))
                    rc = nb_error_set(err, NB_ENOMEM, "out of memory");
                nb_quotes_quote_release(&q);
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
    struct nb_quotes_pass *st = malloc(sizeof(*st));
    if (!st)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    /* not calloc: clearing the memory's entities (never read before they
     * are set) cost more than finding the quotes of a short article */
    memset(st, 0, offsetof(struct nb_quotes_pass, mem));
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
            nb_quotes_quote_release(&a->quotes[i]);
        free(a->quotes);
        a->quotes = st->out.v;
        a->nquotes = st->out.n;
        rc = nb_quotes_people(a, &st->mem, err);
    } else {
        for (size_t i = 0; i < st->out.n; i++)
            nb_quotes_quote_release(&st->out.v[i]);
        free(st->out.v);
    }
    nb_quotes_segv_release(&segs);
    nb_buf_release(&st->text);
    nb_quotes_memory_release(&st->mem);
    free(st);
    return rc;
}
