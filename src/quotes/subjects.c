/* subjects.c - who a speech verb's subject is, read in a window of tokens:
 * backwards through appositions ("Ola Berg, Norway's foreign minister,
 * said"), after an inverted verb ("said Ola Berg, the minister"), after
 * "according to", with an affiliation ("Jeffrey Lewis of the Center"), two
 * joined by "and", a participle's after "with", and past a relative
 * clause ("an official who spoke to discuss it said").
 */
#include "quotes/subjects.h"
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
int nb_quotes_age_token(const struct nb_quotes_win *w, size_t k)
{
    size_t n = nb_quotes_tok_len(w, k);
    if (n == 0 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nb_ascii_is_digit((unsigned char)w->p[w->t[k].s + i]))
            return 0;
    return 1;
}

#define MAX_SEGMENTS 4

/* The subject of a verb at token v, read backwards from it, through
 * appositions: "Ola Berg, Norway's foreign minister, said", "Norway's
 * foreign minister, Ola Berg, said", "Scott Pruitt, the attorney general,
 * one of the states suing, said".  Returns the first token used, or v when
 * none. */
size_t nb_quotes_subject_before(const struct nb_quotes_win *w, size_t lo, size_t v,
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
            if (ri > 0 && sb[ri - 1] == sa[ri - 1] + 1 && nb_quotes_age_token(w, sa[ri - 1]))
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
            return nb_quotes_subject_before(w, lo, s, sp);
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
size_t nb_quotes_subject_after(const struct nb_quotes_win *w, size_t k,
                               struct nb_quotes_speaker *sp)
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
        if (nb_quotes_age_token(w, b)) {
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
void nb_quotes_according_subject(const struct nb_quotes_win *w, size_t k,
                                 struct nb_quotes_speaker *sp)
{
    nb_quotes_subject_after(w, k, sp);
    for (size_t b = k + 1; b < w->n && b < k + 8 && nb_quotes_tok_word(w, b); b++) {
        if (!nb_quotes_tok_is(w, b, "by"))
            continue;
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        nb_quotes_subject_after(w, b + 1, &s);
        if (s.kind == NB_QUOTES_SP_NAME)
            *sp = s;
        return;
    }
}

/* A subject with a prepositional phrase filling tokens [a, v): "Mr. Morgan
 * of the Sierra Club", "a narrator in the Clinton ad".  The person is the
 * name before the preposition; without one, the whole noun phrase.  Leaves
 * sp alone when [a, v) is not that shape. */
int nb_quotes_subject_with_pp(const struct nb_quotes_win *w, size_t a, size_t v,
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
int nb_quotes_subject_pair(const struct nb_quotes_win *w, size_t a, size_t v,
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
    if (!nb_quotes_subject_with_pp(w, m + 1, v, &right))
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
        right.kind == NB_QUOTES_SP_NP && !nb_quotes_tok_is(w, m + 1, "the") &&
        !nb_quotes_tok_is(w, m + 1, "a") && !nb_quotes_tok_is(w, m + 1, "an")) {
        /* one article for both: one person ("the mayor and the governor"
         * are two) */
        *sp = left;
        return 1;
    }
    return 0;
}

/* The subject of a participle at token v in "with X (adverbs) V-ing":
 * "..., with Trump reportedly yelling:" is Trump's.  Leaves sp alone when
 * that is not the shape. */
void nb_quotes_with_subject(const struct nb_quotes_win *w, size_t v, struct nb_quotes_speaker *sp)
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
void nb_quotes_relative_head(const struct nb_quotes_win *w, size_t st, struct nb_quotes_speaker *sp)
{
    for (size_t k = st; k-- > 0 && st - k < 10;) {
        if (!nb_quotes_tok_word(w, k))
            return;
        if (!nb_quotes_tok_is(w, k, "who"))
            continue;
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        nb_quotes_subject_before(w, 0, k, &s);
        if (s.kind == NB_QUOTES_SP_NAME || s.kind == NB_QUOTES_SP_NP)
            *sp = s;
        return;
    }
}
