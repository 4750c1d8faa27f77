/* speakers.c - pass 3 of the quote finder: who the speaker is.
 *
 * Pronouns, surnames ("Berg", "Mr Berg") and "the minister" are resolved
 * through a small memory of the people named so far, filled both by the
 * attributions and by the names met in running text between quotes; a
 * quoted paragraph without attribution continues the previous speaker
 * (the driver asks for that through last_speaker).
 */
#include "quotes/speakers.h"
#include "quotes/descriptions.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/buf.h"
#include "text/chars.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- who is who: the article's people so far --------------------------- */

void nb_quotes_memory_init(struct nb_quotes_memory *m)
{
    /* no entity is read past n, and mem_note() clears each one it takes */
    m->n = 0;
    m->last_speaker = NULL;
    m->last_role = NULL;
    m->last_para = 0;
    m->have_last = 0;
}

void nb_quotes_memory_release(struct nb_quotes_memory *m)
{
    free(m->last_speaker);
    free(m->last_role);
    nb_quotes_memory_init(m);
}

static int later(size_t pa, size_t pos_a, size_t pb, size_t pos_b)
{
    return nb_quotes_later(pa, pos_a, pb, pos_b);
}

static struct nb_quotes_entity *mem_find(struct nb_quotes_memory *m, const char *name, size_t len)
{
    struct nb_quotes_entity *best = NULL;
    int single = memchr(name, ' ', len) == NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct nb_quotes_entity *e = &m->e[i];
        if (!e->person)
            continue;
        int hit = e->len == len && memcmp(e->name, name, len) == 0;
        if (!hit && single && e->len > len && e->name[e->len - len - 1] == ' ') {
            /* the entity's last word is the name: the name has no space,
             * so its last len bytes after a space are the last word */
            hit = memcmp(e->name + e->len - len, name, len) == 0;
        }
        if (hit && (!best || later(e->para, e->pos, best->para, best->pos)))
            best = e;
    }
    return best;
}

/* Records a mention; returns the entity (NULL when memory is full of newer
 * ones, which cannot happen: the oldest is replaced). */
static struct nb_quotes_entity *mem_note(struct nb_quotes_memory *m, const char *name, size_t len,
                                         int person, int gender, size_t para, size_t pos,
                                         int subject)
{
    struct nb_quotes_entity *e = person ? mem_find(m, name, len) : NULL;
    if (!e) {
        for (size_t i = 0; i < m->n; i++)
            if (m->e[i].len == len && memcmp(m->e[i].name, name, len) == 0)
                e = &m->e[i];
    }
    if (!e) {
        if (m->n < NB_QUOTES_MEMORY_SIZE) {
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

/* The person a pronoun at (para, pos) stands for, among those the text
 * shows to be people (evidence: an honorific, a role, a speech verb, he or
 * she): never a capitalised run only mentioned, which may be a day, an
 * event or a company ("On Christmas Day, he ...").  any_person: any
 * person named will do (a description's, which says it is a person).
 * *count: how many could it be. */
static struct nb_quotes_entity *mem_pronoun(struct nb_quotes_memory *m, int gender, size_t para,
                                            size_t pos, int any_person, size_t *count)
{
    *count = 0;
    struct nb_quotes_entity *best = NULL, *any = NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct nb_quotes_entity *e = &m->e[i];
        if (!e->person || !(e->evidence || any_person) || !later(para, pos, e->para, e->pos))
            continue;
        /* what the text says (Mr, "spokeswoman"), or the pronoun it had
         * when it was the only one it could be */
        int known = e->gender ? e->gender : e->pronoun;
        if (gender && known && known != gender)
            continue;
        (*count)++;
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

/* The honorific right before p[ns] ("Mr" of "Mr. Berg", "Dame" of "Dame
 * Ann Reed"), noted for e as its title and what it tells of e. */
static void note_title(struct nb_quotes_entity *e, const char *p, size_t ns)
{
    size_t i = ns;
    while (i > 0 && p[i - 1] == ' ')
        i--;
    size_t end = i;
    if (end > 0 && p[end - 1] == '.')
        end--;
    size_t s = end;
    while (s > 0 && nb_ascii_is_alpha((unsigned char)p[s - 1]))
        s--;
    int g = 0;
    if (s == end || end - s > 5 || (s > 0 && nb_ascii_is_alpha((unsigned char)p[s - 1])) ||
        !nb_quotes_honorific(p + s, end - s, &g))
        return;
    e->evidence = 1;
    if (!e->title) {
        e->title = p + s;
        e->title_len = end - s;
        e->title_gender = g;
    }
    if (g && !e->gender)
        e->gender = g;
}

/* ---- people named in running text -------------------------------------- */

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
    if (j + 1 < w->n && (nb_quotes_tok_is(w, j, "of") || nb_quotes_tok_is(w, j, "at") ||
                         nb_quotes_tok_is(w, j, "from") ||
                         (j > e && (nb_quotes_tok_is(w, j, "a") || nb_quotes_tok_is(w, j, "an") ||
                                    nb_quotes_tok_is(w, j, "the"))))) {
        size_t c = j + 1, names = 0;
        while (c < w->n && c - j < 11 && nb_quotes_tok_word(w, c) && !nb_quotes_tok_verb(w, c) &&
               !nb_quotes_relative_word(w, c)) {
            names += nb_quotes_name_token(w, c);
            c++;
        }
        int ended = c < w->n && (nb_quotes_tok_punct(w, c, ',') || nb_quotes_tok_punct(w, c, '.') ||
                                 nb_quotes_tok_punct(w, c, ';') || nb_quotes_relative_word(w, c));
        int affil = !nb_quotes_tok_is(w, j, "a") && !nb_quotes_tok_is(w, j, "an") &&
                    !nb_quotes_tok_is(w, j, "the");
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

/* "Tom Harlow lives with his grandmother": the subject of a sentence that
 * goes on to say he or she (his, her) is a person. */
static void referred_to(struct nb_quotes_entity *en, const struct nb_quotes_win *w, size_t e)
{
    for (size_t j = e; j < w->n && j < e + 15; j++) {
        if (nb_quotes_tok_punct(w, j, '.') || nb_quotes_tok_punct(w, j, '?') ||
            nb_quotes_tok_punct(w, j, '!'))
            return;
        int g = nb_quotes_tok_is(w, j, "he") || nb_quotes_tok_is(w, j, "his") ||
                        nb_quotes_tok_is(w, j, "him")
                    ? 1
                : nb_quotes_tok_is(w, j, "she") || nb_quotes_tok_is(w, j, "her") ? 2
                                                                                 : 0;
        if (g) {
            /* not its gender: "her" may be someone else's ("Berg attacked
             * Reed over her plan") */
            en->evidence = 1;
            return;
        }
    }
}

/* 1 when role[0..len) is only where someone is from: "of the Tromvik
 * Centre", "from Malmo". */
static int affiliation(const char *role, size_t len)
{
    return (len > 3 && memcmp(role, "of ", 3) == 0) || (len > 3 && memcmp(role, "at ", 3) == 0) ||
           (len > 5 && memcmp(role, "from ", 5) == 0);
}

/* Tokens [a, k) before a name are only its description, so the name is
 * the sentence's subject: "Kingsbridge boss Marco Ferri was", "The team's
 * lead author, Prof. Adaeze Nwosu", after an opening phrase too ("On
 * Christmas Day, Lind plans"). */
static int subject_lead(const struct nb_quotes_win *w, size_t a, size_t k)
{
    if (k > a && nb_quotes_tok_in(w, a, NB_QUOTES_OPENERS)) {
        /* "On Christmas Day, Lind plans": past an opening phrase */
        size_t c = a + 1;
        while (c < k && c - a < 8 && nb_quotes_tok_word(w, c))
            c++;
        if (c < k && nb_quotes_tok_punct(w, c, ','))
            a = c + 1;
    }
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
        /* "Jonas Eklund joined Harbour Rovers": a name and its verb came
         * first; "Kingsbridge boss" is only a description */
        if (nb_quotes_name_token(w, j) && !nb_quotes_tok_possessive(w, j) && j + 1 < k &&
            nb_quotes_tok_word(w, j + 1) && !nb_quotes_tok_cap(w, j + 1) &&
            !nb_quotes_tok_in(w, j + 1, NB_QUOTES_ROLE_NOUNS))
            return 0;
    }
    return 1;
}

/* 1 when tokens [a, b) end in a noun that names an organisation: "a
 * security firm", "the investment group", "The Hawks' parent company". */
static int org_phrase(const struct nb_quotes_win *w, size_t a, size_t b)
{
    if (b <= a || b - a > 8)
        return 0;
    for (size_t j = a; j < b; j++)
        if (!nb_quotes_tok_word(w, j) || nb_quotes_tok_verb(w, j))
            return 0;
    size_t h = b - 1;
    return !nb_quotes_tok_cap(w, h) && !nb_quotes_tok_possessive(w, h) &&
           (nb_quotes_tok_in(w, h, NB_QUOTES_ORG_NOUNS) ||
            nb_quotes_tok_in(w, h, NB_QUOTES_ORG_WORDS));
}

/* The name at tokens [k, e) set off by commas next to a phrase that says
 * it is an organisation: after it ("Brightwall, a security firm based in
 * Oslo,": an article, the noun within its first words) or before it ("The
 * Hawks' parent company, Nordlock Sports,").  The phrase is [*ra, *rb). */
static int org_apposition(const struct nb_quotes_win *w, size_t k, size_t e, size_t *ra, size_t *rb)
{
    if (e + 2 < w->n && nb_quotes_tok_punct(w, e, ',') &&
        (nb_quotes_tok_is(w, e + 1, "a") || nb_quotes_tok_is(w, e + 1, "an") ||
         nb_quotes_tok_is(w, e + 1, "the"))) {
        for (size_t h = e + 2; h < w->n && h < e + 6 && nb_quotes_tok_word(w, h); h++)
            if (org_phrase(w, e + 1, h + 1) &&
                (h + 1 == w->n || !nb_quotes_tok_word(w, h + 1) ||
                 nb_quotes_tok_in(w, h + 1, NB_QUOTES_SUBJECT_PREPS) ||
                 nb_quotes_tok_is(w, h + 1, "based") || nb_quotes_tok_is(w, h + 1, "behind") ||
                 nb_quotes_tok_is(w, h + 1, "that") || nb_quotes_tok_is(w, h + 1, "which"))) {
                /* the noun ends the phrase: "a security firm based in Oslo",
                 * not "the campaign's press secretary" */
                *ra = e + 1;
                *rb = h + 1;
                return 1;
            }
    }
    if (k >= 3 && nb_quotes_tok_punct(w, k - 1, ',') && e < w->n &&
        nb_quotes_tok_punct(w, e, ',')) {
        size_t a = k - 1;
        while (a > 0 && nb_quotes_tok_word(w, a - 1) && k - 1 - a < 6)
            a--;
        if ((a == 0 || !nb_quotes_tok_word(w, a - 1)) && org_phrase(w, a, k - 1)) {
            *ra = a;
            *rb = k - 1;
            return 1;
        }
    }
    return 0;
}

void nb_quotes_mem_scan(struct nb_quotes_memory *m, const char *p, size_t from, size_t to,
                        size_t para)
{
    struct nb_quotes_win w;
    size_t i = from;
    int sentence_start = from == 0;
    w.p = p;
    w.n = 0;
    nb_quotes_win_forget(&w);
    for (;;) {
        /* the window slides on: the tokens kept from the last one first */
        struct nb_quotes_tok t;
        while (w.n < NB_QUOTES_WIN_TOKENS && nb_quotes_next_token(p, to, &i, &t))
            w.t[w.n++] = t;
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
            size_t oa, ob;
            if (sp.kind == NB_QUOTES_SP_NAME && sp.ne - sp.ns < 80 &&
                org_apposition(&w, k, e, &oa, &ob)) {
                /* "Brightwall, a security firm,", "The Hawks' parent
                 * company, Nordlock Sports,": an organisation, and what it
                 * is, for "the firm" later */
                struct nb_quotes_entity *en =
                    mem_note(m, p + sp.ns, sp.ne - sp.ns, 0, 0, para, w.t[k].s, 0);
                en->person = 0;
                en->role = p + w.t[oa].s;
                en->role_len = w.t[ob - 1].e - w.t[oa].s;
                sentence_start = 0;
                k = e;
                continue;
            }
            if (sp.kind == NB_QUOTES_SP_NAME && !sp.person && org && sp.ne - sp.ns < 80)
                mem_note(m, p + sp.ns, sp.ne - sp.ns, 0, 0, para, w.t[k].s, 0); /* for "the club" */
            if (sp.kind == NB_QUOTES_SP_NAME && sp.person) {
                const char *nm = p + sp.ns;
                size_t nl = sp.ne - sp.ns;
                int multi = memchr(nm, ' ', nl) != NULL;
                int honor = nb_quotes_tok_honorific(&w, k, NULL);
                if (multi || honor || mem_find(m, nm, nl)) {
                    struct nb_quotes_entity *en = mem_note(
                        m, nm, nl, 1, sp.gender, para, w.t[k].s,
                        sentence_start || (sent_k != SIZE_MAX && subject_lead(&w, sent_k, k)));
                    size_t rs, re;
                    note_title(en, p, sp.ns);
                    /* "Ferri said", "Ferri, who told": a person's verb */
                    if (sp.gender || (e < w.n && nb_quotes_tok_verb(&w, e)) ||
                        (e + 1 < w.n && nb_quotes_tok_in(&w, e, NB_QUOTES_VERB_ADVERBS) &&
                         nb_quotes_tok_verb(&w, e + 1)))
                        en->evidence = 1;
                    if (!en->role && sp.rs < sp.re) { /* "Mayor Ann Reed" */
                        en->role = p + sp.rs;
                        en->role_len = sp.re - sp.rs;
                    } else if (!en->role && scan_role(&w, k, e, &rs, &re)) {
                        en->role = p + rs;
                        en->role_len = re - rs;
                        if (!en->gender)
                            en->gender = nb_quotes_role_gender(&w, k > 2 ? k - 3 : 0, k);
                    }
                    /* a role says a person; an affiliation alone ("Harbour
                     * Rovers from Malmo") does not */
                    if ((en->role && !affiliation(en->role, en->role_len)) || en->gender)
                        en->evidence = 1;
                    if (en->subject)
                        referred_to(en, &w, e);
                }
            }
            sentence_start = 0;
            k = e;
        }
        if (limit == w.n)
            break;
        nb_quotes_win_drop(&w, k);
    }
}

/* ---- resolution -------------------------------------------------------- */

nb_status nb_quotes_resolve(struct nb_quotes_memory *m, const char *p, size_t para,
                            const struct nb_quotes_speaker *sp, struct nb_quote *q)
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
        struct nb_quotes_entity *e =
            mem_note(m, name, nl, sp->person, sp->gender, para, sp->pos, 1);
        name = e->name;
        nl = e->len;
        if (sp->person) {
            note_title(e, p, sp->ns);
            if (sp->verb)
                e->evidence = 1;
        }
        if (role) {
            e->role = role;
            e->role_len = rl;
        } else if (e->role) {
            role = e->role;
            rl = e->role_len;
        }
    } else if (sp->kind == NB_QUOTES_SP_PRONOUN) {
        if (sp->gender) {
            size_t cands;
            struct nb_quotes_entity *e = mem_pronoun(m, sp->gender, para, sp->pos, 0, &cands);
            if (e) {
                name = e->name;
                nl = e->len;
                role = e->role;
                rl = e->role_len;
                e->para = para;
                e->pos = sp->pos;
                e->subject = 1;
                e->evidence = 1;
                if (cands == 1 && !e->pronoun)
                    e->pronoun = sp->gender; /* what the text calls them */
            }
        } else if (m->have_last && para <= m->last_para + 1 && m->last_speaker &&
                   (p[sp->ns] == 't' || p[sp->ns] == 'T' || p[sp->ns] == 'i' || p[sp->ns] == 'I') &&
                   sp->ne - sp->ns > 1) {
            /* "they" / "it": the latest speaker when it was not a person */
            struct nb_quotes_entity *e = mem_find(m, m->last_speaker, strlen(m->last_speaker));
            if (!e) {
                name = m->last_speaker;
                nl = strlen(name);
            }
        }
    } else if (sp->kind == NB_QUOTES_SP_NP) {
        name = p + sp->ns;
        nl = sp->ne - sp->ns;
        int definite = nl > 4 && (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0);
        struct nb_quotes_entity *e = definite ? nb_quotes_mem_role(m, name, nl) : NULL;
        if (!e && definite && nb_quotes_person_description(name, nl)) {
            /* "the Italian said", "the 54-year-old said": the latest person
             * named, if named close by */
            size_t cands;
            /* first among those the text shows to be people ("rookie
             * defenceman Tomas Lind"), not a team named as a subject */
            e = mem_pronoun(m, sp->gender, para, sp->pos, 0, &cands);
            if (!e || para > e->para + 1)
                e = mem_pronoun(m, sp->gender, para, sp->pos, 1, &cands);
            if (e && (para > e->para + 1 || (!nb_quotes_short_description(name, nl) &&
                                             !nb_quotes_only_person(m, e, para))))
                e = NULL;
        }
        if (!e && definite)
            e = nb_quotes_mem_org(m, name, nl, para);
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
            return NB_ENOMEM;
    }
    if (role && name) {
        own_role = nb_strndup(role, rl);
        if (!own_role)
            return NB_ENOMEM;
        q->role = own_role;
    }
    return NB_OK;
}

const struct nb_quotes_entity *nb_quotes_mem_lookup(struct nb_quotes_memory *m, const char *name,
                                                    size_t len)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->e[i].len == len && memcmp(m->e[i].name, name, len) == 0)
            return &m->e[i];
    return mem_find(m, name, len);
}

nb_status nb_quotes_remember_speaker(struct nb_quotes_memory *m, const struct nb_quote *q,
                                     size_t para)
{
    free(m->last_speaker);
    free(m->last_role);
    m->last_speaker = NULL;
    m->last_role = NULL;
    m->have_last = q->speaker != NULL;
    m->last_para = para;
    if (q->speaker && !(m->last_speaker = nb_strdup(q->speaker)))
        return NB_ENOMEM;
    if (q->role && !(m->last_role = nb_strdup(q->role)))
        return NB_ENOMEM;
    return NB_OK;
}
