/* attribution.c - pass 2 of the quote finder: who a quote is attributed to.
 *
 * A few tokens around each quote are read for a speech verb and its
 * subject ("X said", "said X", "X, role, said", "according to X", "X said
 * the plan was ..."), the subject split into name and role (names.c).
 * Each look reads one bounded window of tokens (tokens.h); the subjects
 * themselves are read by subjects.c, round-up labels by labels.c.
 */
#include "quotes/attribution.h"
#include "quotes/labels.h"
#include "quotes/subjects.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/chars.h"

#include <string.h>

/* The flags of a speech verb at token k, 0 for none or for a capitalised
 * one inside a run of capitals: "Article Continued Below" is furniture. */
/* 1 when tokens k and k + 1 (k + 1 < w->n) are a phrasal verb of saying
 * that may come before its subject ("fired back", "pointed out"). */
static int inverted_phrase(const struct nb_quotes_win *w, size_t k)
{
    if (nb_quotes_tok_is(w, k + 1, "back") &&
        (nb_quotes_tok_is(w, k, "fired") || nb_quotes_tok_is(w, k, "shot") ||
         nb_quotes_tok_is(w, k, "hit") || nb_quotes_tok_is(w, k, "pushed") ||
         nb_quotes_tok_is(w, k, "fires") || nb_quotes_tok_is(w, k, "shoots") ||
         nb_quotes_tok_is(w, k, "hits") || nb_quotes_tok_is(w, k, "pushes")))
        return 1; /* "Berg fired back" */
    if (((nb_quotes_tok_is(w, k, "pointed") || nb_quotes_tok_is(w, k, "points")) &&
         nb_quotes_tok_is(w, k + 1, "out")) ||
        ((nb_quotes_tok_is(w, k, "went") || nb_quotes_tok_is(w, k, "goes")) &&
         nb_quotes_tok_is(w, k + 1, "on")) ||
        ((nb_quotes_tok_is(w, k, "chimed") || nb_quotes_tok_is(w, k, "weighed")) &&
         nb_quotes_tok_is(w, k + 1, "in")))
        return 1; /* "Rubel pointed out", "Trump went on" */
    /* "As Dana Milbank puts it, "..."" */
    return nb_quotes_tok_is(w, k + 1, "it") &&
           (nb_quotes_tok_is(w, k, "puts") || nb_quotes_tok_is(w, k, "put"));
}

static int cue_verb(const struct nb_quotes_win *w, size_t k)
{
    if (k > 0 && nb_quotes_tok_cap(w, k) && nb_quotes_tok_word(w, k - 1) &&
        nb_quotes_tok_cap(w, k - 1))
        return 0;
    /* the phrasal verbs below end in "back", "out", "on", "in" or "it":
     * a next word starting otherwise (most) needs none of them tried */
    int next = k + 1 < w->n ? nb_ascii_lower((unsigned char)w->p[w->t[k + 1].s]) : 0;
    if ((next == 'b' || next == 'o' || next == 'i') && inverted_phrase(w, k))
        return NB_QUOTES_V_INV;
    if (nb_quotes_tok_is(w, k, "state") && k > 0 && !nb_quotes_tok_cap(w, k)) {
        /* "the Saudis state in the paper", never "state Sen. Holsman" or
         * "state officials": the plural verb only before what follows a
         * verb of saying */
        if (k + 1 == w->n || !nb_quotes_tok_word(w, k + 1) || nb_quotes_tok_is(w, k + 1, "in") ||
            nb_quotes_tok_is(w, k + 1, "on") || nb_quotes_tok_is(w, k + 1, "that"))
            return NB_QUOTES_V_SPEECH | NB_QUOTES_V_NOUN;
        return 0;
    }
    return nb_quotes_tok_verb(w, k);
}

/* 1 when token k is a quote mark left over from a nested closing
 * (''...'x,''' said Berg): the verb still follows it. */
static int quote_mark(const struct nb_quotes_win *w, size_t k)
{
    static const char *const marks[] = {"'", "\"", "\u2019", "\u201d", "\u2018", "\u201c"};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (nb_quotes_tok_is(w, k, marks[i]))
            return 1;
    return 0;
}

/* Where the subject of a verb at token v ends: before a passive's
 * auxiliary ("Berg is quoted as saying", "Berg has been quoted"), else v. */
static size_t passive_subject_end(const struct nb_quotes_win *w, size_t lo, size_t v)
{
    if (!nb_quotes_tok_is(w, v, "quoted"))
        return v;
    size_t k = v;
    if (k > lo && (nb_quotes_tok_is(w, k - 1, "is") || nb_quotes_tok_is(w, k - 1, "was") ||
                   nb_quotes_tok_is(w, k - 1, "are") || nb_quotes_tok_is(w, k - 1, "were") ||
                   nb_quotes_tok_is(w, k - 1, "been")))
        k--;
    if (k < v && k > lo && nb_quotes_tok_is(w, k, "been") &&
        (nb_quotes_tok_is(w, k - 1, "has") || nb_quotes_tok_is(w, k - 1, "have") ||
         nb_quotes_tok_is(w, k - 1, "had")))
        k--;
    return k;
}

/* 1 when the word before token v makes v a noun: "of the states", "his
 * tweets". */
static int np_opener_before(const struct nb_quotes_win *w, size_t v)
{
    return v > 0 && (nb_quotes_tok_is(w, v - 1, "the") || nb_quotes_tok_is(w, v - 1, "of") ||
                     nb_quotes_tok_is(w, v - 1, "a") || nb_quotes_tok_is(w, v - 1, "an") ||
                     nb_quotes_tok_in(w, v - 1, NB_QUOTES_POSSESSIVES));
}

/* When tokens [a, v) are an apposition whose relative clause runs up to
 * the verb with no comma to close it ("Nate Silver, the polling guru who
 * founded the site tweeted"), the index of its relative word; else 0. */
static size_t relative_apposition(const struct nb_quotes_win *w, size_t a, size_t v)
{
    for (size_t k = a + 1; k < v; k++) {
        if (!nb_quotes_tok_word(w, k))
            return 0;
        if (nb_quotes_tok_is(w, k, "who") || nb_quotes_tok_is(w, k, "which"))
            return k + 1 < v ? k : 0;
    }
    return 0;
}

void nb_quotes_attrib_after(const char *p, size_t from, size_t to, struct nb_quotes_speaker *sp)
{
    struct nb_quotes_win w;
    if (to - from > NB_QUOTES_WIN_BYTES)
        to = from + NB_QUOTES_WIN_BYTES;
    nb_quotes_win_fill(&w, p, from, to);
    memset(sp, 0, sizeof(*sp));
    size_t k = 0;
    while (k < w.n && !nb_quotes_tok_word(&w, k) &&
           (nb_quotes_tok_punct(&w, k, ',') || nb_quotes_tok_dash(&w, k) || quote_mark(&w, k)))
        k++;
    if (k >= w.n || !nb_quotes_tok_word(&w, k))
        return;
    size_t first = k;
    if (nb_quotes_tok_is(&w, k, "according") && k + 1 < w.n && nb_quotes_tok_is(&w, k + 1, "to")) {
        nb_quotes_according_subject(&w, k + 2, sp);
        sp->verb = 1;
        sp->pos = from;
        return;
    }
    int f = nb_quotes_tok_verb(&w, k);
    if (f && (f & NB_QUOTES_V_INV)) {
        nb_quotes_subject_after(&w, k + 1, sp);
        if (sp->kind != NB_QUOTES_SP_NONE) {
            sp->verb = 1;
            sp->pos = from;
            sp->inverted = 1;
            return;
        }
    }
    /* "..." ― Carlos Raúl: a dash and a name, nothing else */
    if (k > 0 && nb_quotes_tok_dash(&w, k - 1)) {
        size_t e = k;
        while (e < w.n &&
               (nb_quotes_name_token(&w, e) || nb_quotes_tok_in(&w, e, NB_QUOTES_NAME_PARTICLES)) &&
               e - k < 6)
            e++;
        if (e > k && (e == w.n || !nb_quotes_tok_word(&w, e))) {
            nb_quotes_np_split(&w, k, e, sp);
            if (sp->kind == NB_QUOTES_SP_NAME) {
                sp->verb = 1;
                sp->pos = from;
                return;
            }
            memset(sp, 0, sizeof(*sp));
        }
    }
    /* X said: the first verb, its subject reaching back to the start or to
     * a comma (''...'' of the proposals, Mr. Holtz-Eakin said) */
    /* "...," Leonard Burman, director of the X Center and a professor at
     * the Y School, said: a name, a comma, a long apposition, the verb */
    struct nb_quotes_speaker lead;
    memset(&lead, 0, sizeof(lead));
    size_t c = first, reach = 20;
    while (c < w.n && nb_quotes_tok_word(&w, c) && c - first < 6)
        c++;
    if (c > first && c < w.n && nb_quotes_tok_punct(&w, c, ',')) {
        nb_quotes_np_split(&w, first, c, &lead);
        if (lead.kind == NB_QUOTES_SP_NAME && lead.person && lead.ns == w.t[first].s)
            reach = 40;
        else
            memset(&lead, 0, sizeof(lead));
    }
    for (size_t v = first + 1; v < w.n && v < first + reach; v++) {
        if (nb_quotes_tok_punct(&w, v, ';') || nb_quotes_tok_punct(&w, v, ':') ||
            nb_quotes_tok_punct(&w, v, '?') || nb_quotes_tok_punct(&w, v, '!'))
            break;
        if (nb_quotes_tok_punct(&w, v, '.') &&
            !(v + 1 < w.n &&
              (nb_quotes_tok_punct(&w, v + 1, ',') || !nb_quotes_tok_cap(&w, v + 1))))
            break;
        int fv = cue_verb(&w, v);
        if (!fv)
            continue;
        if (fv & NB_QUOTES_V_ING)
            break;
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        size_t st = nb_quotes_subject_before(&w, first, passive_subject_end(&w, first, v), &s);
        size_t rel = lead.kind == NB_QUOTES_SP_NAME ? relative_apposition(&w, c + 1, v) : 0;
        if (lead.kind == NB_QUOTES_SP_NAME && v > c + 2 &&
            (s.kind != NB_QUOTES_SP_NAME || st != first) &&
            (nb_quotes_tok_punct(&w, v - 1, ',') || rel)) {
            s = lead; /* the apposition was too long to read as one */
            st = first;
            if (rel && s.rs == s.re) { /* "the polling guru" who ... */
                s.rs = w.t[c + 1].s;
                s.re = w.t[rel - 1].e;
            }
        }
        int pp = 0;
        if (!(s.kind != NB_QUOTES_SP_NONE && (st == first || nb_quotes_tok_punct(&w, st - 1, ','))))
            pp = nb_quotes_subject_pair(&w, first, v, &s) ||
                 nb_quotes_subject_with_pp(&w, first, v, &s);
        if ((fv & NB_QUOTES_V_NOUN) && s.kind != NB_QUOTES_SP_NAME &&
            s.kind != NB_QUOTES_SP_PRONOUN &&
            !((st == first || pp) && s.kind == NB_QUOTES_SP_NP && !np_opener_before(&w, v) &&
              (nb_quotes_tok_is(&w, first, "the") || nb_quotes_tok_is(&w, first, "a") ||
               nb_quotes_tok_is(&w, first, "an")))) {
            memset(&s, 0, sizeof(s));
            continue; /* "one of the states suing", but "...," the ad states */
        }
        if (s.kind != NB_QUOTES_SP_NONE &&
            (st == first || nb_quotes_tok_punct(&w, st - 1, ',') || pp)) {
            *sp = s;
            sp->verb = 1;
            sp->part = (fv & NB_QUOTES_V_PART) != 0;
            sp->pos = from;
        }
        break;
    }
}

/* A sentence without a verb of saying that ends in a colon before the
 * quote ("The timing does not surprise pollster Dana Shaw: "...", "Berg
 * was blunt: "..."): the person named right before the colon, else a
 * person named as the sentence's subject (sp->colon_only set: one word
 * may be a common noun, "Ferries ran late:", which only the article's
 * people tell apart).  w holds the whole sentence.  Writes *sp (verb 1)
 * when found. */
static void colon_subject(const struct nb_quotes_win *w, struct nb_quotes_speaker *sp)
{
    if (w->n < 3 || w->n > 24 || !nb_quotes_tok_punct(w, w->n - 1, ':'))
        return;
    for (size_t k = 0; k + 1 < w->n; k++)
        if (!nb_quotes_tok_word(w, k) && !nb_quotes_tok_punct(w, k, ','))
            return; /* another quote, a dash: more than one clause */
    struct nb_quotes_speaker s;
    memset(&s, 0, sizeof(s));
    size_t e = w->n - 1, k = e;
    while (k > 0 && nb_quotes_name_token(w, k - 1) && e - k < 4)
        k--;
    if (k < e && k > 0 && !nb_quotes_tok_in(w, k - 1, NB_QUOTES_ROLE_PREPS) &&
        !nb_quotes_tok_in(w, k - 1, NB_QUOTES_SUBJECT_PREPS) && !nb_quotes_tok_is(w, k - 1, "in") &&
        !nb_quotes_tok_is(w, k - 1, "to") && !nb_quotes_tok_is(w, k - 1, "on")) {
        size_t r = k; /* and the role before it: "Republican pollster" */
        while (r > 0 && k - r < 3 && nb_quotes_tok_word(w, r - 1) &&
               (nb_quotes_tok_in(w, r - 1, NB_QUOTES_ROLE_NOUNS) ||
                nb_quotes_tok_in(w, r - 1, NB_QUOTES_TITLE_MODIFIERS) ||
                (nb_quotes_tok_cap(w, r - 1) && r - 1 > 0)))
            r--;
        nb_quotes_np_split(w, r, e, &s);
    }
    if (!(s.kind == NB_QUOTES_SP_NAME && s.person)) {
        memset(&s, 0, sizeof(s));
        nb_quotes_clause_subject(w, 0, w->n - 1, &s);
        if (s.kind != NB_QUOTES_SP_NAME ||
            (s.ns != w->t[0].s && !(s.rs < s.re && s.rs == w->t[0].s)))
            return; /* the subject, or its role, opens the sentence: "Berg
                       was blunt:", "Millbrook captain Erik Vos was blunt:" */
        s.colon_only = 1;
    }
    *sp = s;
    sp->verb = 1;
    sp->pos = w->t[w->n - 1].s;
}

void nb_quotes_attrib_before(const char *p, size_t from, size_t to, struct nb_quotes_speaker *sp)
{
    struct nb_quotes_win w;
    struct nb_quotes_speaker deferred;
    nb_quotes_win_fill_tail(&w, p, from, to);
    memset(sp, 0, sizeof(*sp));
    memset(&deferred, 0, sizeof(deferred));
    for (size_t v = w.n; v-- > 0;) {
        if (nb_quotes_tok_is(&w, v, "according") && v + 1 < w.n &&
            nb_quotes_tok_is(&w, v + 1, "to")) {
            nb_quotes_according_subject(&w, v + 2, sp);
            if (sp->kind != NB_QUOTES_SP_NONE) {
                sp->verb = 1;
                sp->pos = w.t[v].s;
                return;
            }
            continue;
        }
        int f = cue_verb(&w, v);
        if (!f)
            continue;
        if (v > 0 && !(f & NB_QUOTES_V_ING) &&
            (nb_quotes_tok_in(&w, v - 1, NB_QUOTES_SUBORDINATORS) ||
             nb_quotes_tok_is(&w, v - 1, "when") || nb_quotes_tok_is(&w, v - 1, "if") ||
             nb_quotes_tok_is(&w, v - 1, "as")))
            continue; /* "Lynch, who told Congress when asked about it:": a
                         passive clause, its subject the sentence's */
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        size_t st = v;
        if (!(f & NB_QUOTES_V_ING))
            st = nb_quotes_subject_before(&w, 0, passive_subject_end(&w, 0, v), &s);
        if ((f & NB_QUOTES_V_NOUN) && s.kind != NB_QUOTES_SP_NAME && s.kind != NB_QUOTES_SP_PRONOUN)
            continue; /* "a flurry of tweets" */
        int relative = 0, who = 0;
        for (size_t j = st; j < v; j++) {
            relative |= nb_quotes_tok_is(&w, j, "who") || nb_quotes_tok_is(&w, j, "which");
            who |= nb_quotes_tok_is(&w, j, "who");
        }
        if (st == v && v > 0 &&
            (nb_quotes_tok_is(&w, v - 1, "that") || nb_quotes_tok_is(&w, v - 1, "which")))
            relative = 1; /* "any meeting that offered": no one's words */
        if (st < v && st > 0 && nb_quotes_tok_in(&w, st - 1, NB_QUOTES_SUBORDINATORS))
            relative = 1; /* "Berg spoke after reporters asked": the main verb frames */
        if (who && s.kind == NB_QUOTES_SP_NAME && s.person) {
            /* "Paolo Venturi, who called the talks": a named person's own
             * words, whatever the main clause says */
        } else if (relative && !deferred.verb) {
            /* "anybody who complains": a relative clause; the main verb,
             * if there is one further back, frames the quote */
            deferred = s;
            if (deferred.kind == NB_QUOTES_SP_NONE)
                nb_quotes_clause_subject(&w, 0, v, &deferred);
            deferred.verb = 1;
            deferred.part = (f & NB_QUOTES_V_PART) != 0;
            deferred.pos = w.t[v].s;
            continue;
        }
        if ((f & NB_QUOTES_V_ING) && s.kind == NB_QUOTES_SP_NONE)
            nb_quotes_with_subject(&w, v, &s);
        if (!(f & NB_QUOTES_V_ING) && st < v && st > 1)
            nb_quotes_relative_head(&w, st, &s); /* "an official who spoke to discuss it said" */
        if (s.kind == NB_QUOTES_SP_NONE)
            nb_quotes_clause_subject(&w, 0, v, &s);
        if (s.kind == NB_QUOTES_SP_NONE && v + 1 < w.n && (f & NB_QUOTES_V_INV)) /* "said Berg:" */
            nb_quotes_subject_after(&w, v + 1, &s);
        if (s.kind == NB_QUOTES_SP_PRONOUN && !s.gender && st < v && st > 0) {
            /* "what it called": an organisation named earlier in the clause */
            struct nb_quotes_speaker c;
            memset(&c, 0, sizeof(c));
            nb_quotes_clause_subject(&w, 0, st, &c);
            if (c.kind == NB_QUOTES_SP_NAME || c.kind == NB_QUOTES_SP_NP)
                s = c;
        }
        *sp = s;
        sp->verb = 1;
        sp->part = (f & NB_QUOTES_V_PART) != 0;
        sp->participle = (f & NB_QUOTES_V_ING) != 0;
        sp->pos = w.t[v].s;
        return;
    }
    if (deferred.verb) {
        *sp = deferred;
        return;
    }
    size_t lead = from;
    while (lead < to && nb_ascii_is_space((unsigned char)p[lead]))
        lead++;
    if (w.n && w.t[0].s == lead && nb_quotes_colon_label(&w, sp))
        return;
    if (w.n && w.t[0].s == lead)
        colon_subject(&w, sp);
}

int nb_quotes_attribution_only(const char *p, size_t from, size_t to)
{
    struct nb_quotes_win w;
    if (to - from > 200)
        return 0;
    nb_quotes_win_fill(&w, p, from, to);
    int verb = 0;
    size_t words = 0;
    for (size_t k = 0; k < w.n; k++) {
        if (nb_quotes_tok_verb(&w, k) & NB_QUOTES_V_ING)
            return 0; /* "...," she said, adding, "...": a second quote */
        if (nb_quotes_tok_verb(&w, k) && !(nb_quotes_tok_verb(&w, k) & NB_QUOTES_V_PART))
            verb = 1;
        if (nb_quotes_tok_word(&w, k))
            words++;
        if (nb_quotes_tok_punct(&w, k, ';') || nb_quotes_tok_punct(&w, k, '?') ||
            nb_quotes_tok_punct(&w, k, '!'))
            return 0;
        if (nb_quotes_tok_punct(&w, k, '.') && k + 1 != w.n)
            return 0;
    }
    return verb && words <= 12 && w.n > 0 &&
           (nb_quotes_tok_punct(&w, w.n - 1, ',') || nb_quotes_tok_punct(&w, w.n - 1, '.') ||
            nb_quotes_tok_punct(&w, w.n - 1, ':'));
}

int nb_quotes_has_verb(const char *p, size_t from, size_t to)
{
    struct nb_quotes_win w;
    if (to - from > NB_QUOTES_WIN_BYTES)
        to = from + NB_QUOTES_WIN_BYTES;
    nb_quotes_win_fill(&w, p, from, to);
    for (size_t k = 0; k < w.n; k++)
        if (nb_quotes_tok_verb(&w, k))
            return 1;
    return 0;
}
