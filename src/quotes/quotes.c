/* quotes.c - direct quotations and who said them.
 *
 * Three passes per paragraph, in article order, all linear:
 *  1. marks (marks.c): quotation marks are told from apostrophes and
 *     paired into quoted stretches, a quote over paragraphs included.
 *  2. attribution (attribution.c, names.c): the words around each quote
 *     are read for a speech verb and its subject, split into name and role.
 *  3. resolution: pronouns, surnames ("Berg", "Mr Berg") and "the
 *     minister" are resolved through a small memory of the people named so
 *     far; a quoted paragraph without attribution continues the previous
 *     speaker.
 * Every look-around reads a bounded window, so the whole pass stays linear
 * however long a paragraph is.
 */
#include "quotes/quotes.h"
#include "quotes/chars.h"
#include "quotes/attribution.h"
#include "quotes/marks.h"
#include "quotes/names.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"

#include "text/buf.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* "the Italian", "the 54-year-old", "the former manager": a definite
 * description of a person, not of an organisation ("the ministry"). */
static int person_description(const char *np, size_t len)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, np, 0, len);
    if (w.n < 2 || w.n > 4 || !nb_quotes_tok_is(&w, 0, "the"))
        return 0;
    size_t h = w.n - 1;
    if (!nb_quotes_tok_word(&w, h) || nb_quotes_tok_in(&w, h, NB_QUOTES_ORG_WORDS))
        return 0;
    size_t hl = nb_quotes_tok_len(&w, h);
    const char *t = np + w.t[h].s;
    if (hl > 9 && cp_digit((unsigned char)t[0]) &&
        (memcmp(t + hl - 9, "-year-old", 9) == 0 || memcmp(t + hl - 9, " year old", 9) == 0))
        return 1;
    if (w.n == 2 && nb_quotes_demonym(&w, h))
        return 1;
    /* "the manager", "the senator", "the man": only through a role said
     * before (mem_role); a bare description may be someone never named */
    return 0;
}

/* A role written next to a name in running text, for tokens [k, e) of
 * the name: "Kingsbridge boss Marco Ferri", "Prof. Adaeze Nwosu of the
 * Edinburgh Centre", "The visitors' captain, Dylan Price,", "Janet
 * Holloway, a portfolio manager at Crestline Capital,".  1 when found. */
static int scan_role(const struct nb_quotes_win *w, size_t k, size_t e, size_t *rs, size_t *re)
{
    /* before, no comma: lower-case role noun, up to two modifiers */
    if (k > 0 && nb_quotes_tok_word(w, k - 1) && !nb_quotes_tok_cap(w, k - 1) &&
        nb_quotes_tok_in(w, k - 1, NB_QUOTES_ROLE_NOUNS)) {
        size_t i = k - 1;
        while (i > 0 && k - i < 3 && nb_quotes_tok_word(w, i - 1) &&
               !nb_quotes_tok_in(w, i - 1, NB_QUOTES_NP_STOPS) &&
               !nb_quotes_tok_in(w, i - 1, NB_QUOTES_CAP_STOPS) &&
               !nb_quotes_tok_in(w, i - 1, NB_QUOTES_POSSESSIVES) &&
               !nb_quotes_tok_verb(w, i - 1) && !nb_quotes_tok_in(w, i - 1, NB_QUOTES_ROLE_PREPS))
            i--;
        *rs = w->t[i].s;
        *re = w->t[k - 1].e;
        return 1;
    }
    /* after: an affiliation or an apposition, ended by punctuation or a
     * relative clause */
    size_t j = e;
    if (j < w->n && nb_quotes_tok_punct(w, j, ','))
        j++;
    if (j + 1 < w->n &&
        (nb_quotes_tok_is(w, j, "of") || nb_quotes_tok_is(w, j, "at") ||
         nb_quotes_tok_is(w, j, "from") ||
         (j > e && (nb_quotes_tok_is(w, j, "a") || nb_quotes_tok_is(w, j, "an"))))) {
        size_t c = j + 1, names = 0;
        while (c < w->n && c - j < 11 && nb_quotes_tok_word(w, c) && !nb_quotes_tok_verb(w, c) &&
               !nb_quotes_relative_word(w, c)) {
            names += nb_quotes_name_token(w, c);
            c++;
        }
        int ended = c < w->n && (nb_quotes_tok_punct(w, c, ',') || nb_quotes_tok_punct(w, c, '.') ||
                                 nb_quotes_tok_punct(w, c, ';') || nb_quotes_relative_word(w, c));
        int affil = !nb_quotes_tok_is(w, j, "a") && !nb_quotes_tok_is(w, j, "an");
        if (ended && c > j + 1 && (!affil || names)) {
            *rs = w->t[j].s;
            *re = w->t[c - 1].e;
            return 1;
        }
    }
    /* before, with commas: "The visitors' captain, Dylan Price," */
    if (k > 1 && nb_quotes_tok_punct(w, k - 1, ',') && e < w->n && nb_quotes_tok_punct(w, e, ',')) {
        size_t a = nb_quotes_np_back(w, 0, k - 1);
        if (a < k - 1 && nb_quotes_tok_in(w, k - 2, NB_QUOTES_ROLE_NOUNS)) {
            struct nb_quotes_speaker s;
            memset(&s, 0, sizeof(s));
            nb_quotes_np_split_plain(w, a, k - 1, &s);
            if (s.kind == NB_QUOTES_SP_NP) {
                *rs = s.ns;
                *re = s.ne;
                return 1;
            }
        }
    }
    return 0;
}

/* ---- who is who: the article's people so far --------------------------- */

#define MEM_SIZE 64

struct entity {
    const char *name;
    size_t len;
    const char *role;
    size_t role_len;
    int gender;
    int person;
    size_t para, pos; /* last mention */
    int subject;      /* last mention was a speaker or a sentence subject */
};

struct memory {
    struct entity e[MEM_SIZE];
    size_t n;
    size_t stamp_para, stamp_pos;
};

static int later(size_t pa, size_t pos_a, size_t pb, size_t pos_b)
{
    return pa > pb || (pa == pb && pos_a > pos_b);
}

/* Length of the last word of name[0..len). */
static const char *last_word(const char *name, size_t len, size_t *wl)
{
    size_t i = len;
    while (i > 0 && name[i - 1] != ' ')
        i--;
    *wl = len - i;
    return name + i;
}

static struct entity *mem_find(struct memory *m, const char *name, size_t len)
{
    struct entity *best = NULL;
    int single = memchr(name, ' ', len) == NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct entity *e = &m->e[i];
        if (!e->person)
            continue;
        int hit = e->len == len && memcmp(e->name, name, len) == 0;
        if (!hit && single) {
            size_t wl;
            const char *lw = last_word(e->name, e->len, &wl);
            hit = wl == len && memcmp(lw, name, len) == 0;
        }
        if (hit && (!best || later(e->para, e->pos, best->para, best->pos)))
            best = e;
    }
    return best;
}

/* Records a mention; returns the entity (NULL when memory is full of newer
 * ones, which cannot happen: the oldest is replaced). */
static struct entity *mem_note(struct memory *m, const char *name, size_t len, int person,
                               int gender, size_t para, size_t pos, int subject)
{
    struct entity *e = person ? mem_find(m, name, len) : NULL;
    if (!e) {
        for (size_t i = 0; i < m->n; i++)
            if (m->e[i].len == len && memcmp(m->e[i].name, name, len) == 0)
                e = &m->e[i];
    }
    if (!e) {
        if (m->n < MEM_SIZE) {
            e = &m->e[m->n++];
        } else {
            e = &m->e[0];
            for (size_t i = 1; i < m->n; i++)
                if (later(e->para, e->pos, m->e[i].para, m->e[i].pos))
                    e = &m->e[i];
        }
        memset(e, 0, sizeof(*e));
        e->name = name;
        e->len = len;
        e->person = person;
    } else if (len > e->len && person) {
        e->name = name; /* a fuller form of the name */
        e->len = len;
    }
    if (gender)
        e->gender = gender;
    e->para = para;
    e->pos = pos;
    e->subject = subject;
    return e;
}

/* Tokens [a, k) before a name are only its description, so the name is
 * the sentence's subject: "Kingsbridge boss Marco Ferri was", "The team's
 * lead author, Prof. Adaeze Nwosu". */
static int subject_lead(const struct nb_quotes_win *w, size_t a, size_t k)
{
    if (k < a || k - a > 6)
        return 0;
    for (size_t j = a; j < k; j++) {
        if (nb_quotes_tok_punct(w, j, ','))
            continue;
        if (!nb_quotes_tok_word(w, j) || nb_quotes_tok_verb(w, j) ||
            nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_M) ||
            nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_F) ||
            nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_OTHER) ||
            (nb_quotes_tok_in(w, j, NB_QUOTES_NP_STOPS) && !nb_quotes_tok_is(w, j, "the")))
            return 0;
    }
    return 1;
}

/* People named in p[from..to) (no quotes inside): runs of two or more
 * name words, and known surnames. */
static void mem_scan(struct memory *m, const char *p, size_t from, size_t to, size_t para)
{
    struct nb_quotes_win w;
    size_t i = from;
    int sentence_start = from == 0;
    while (i < to) {
        w.p = p;
        w.n = 0;
        struct nb_quotes_tok t;
        size_t last = i;
        while (w.n < NB_QUOTES_WIN_TOKENS && nb_quotes_next_token(p, to, &i, &t)) {
            w.t[w.n++] = t;
            last = i;
        }
        if (w.n == 0)
            break;
        size_t k = 0;
        size_t limit = w.n == NB_QUOTES_WIN_TOKENS ? w.n - 8 : w.n; /* leave a margin */
        /* the sentence's first token, when in this window */
        size_t sent_k = sentence_start ? 0 : SIZE_MAX;
        while (k < limit) {
            if (!nb_quotes_name_token(&w, k) && !nb_quotes_tok_honorific(&w, k, NULL)) {
                sentence_start = nb_quotes_tok_punct(&w, k, '.') ||
                                 nb_quotes_tok_punct(&w, k, '?') || nb_quotes_tok_punct(&w, k, '!');
                if (sentence_start)
                    sent_k = k + 1;
                k++;
                continue;
            }
            size_t e = k;
            int org = 0;
            while (e < w.n && e - k < (org ? 10u : 6u) &&
                   (nb_quotes_name_token(&w, e) || nb_quotes_tok_honorific(&w, e, NULL) ||
                    (e > k && e + 1 < w.n && nb_quotes_tok_in(&w, e, NB_QUOTES_NAME_PARTICLES) &&
                     nb_quotes_name_token(&w, e + 1)) ||
                    /* "Edinburgh Centre for Exoplanet Science" is one name,
                     * no person's */
                    (org && e + 1 < w.n && nb_quotes_tok_in(&w, e, NB_QUOTES_ORG_JOINERS) &&
                     (nb_quotes_name_token(&w, e + 1) ||
                      (nb_quotes_tok_is(&w, e + 1, "the") && e + 2 < w.n &&
                       nb_quotes_name_token(&w, e + 2)))))) {
                org |= nb_quotes_tok_in(&w, e, NB_QUOTES_ORG_WORDS);
                e++;
                if (nb_quotes_tok_possessive(&w, e - 1))
                    break;
            }
            struct nb_quotes_speaker sp;
            memset(&sp, 0, sizeof(sp));
            nb_quotes_np_split(&w, k, e, &sp);
            if (sp.kind == NB_QUOTES_SP_NAME && sp.person) {
                const char *nm = p + sp.ns;
                size_t nl = sp.ne - sp.ns;
                int multi = memchr(nm, ' ', nl) != NULL;
                int honor = nb_quotes_tok_honorific(&w, k, NULL);
                if (multi || honor || mem_find(m, nm, nl)) {
                    struct entity *en = mem_note(m, nm, nl, 1, sp.gender, para, w.t[k].s,
                                                 sentence_start ||
                                                     (sent_k != SIZE_MAX &&
                                                      subject_lead(&w, sent_k, k)));
                    size_t rs, re;
                    if (!en->role && sp.rs < sp.re) { /* "Mayor Ann Reed" */
                        en->role = p + sp.rs;
                        en->role_len = sp.re - sp.rs;
                    } else if (!en->role && scan_role(&w, k, e, &rs, &re)) {
                        en->role = p + rs;
                        en->role_len = re - rs;
                        if (!en->gender)
                            en->gender = nb_quotes_role_gender(&w, k > 2 ? k - 3 : 0, k);
                    }
                }
            }
            sentence_start = 0;
            k = e;
        }
        if (limit == w.n)
            break;
        i = k < w.n ? w.t[k].s : last;
    }
}

/* The person a pronoun at (para, pos) stands for. */
static struct entity *mem_pronoun(struct memory *m, int gender, size_t para, size_t pos)
{
    struct entity *best = NULL, *any = NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct entity *e = &m->e[i];
        if (!e->person || !later(para, pos, e->para, e->pos))
            continue;
        if (gender && e->gender && e->gender != gender)
            continue;
        if (para > e->para + 4)
            continue;
        if (e->subject && (!best || later(e->para, e->pos, best->para, best->pos)))
            best = e;
        if (!any || later(e->para, e->pos, any->para, any->pos))
            any = e;
    }
    if (best && any && any->para > best->para + 1)
        return any;
    return best ? best : any;
}

/* The part of a role that says what the person is: "an economist" of
 * "an economist at Nordhavn Capital"; none of "of the Harbour Trust" (the
 * trust is not the person). */
static size_t role_head_len(const char *role, size_t len)
{
    static const char *const preps[] = {"of", "at", "for", "from", "in", "with"};
    size_t i = 0;
    while (i < len) {
        size_t s = i;
        while (i < len && role[i] != ' ')
            i++;
        for (size_t k = 0; k < sizeof(preps) / sizeof(preps[0]); k++)
            if (i - s == strlen(preps[k]) && memcmp(role + s, preps[k], i - s) == 0)
                return s;
        while (i < len && role[i] == ' ')
            i++;
    }
    return len;
}

/* The person "the minister" stands for: the latest whose role says so. */
static struct entity *mem_role(struct memory *m, const char *np, size_t len)
{
    size_t wl;
    const char *head = last_word(np, len, &wl);
    if (wl < 3)
        return NULL;
    struct entity *best = NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct entity *e = &m->e[i];
        if (!e->person || !e->role)
            continue;
        size_t rl = role_head_len(e->role, e->role_len);
        for (size_t j = 0; j + wl <= rl; j++) {
            size_t c = 0;
            while (c < wl && tolower((unsigned char)e->role[j + c]) ==
                                 tolower((unsigned char)head[c]))
                c++;
            if (c == wl && (!best || later(e->para, e->pos, best->para, best->pos))) {
                best = e;
                break;
            }
        }
    }
    return best;
}

/* ---- the pass ---------------------------------------------------------- */

struct quotes_out {
    struct nb_quote *v;
    size_t n, alloc;
};

struct state {
    struct nb_article *a;
    struct memory mem;
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
    /* the latest speaker, for continuation paragraphs */
    char *last_speaker;
    char *last_role;
    size_t last_para;
    int have_last;
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

/* Fills q's speaker and role from sp (paragraph text p at index para). */
static int resolve(struct state *st, const char *p, size_t para, const struct nb_quotes_speaker *sp,
                   struct nb_quote *q)
{
    const char *name = NULL, *role = NULL;
    size_t nl = 0, rl = 0;
    char *own_role = NULL;
    if (sp->rs < sp->re) {
        role = p + sp->rs;
        rl = sp->re - sp->rs;
    }
    if (sp->kind == NB_QUOTES_SP_NAME) {
        name = p + sp->ns;
        nl = sp->ne - sp->ns;
        struct entity *e = mem_note(&st->mem, name, nl, sp->person, sp->gender, para,
                                    sp->pos, 1);
        name = e->name;
        nl = e->len;
        if (role) {
            e->role = role;
            e->role_len = rl;
        } else if (e->role) {
            role = e->role;
            rl = e->role_len;
        }
    } else if (sp->kind == NB_QUOTES_SP_PRONOUN) {
        if (sp->gender) {
            struct entity *e = mem_pronoun(&st->mem, sp->gender, para, sp->pos);
            if (e) {
                name = e->name;
                nl = e->len;
                role = e->role;
                rl = e->role_len;
                e->para = para;
                e->pos = sp->pos;
                e->subject = 1;
            }
        } else if (st->have_last && para <= st->last_para + 1 && st->last_speaker &&
                   (p[sp->ns] == 't' || p[sp->ns] == 'T' || p[sp->ns] == 'i' ||
                    p[sp->ns] == 'I') && sp->ne - sp->ns > 1) {
            /* "they" / "it": the latest speaker when it was not a person */
            struct entity *e = mem_find(&st->mem, st->last_speaker, strlen(st->last_speaker));
            if (!e) {
                name = st->last_speaker;
                nl = strlen(name);
            }
        }
    } else if (sp->kind == NB_QUOTES_SP_NP) {
        name = p + sp->ns;
        nl = sp->ne - sp->ns;
        int definite = nl > 4 && (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0);
        struct entity *e = definite ? mem_role(&st->mem, name, nl) : NULL;
        if (!e && definite && person_description(name, nl)) {
            /* "the Italian said", "the 54-year-old said": the latest person
             * named, if named close by */
            e = mem_pronoun(&st->mem, sp->gender, para, sp->pos);
            if (e && para > e->para + 1)
                e = NULL;
        }
        if (e) {
            role = e->role;
            rl = e->role_len;
            name = e->name;
            nl = e->len;
            e->para = para;
            e->pos = sp->pos;
        }
    }
    if (name) {
        q->speaker = nb_strndup(name, nl);
        if (!q->speaker)
            return -1;
    }
    if (role && name) {
        own_role = nb_strndup(role, rl);
        if (!own_role)
            return -1;
        q->role = own_role;
    }
    return 0;
}

static int remember_speaker(struct state *st, const struct nb_quote *q, size_t para)
{
    free(st->last_speaker);
    free(st->last_role);
    st->last_speaker = NULL;
    st->last_role = NULL;
    st->have_last = q->speaker != NULL;
    st->last_para = para;
    if (q->speaker && !(st->last_speaker = nb_strdup(q->speaker)))
        return -1;
    if (q->role && !(st->last_role = nb_strdup(q->role)))
        return -1;
    return 0;
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
    if (sp && resolve(st, p, para, sp, &q) < 0)
        goto nomem;
    int same_para = st->have_last && st->last_para == para && !embedded;
    if (!sp && !partial && st->have_last &&
        ((may_continue && (para <= st->last_para + 1 || st->last_ended_colon)) ||
         same_para)) {
        /* a quoted paragraph without attribution, or a quoted sentence
         * after an attributed one in the same paragraph ("...," said Ola
         * Berg, a minister who ... . "..."): the same voice goes on */
        if (!(q.speaker = nb_strdup(st->last_speaker)))
            goto nomem;
        if (st->last_role && !(q.role = nb_strdup(st->last_role)))
            goto nomem;
    }
    q.partial = partial;
    q.sentence = sentence;
    q.text = nb_buf_detach(t, NULL);
    if (!q.text)
        goto nomem;
    if (q.speaker && remember_speaker(st, &q, para) < 0)
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
            mem_scan(&st->mem, p, scanned, s->open, para);
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
        mem_scan(&st->mem, p, scanned, len, para);
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
                if (resolve(st, p, para, &sp, &q) < 0 ||
                    (q.speaker && remember_speaker(st, &q, para) < 0))
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
    free(st->last_speaker);
    free(st->last_role);
    free(st);
    return rc;
}
