/* attribution.c - pass 2 of the quote finder: who a quote is attributed to.
 *
 * A few tokens around each quote are read for a speech verb and its
 * subject ("X said", "said X", "X, role, said", "according to X", "X said
 * the plan was ..."), the subject split into name and role (names.c).
 * Each look reads one bounded window of tokens (tokens.h).
 */
#include "quotes/attribution.h"
#include "quotes/labels.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/chars.h"

#include <string.h>

/* A comma-separated segment [a, b) that names someone: the name comes
 * first or after a short role ("Norway's foreign minister Ola Berg"), not
 * at the tail of a clause ("one of the states suing the EPA"). */
static int name_segment(const struct nb_quotes_win *w, size_t a, size_t b,
                        struct nb_quotes_speaker *sp)
{
    memset(sp, 0, sizeof(*sp));
    nb_quotes_np_split(w, a, b, sp);
    if (sp->kind == NB_QUOTES_SP_PRONOUN)
        return b - a == 1;
    if (sp->kind != NB_QUOTES_SP_NAME)
        return 0;
    size_t k = a;
    while (k < b && w->t[k].s < sp->ns)
        k++;
    return k - a <= 4;
}

static int relative_start(const struct nb_quotes_win *w, size_t k)
{
    return nb_quotes_tok_is(w, k, "who") || nb_quotes_tok_is(w, k, "which") ||
           nb_quotes_tok_is(w, k, "whose") || !nb_quotes_tok_word(w, k) ||
           nb_char_is_digit(nb_char_at(w->p, w->t[k].e, w->t[k].s, NULL));
}

/* 1 when token k is an age: "Graham Doyle, 58, said" (a number, no role). */
static int age_token(const struct nb_quotes_win *w, size_t k)
{
    size_t n = nb_quotes_tok_len(w, k);
    if (n == 0 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nb_ascii_is_digit((unsigned char)w->p[w->t[k].s + i]))
            return 0;
    return 1;
}

/* The flags of a speech verb at token k, 0 for none or for a capitalised
 * one inside a run of capitals: "Article Continued Below" is furniture. */
static int cue_verb(const struct nb_quotes_win *w, size_t k)
{
    if (k > 0 && nb_quotes_tok_cap(w, k) && nb_quotes_tok_word(w, k - 1) &&
        nb_quotes_tok_cap(w, k - 1))
        return 0;
    if (k + 1 < w->n && nb_quotes_tok_is(w, k + 1, "back") &&
        (nb_quotes_tok_is(w, k, "fired") || nb_quotes_tok_is(w, k, "shot") ||
         nb_quotes_tok_is(w, k, "hit") || nb_quotes_tok_is(w, k, "pushed") ||
         nb_quotes_tok_is(w, k, "fires") || nb_quotes_tok_is(w, k, "shoots") ||
         nb_quotes_tok_is(w, k, "hits") || nb_quotes_tok_is(w, k, "pushes")))
        return NB_QUOTES_V_INV; /* "Berg fired back" */
    if (k + 1 < w->n && (((nb_quotes_tok_is(w, k, "pointed") || nb_quotes_tok_is(w, k, "points")) &&
                          nb_quotes_tok_is(w, k + 1, "out")) ||
                         ((nb_quotes_tok_is(w, k, "went") || nb_quotes_tok_is(w, k, "goes")) &&
                          nb_quotes_tok_is(w, k + 1, "on")) ||
                         ((nb_quotes_tok_is(w, k, "chimed") || nb_quotes_tok_is(w, k, "weighed")) &&
                          nb_quotes_tok_is(w, k + 1, "in"))))
        return NB_QUOTES_V_INV; /* "Rubel pointed out", "Trump went on" */
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

#define MAX_SEGMENTS 4

/* The subject of a verb at token v, read backwards from it, through
 * appositions: "Ola Berg, Norway's foreign minister, said", "Norway's
 * foreign minister, Ola Berg, said", "Scott Pruitt, the attorney general,
 * one of the states suing, said".  Returns the first token used, or v when
 * none. */
static size_t subject_before(const struct nb_quotes_win *w, size_t lo, size_t v,
                             struct nb_quotes_speaker *sp)
{
    size_t k = v, adv = 0;
    while (k > lo && adv < 3 &&
           (nb_quotes_adverb(w, k - 1) || nb_quotes_contraction(w, k - 1) == 2)) {
        k--;
        adv++;
    }
    if (k > lo && nb_quotes_tok_punct(w, k - 1, ',')) {
        /* segments between commas, right to left: seg[i] = [sa[i], sb[i]) */
        size_t sa[MAX_SEGMENTS + 1], sb[MAX_SEGMENTS + 1], n = 0;
        size_t c = k - 1;
        while (n < MAX_SEGMENTS) {
            size_t a = c;
            while (a > lo && !nb_quotes_tok_punct(w, a - 1, ',') && c - a < 16)
                a--;
            if (a == c)
                break;
            if (a > lo && nb_quotes_tok_punct(w, a - 1, ',')) {
                sa[n] = a;
                sb[n] = c;
                n++;
                c = a - 1;
                continue;
            }
            /* the leftmost: a noun phrase reaching back from the comma */
            size_t a0 = nb_quotes_np_back(w, lo, c);
            if (a0 == c)
                break;
            sa[n] = a0;
            sb[n] = c;
            n++;
            break;
        }
        for (size_t i = 0; i < n; i++) {
            struct nb_quotes_speaker cand;
            if (!name_segment(w, sa[i], sb[i], &cand))
                continue;
            if (i + 1 < n && nb_quotes_tok_punct(w, sb[i + 1], ',') && sb[i + 1] + 1 == sa[i]) {
                /* a name after a comma may be the second half of "X, Y":
                 * prefer the segment before it when that too is a name */
                struct nb_quotes_speaker left;
                int object =
                    sa[i + 1] > lo && (nb_quotes_tok_in(w, sa[i + 1] - 1, NB_QUOTES_ROLE_PREPS) ||
                                       nb_quotes_tok_is(w, sa[i + 1] - 1, "in"));
                if (!object && name_segment(w, sa[i + 1], sb[i + 1], &left) &&
                    left.kind == NB_QUOTES_SP_NAME)
                    continue; /* but "a partner at Lenox, Lawrence Cummings," */
            }
            *sp = cand;
            size_t ri = i; /* the apposition after the name, less an age */
            if (ri > 0 && sb[ri - 1] == sa[ri - 1] + 1 && age_token(w, sa[ri - 1]))
                ri--; /* "Graham Doyle, 58, a retired teacher, said" */
            if (cand.kind == NB_QUOTES_SP_NAME && ri > 0 && !relative_start(w, sa[ri - 1])) {
                sp->rs = w->t[sa[ri - 1]].s; /* Ola Berg, Norway's foreign minister, */
                sp->re = w->t[sb[ri - 1] - 1].e;
            } else if (cand.kind == NB_QUOTES_SP_NAME && i + 1 < n && cand.rs == cand.re) {
                struct nb_quotes_speaker left;
                memset(&left, 0, sizeof(left));
                /* only the noun phrase next to the comma: "according to a
                 * letter from the commissioner, Paolo Venturi," */
                size_t la = nb_quotes_np_back(w, sa[i + 1], sb[i + 1]);
                if (la < sb[i + 1])
                    nb_quotes_np_split(w, la, sb[i + 1], &left);
                if (left.kind == NB_QUOTES_SP_NP) { /* Norway's foreign minister, Ola Berg, */
                    sp->rs = left.ns;
                    sp->re = left.ne;
                }
            }
            if (sp->kind == NB_QUOTES_SP_NAME && !sp->gender && sp->rs < sp->re)
                sp->gender = cand.gender;
            return sa[i];
        }
        if (n) {
            /* no name: the leftmost noun phrase ("The ministry, in a
             * statement, said") */
            struct nb_quotes_speaker np;
            memset(&np, 0, sizeof(np));
            nb_quotes_np_split(w, sa[n - 1], sb[n - 1], &np);
            if (np.kind != NB_QUOTES_SP_NONE) {
                *sp = np;
                return sa[n - 1];
            }
        }
        return v;
    }
    size_t s = nb_quotes_np_back(w, lo, v);
    if (s == v)
        return v;
    nb_quotes_np_split(w, s, k, sp);
    if (sp->kind == NB_QUOTES_SP_PRONOUN && nb_quotes_tok_is(w, s, "who") && s > lo) {
        /* "Berg, who said": the relative pronoun stands for what precedes,
         * read with its appositions ("the commissioner, Paolo Venturi, who
         * called"); the comma path below never comes back here */
        memset(sp, 0, sizeof(*sp));
        if (nb_quotes_tok_punct(w, s - 1, ','))
            return subject_before(w, lo, s, sp);
        size_t s2 = nb_quotes_np_back(w, lo, s);
        if (s2 == s)
            return v;
        nb_quotes_np_split(w, s2, s, sp);
        return s2;
    }
    return s;
}

/* The subject after a verb or "according to" at token k: "said Ola Berg,
 * Norway's foreign minister".  Returns the token after it (k when none). */
static size_t subject_after(const struct nb_quotes_win *w, size_t k, struct nb_quotes_speaker *sp)
{
    size_t a = k, e = k, n = 0;
    while (e < w->n && n < 9) {
        if (nb_quotes_tok_punct(w, e, '(')) {
            size_t m = e;
            while (m < w->n && !nb_quotes_tok_punct(w, m, ')') && m - e < 8)
                m++;
            if (m >= w->n || !nb_quotes_tok_punct(w, m, ')'))
                break;
            e = m + 1;
            continue;
        }
        if (!nb_quotes_tok_word(w, e))
            break;
        if (e == a && e + 1 < w->n && nb_quotes_tok_word(w, e + 1) &&
            (nb_quotes_tok_in(w, e, NB_QUOTES_POSSESSIVES) || nb_quotes_tok_is(w, e, "another"))) {
            e++; /* "said his best friend", "said another user" */
            n++;
            continue;
        }
        if (e == a && nb_quotes_tok_cap(w, e) && e + 1 < w->n && nb_quotes_name_token(w, e + 1) &&
            (nb_quotes_tok_is(w, e, "will") || nb_quotes_tok_is(w, e, "may"))) {
            e++; /* "said Will Doyle": a first name, no modal */
            n++;
            continue;
        }
        if (nb_quotes_tok_in(w, e, NB_QUOTES_NP_STOPS) &&
            !(e == a && (nb_quotes_tok_in(w, e, NB_QUOTES_PRONOUNS_M) ||
                         nb_quotes_tok_in(w, e, NB_QUOTES_PRONOUNS_F))))
            break;
        if (nb_quotes_tok_verb(w, e))
            break;
        e++;
        n++;
        if (nb_quotes_tok_in(w, e - 1, NB_QUOTES_PRONOUNS_M) ||
            nb_quotes_tok_in(w, e - 1, NB_QUOTES_PRONOUNS_F))
            break;
    }
    if (e == a)
        return k;
    nb_quotes_np_split(w, a, e, sp);
    if (sp->kind == NB_QUOTES_SP_NONE)
        return k;
    if (e + 1 < w->n && nb_quotes_tok_punct(w, e, ',') && nb_quotes_tok_word(w, e + 1) &&
        !nb_quotes_tok_is(w, e + 1, "who") && !nb_quotes_tok_is(w, e + 1, "which") &&
        !nb_quotes_tok_verb(w, e + 1) && !nb_quotes_tok_is(w, e + 1, "and") &&
        !nb_quotes_tok_is(w, e + 1, "but")) {
        size_t b = e + 1, c = b;
        if (age_token(w, b)) {
            /* "said Graham Doyle, 58," is no role; "Graham Doyle, 58, a
             * retired teacher" has one after the age */
            if (!(b + 2 < w->n && nb_quotes_tok_punct(w, b + 1, ',') &&
                  (nb_quotes_tok_is(w, b + 2, "a") || nb_quotes_tok_is(w, b + 2, "an") ||
                   nb_quotes_tok_is(w, b + 2, "the"))))
                return b + 1;
            b += 2;
            c = b;
        }
        while (c < w->n && c - b < 12 && nb_quotes_tok_word(w, c) && !nb_quotes_tok_verb(w, c) &&
               !(c > b && nb_quotes_relative_word(w, c)))
            c++;
        if (c < w->n && !nb_quotes_tok_punct(w, c, ',') && !nb_quotes_tok_punct(w, c, '.') &&
            !nb_quotes_tok_punct(w, c, ';') && !nb_quotes_tok_dash(w, c) &&
            !nb_quotes_relative_word(w, c))
            return e;
        struct nb_quotes_speaker B;
        memset(&B, 0, sizeof(B));
        nb_quotes_np_split(w, b, c, &B);
        /* "an analyst at Bellridge Securities in New York": a description
         * that happens to end in a name is still a role */
        int described = nb_quotes_tok_is(w, b, "a") || nb_quotes_tok_is(w, b, "an") ||
                        nb_quotes_tok_is(w, b, "the") || !nb_quotes_tok_cap(w, b);
        if (sp->kind == NB_QUOTES_SP_NP && B.kind == NB_QUOTES_SP_NAME && B.person && !described) {
            /* "said Norway's foreign minister, Ola Berg" */
            size_t rs = sp->ns, re = sp->ne;
            *sp = B;
            sp->rs = rs;
            sp->re = re;
            return c;
        }
        if (sp->kind == NB_QUOTES_SP_NAME && sp->person &&
            (B.kind != NB_QUOTES_SP_NAME || described)) {
            sp->rs = w->t[b].s;
            sp->re = w->t[c - 1].e;
            if (!sp->gender)
                sp->gender = nb_quotes_role_gender(w, b, c);
            return c;
        }
    }
    return e;
}

/* The source after "according to" at token k: a document filed, issued
 * or written by a named person is that person's word ("according to a
 * court document filed by state attorney Dave Aronberg"). */
static void according_subject(const struct nb_quotes_win *w, size_t k, struct nb_quotes_speaker *sp)
{
    subject_after(w, k, sp);
    for (size_t b = k + 1; b < w->n && b < k + 8 && nb_quotes_tok_word(w, b); b++) {
        if (!nb_quotes_tok_is(w, b, "by"))
            continue;
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        subject_after(w, b + 1, &s);
        if (s.kind == NB_QUOTES_SP_NAME)
            *sp = s;
        return;
    }
}

/* A subject with a prepositional phrase filling tokens [a, v): "Mr. Morgan
 * of the Sierra Club", "a narrator in the Clinton ad".  The person is the
 * name before the preposition; without one, the whole noun phrase.  Leaves
 * sp alone when [a, v) is not that shape. */
static int subject_with_pp(const struct nb_quotes_win *w, size_t a, size_t v,
                           struct nb_quotes_speaker *sp)
{
    if (v <= a + 2 || v - a > 13)
        return 0;
    size_t j = 0;
    for (size_t k = a; k < v; k++) {
        if (!nb_quotes_tok_word(w, k) || (nb_quotes_tok_verb(w, k) && k > a))
            return 0;
        if (!j && k > a && nb_quotes_tok_in(w, k, NB_QUOTES_SUBJECT_PREPS))
            j = k;
    }
    if (!j || j + 1 >= v)
        return 0;
    if (!nb_quotes_name_token(w, a) && !nb_quotes_tok_is(w, a, "a") &&
        !nb_quotes_tok_is(w, a, "an") && !nb_quotes_tok_is(w, a, "the") &&
        !nb_quotes_tok_honorific(w, a, NULL))
        return 0;
    struct nb_quotes_speaker s;
    memset(&s, 0, sizeof(s));
    nb_quotes_np_split(w, a, j, &s);
    if (s.kind == NB_QUOTES_SP_NAME && s.person) {
        *sp = s;
        if (sp->rs == sp->re && nb_quotes_name_token(w, j - 1) &&
            (nb_quotes_tok_is(w, j, "of") || nb_quotes_tok_is(w, j, "at") ||
             nb_quotes_tok_is(w, j, "from"))) {
            sp->rs = w->t[j].s; /* "Mr. Dahl of the Harbour Trust" */
            sp->re = w->t[v - 1].e;
        }
        return 1;
    }
    memset(&s, 0, sizeof(s));
    nb_quotes_np_split(w, a, v, &s);
    if (s.kind != NB_QUOTES_SP_NP && s.kind != NB_QUOTES_SP_NAME)
        return 0;
    *sp = s;
    return 1;
}

/* A subject of two noun phrases joined by "and" filling tokens [a, v):
 * two people ("David Albright and Serena Kell of the Institute") are one
 * speaker, both named, the affiliation the role; two descriptions of one
 * person ("the Florida senator and presidential candidate") are the
 * first.  Leaves sp alone and answers 0 when [a, v) is not that shape. */
static int subject_pair(const struct nb_quotes_win *w, size_t a, size_t v,
                        struct nb_quotes_speaker *sp)
{
    size_t m = a + 1;
    while (m < v && nb_quotes_tok_word(w, m) && !nb_quotes_tok_is(w, m, "and") &&
           !(nb_quotes_tok_verb(w, m)))
        m++;
    if (m + 1 >= v || m - a > 6 || v - m > 12 || !nb_quotes_tok_is(w, m, "and"))
        return 0;
    for (size_t k = m + 1; k < v; k++)
        if (!nb_quotes_tok_word(w, k) || nb_quotes_tok_verb(w, k))
            return 0;
    struct nb_quotes_speaker left, right;
    memset(&left, 0, sizeof(left));
    memset(&right, 0, sizeof(right));
    nb_quotes_np_split(w, a, m, &left);
    if (!subject_with_pp(w, m + 1, v, &right))
        nb_quotes_np_split(w, m + 1, v, &right);
    if (left.kind == NB_QUOTES_SP_NAME && left.person && right.kind == NB_QUOTES_SP_NAME &&
        right.person) {
        *sp = left;
        sp->ne = right.ne;
        sp->rs = right.rs;
        sp->re = right.re;
        sp->gender = 0;
        return 1;
    }
    if (left.kind == NB_QUOTES_SP_NP && nb_quotes_tok_is(w, a, "the") &&
        right.kind == NB_QUOTES_SP_NP) {
        *sp = left;
        return 1;
    }
    return 0;
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
        according_subject(&w, k + 2, sp);
        sp->verb = 1;
        sp->pos = from;
        return;
    }
    int f = nb_quotes_tok_verb(&w, k);
    if (f && (f & NB_QUOTES_V_INV)) {
        subject_after(&w, k + 1, sp);
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
        size_t st = subject_before(&w, first, passive_subject_end(&w, first, v), &s);
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
            pp = subject_pair(&w, first, v, &s) || subject_with_pp(&w, first, v, &s);
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

/* The subject of a participle at token v in "with X (adverbs) V-ing":
 * "..., with Trump reportedly yelling:" is Trump's.  Leaves sp alone when
 * that is not the shape. */
static void with_subject(const struct nb_quotes_win *w, size_t v, struct nb_quotes_speaker *sp)
{
    size_t k = v;
    while (k > 0 && nb_quotes_adverb(w, k - 1) && v - k < 2)
        k--;
    size_t e = k;
    while (k > 0 && nb_quotes_name_token(w, k - 1) && e - k < 4)
        k--;
    if (k == e || k == 0 || !nb_quotes_tok_is(w, k - 1, "with"))
        return;
    struct nb_quotes_speaker s;
    memset(&s, 0, sizeof(s));
    nb_quotes_np_split(w, k, e, &s);
    if (s.kind == NB_QUOTES_SP_NAME)
        *sp = s;
}

/* A subject read back from the verb that starts at token st inside a
 * relative clause ("an official who spoke anonymously to discuss the talks
 * said", "officials who know Berg said"): the clause's object is no
 * speaker; the noun phrase before "who" is the subject.  Replaces *sp
 * when found. */
static void relative_head(const struct nb_quotes_win *w, size_t st, struct nb_quotes_speaker *sp)
{
    for (size_t k = st; k-- > 0 && st - k < 10;) {
        if (!nb_quotes_tok_word(w, k))
            return;
        if (!nb_quotes_tok_is(w, k, "who"))
            continue;
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        subject_before(w, 0, k, &s);
        if (s.kind == NB_QUOTES_SP_NAME || s.kind == NB_QUOTES_SP_NP)
            *sp = s;
        return;
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
        if (s.kind != NB_QUOTES_SP_NAME || s.ns != w->t[0].s)
            return; /* the subject opens the sentence: "Berg was blunt:" */
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
            according_subject(&w, v + 2, sp);
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
        if (v > 0 && (nb_quotes_tok_in(&w, v - 1, NB_QUOTES_SUBORDINATORS) ||
                      nb_quotes_tok_is(&w, v - 1, "when") || nb_quotes_tok_is(&w, v - 1, "if") ||
                      nb_quotes_tok_is(&w, v - 1, "as")))
            continue; /* "Lynch, who told Congress when asked about it:": a
                         passive clause, its subject the sentence's */
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        size_t st = v;
        if (!(f & NB_QUOTES_V_ING))
            st = subject_before(&w, 0, passive_subject_end(&w, 0, v), &s);
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
            with_subject(&w, v, &s);
        if (!(f & NB_QUOTES_V_ING) && st < v && st > 1)
            relative_head(&w, st, &s); /* "an official who spoke to discuss it said" */
        if (s.kind == NB_QUOTES_SP_NONE)
            nb_quotes_clause_subject(&w, 0, v, &s);
        if (s.kind == NB_QUOTES_SP_NONE && v + 1 < w.n && (f & NB_QUOTES_V_INV)) /* "said Berg:" */
            subject_after(&w, v + 1, &s);
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
