/* labels.c - a round-up's label before a quote: "Gerald F. Seib, The Wall
 * Street Journal:", "Pollsters agree - Carl Bialik:", "More from Jones:",
 * and in a transcript or a debate round-up "Clinton:" when the article has
 * named Hillary Clinton before.
 */
#include "quotes/labels.h"
#include "quotes/wordlists.h"
#include "text/chars.h"

#include <string.h>

/* A round-up's label before a quote, tokens [a, n) up to a colon:
 * "Gerald F. Seib, The Wall Street Journal:" (a name, an outlet after a
 * comma).  The name is a person's of two words or more, or an
 * organisation's.  Writes *sp and answers 1 when it is one. */
static int colon_label_at(const struct nb_quotes_win *w, size_t a, struct nb_quotes_speaker *sp)
{
    if (w->n < a + 3 || w->n - a > 16 || !nb_quotes_tok_punct(w, w->n - 1, ':'))
        return 0;
    size_t c = a;
    while (c < w->n - 1 && !nb_quotes_tok_punct(w, c, ','))
        c++;
    if (c == a || c - a > 6)
        return 0;
    for (size_t k = c + (c < w->n - 1); k < w->n - 1; k++)
        if (!nb_quotes_tok_word(w, k) ||
            !(nb_quotes_tok_cap(w, k) || nb_quotes_tok_in(w, k, NB_QUOTES_ORG_JOINERS)))
            return 0; /* the outlet: capitalised words only */
    struct nb_quotes_speaker s;
    memset(&s, 0, sizeof(s));
    nb_quotes_np_split(w, a, c, &s);
    if (s.kind != NB_QUOTES_SP_NAME || s.rs < s.re)
        return 0;
    size_t first = nb_quotes_tok_is(w, a, "the") ? a + 1 : a;
    if (s.ns != w->t[first].s || s.ne != w->t[c - 1].e)
        return 0;
    if (s.person && (c - first < 2 || memchr(w->p + s.ns, ' ', s.ne - s.ns) == NULL) && a == 0)
        return 0;
    *sp = s;
    if (c + 1 < w->n - 1) { /* the outlet is the role */
        sp->rs = w->t[c + 1].s;
        sp->re = w->t[w->n - 2].e;
    }
    sp->verb = 1;
    sp->pos = w->t[a].s;
    return 1;
}

int nb_quotes_colon_label(const struct nb_quotes_win *w, struct nb_quotes_speaker *sp)
{
    if (colon_label_at(w, 0, sp))
        return 1;
    for (size_t d = w->n; d-- > 0;) {
        if (nb_quotes_tok_dash(w, d) || nb_quotes_tok_is(w, d, "from"))
            return d + 1 < w->n && colon_label_at(w, d + 1, sp);
        if (!nb_quotes_tok_word(w, d) && !nb_quotes_tok_punct(w, d, ':') &&
            !nb_quotes_tok_punct(w, d, ',') && !nb_quotes_tok_punct(w, d, '.'))
            return 0;
    }
    return 0;
}

int nb_quotes_known_person(struct nb_quotes_memory *m, const char *name, size_t len)
{
    const struct nb_quotes_entity *e = nb_quotes_mem_lookup(m, name, len);
    return e && e->person && e->len > len && memchr(e->name, ' ', e->len) != NULL;
}

int nb_quotes_known_label(const char *p, size_t from, size_t to, struct nb_quotes_memory *m,
                          struct nb_quotes_speaker *sp)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, from, to);
    size_t a = 0;
    if (w.n >= 3 && (nb_quotes_tok_dash(&w, w.n - 3) || nb_quotes_tok_is(&w, w.n - 3, "from")))
        a = w.n - 2; /* "More from Jones:" */
    if (w.n != a + 2 || !nb_quotes_tok_punct(&w, a + 1, ':') || !nb_quotes_name_token(&w, a) ||
        nb_quotes_tok_honorific(&w, a, NULL))
        return 0;
    const char *name = p + w.t[a].s;
    size_t len = nb_quotes_tok_len(&w, a);
    if (!nb_quotes_known_person(m, name, len))
        return 0; /* a person named in full before, never a heading ("Verdict:") */
    memset(sp, 0, sizeof(*sp));
    sp->kind = NB_QUOTES_SP_NAME;
    sp->person = 1;
    sp->ns = w.t[a].s;
    sp->ne = w.t[a].e;
    sp->verb = 1;
    sp->pos = w.t[a].s;
    return 1;
}
