/* names.c - who a noun phrase names: a name and a role, a pronoun, or a
 * description.
 *
 * The subject of a speech verb ("Ola Berg, Norway's foreign minister",
 * "the Justice Department", "A Department of Health spokesperson", "he")
 * is read as tokens and split: the run of name words at its end is the
 * name, less honorifics and titles (kept as the role, the honorific telling
 * the gender); words like "Department" or "Union" make it an
 * organisation's name; no name at all leaves a noun phrase for the
 * resolver (speakers.c) to match against the people named so far.
 */
#include "quotes/names.h"
#include "text/chars.h"

#include <string.h>

static int name_token(const struct nb_quotes_win *w, size_t k)
{
    if (!nb_quotes_tok_word(w, k) || !nb_quotes_tok_cap(w, k))
        return 0;
    if (nb_quotes_tok_in(w, k, NB_QUOTES_CAP_STOPS) && !nb_quotes_tok_honorific(w, k, NULL))
        return 0;
    return 1;
}

int nb_quotes_name_token_look_up(const struct nb_quotes_win *w, size_t k)
{
    struct nb_quotes_win_memo *m = nb_quotes_win_memo(w);
    if (!(m->word[k] & 1))
        m->word[k] |= (unsigned char)(1 | name_token(w, k) << 1);
    return (m->word[k] & 2) != 0;
}

int nb_quotes_contraction(const struct nb_quotes_win *w, size_t k)
{
    static const char *const tails[] = {"n't", "'re", "'ve", "'ll", "'m", "'d"};
    if (!nb_quotes_tok_word(w, k))
        return 0;
    const char *t = w->p + w->t[k].s;
    size_t n = nb_quotes_tok_len(w, k);
    /* every tail ends in t, e, l, m or d (any case): most words end
     * otherwise, and are turned away before they are searched */
    switch (nb_ascii_lower((unsigned char)t[n - 1])) {
    case 't':
    case 'e':
    case 'l':
    case 'm':
    case 'd':
        break;
    default:
        return 0;
    }
    /* every tail has an apostrophe, ' or U+2019 (its first byte 0xE2):
     * most words have neither */
    if (!memchr(t, '\'', n) && !memchr(t, 0xE2, n))
        return 0;
    for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
        const char *tl = tails[i];
        size_t ap = tl[0] == 'n' ? 1 : 0;  /* where the apostrophe is in the tail */
        size_t rest = strlen(tl) - ap - 1; /* letters after the apostrophe */
        /* the apostrophe is ' or U+2019 (3 bytes) */
        for (size_t alen = 1; alen <= 3; alen += 2) {
            size_t tail = ap + alen + rest;
            if (n <= tail)
                continue;
            const char *x = t + n - tail;
            if (ap && nb_ascii_lower((unsigned char)x[0]) != 'n')
                continue;
            const char *m = x + ap;
            if (alen == 1 ? m[0] != '\'' : memcmp(m, "\xe2\x80\x99", 3) != 0)
                continue;
            size_t j = 0;
            while (j < rest && nb_ascii_lower((unsigned char)m[alen + j]) == tl[ap + 1 + j])
                j++;
            if (j == rest)
                return ap ? 2 : 1;
        }
    }
    return 0;
}

int nb_quotes_adverb(const struct nb_quotes_win *w, size_t k)
{
    if (nb_quotes_tok_in(w, k, NB_QUOTES_VERB_ADVERBS))
        return 1;
    size_t n = nb_quotes_tok_len(w, k);
    const char *t = w->p + w->t[k].s;
    if (n < 5 || t[n - 2] != 'l' || t[n - 1] != 'y' || nb_quotes_tok_in(w, k, NB_QUOTES_LY_NOUNS))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nb_ascii_is_lower((unsigned char)t[i]))
            return 0;
    /* "the family", "their assembly": a noun after a determiner */
    return !(k > 0 && (nb_quotes_tok_is(w, k - 1, "the") || nb_quotes_tok_is(w, k - 1, "a") ||
                       nb_quotes_tok_is(w, k - 1, "an") ||
                       nb_quotes_tok_in(w, k - 1, NB_QUOTES_POSSESSIVES) ||
                       nb_quotes_tok_possessive(w, k - 1)));
}

int nb_quotes_role_gender(const struct nb_quotes_win *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (nb_quotes_tok_in(w, k, NB_QUOTES_FEMALE_WORDS))
            return 2;
        if (nb_quotes_tok_in(w, k, NB_QUOTES_MALE_WORDS))
            return 1;
    }
    return 0;
}

int nb_quotes_demonym(const struct nb_quotes_win *w, size_t k)
{
    static const char *const suffixes[] = {"ian", "an", "ese", "ish", "i", "ch"};
    if (!nb_quotes_tok_word(w, k) || !nb_quotes_tok_cap(w, k) ||
        nb_quotes_tok_in(w, k, NB_QUOTES_ORG_WORDS) || nb_quotes_tok_in(w, k, NB_QUOTES_NOT_PEOPLE))
        return 0;
    if (nb_quotes_tok_in(w, k, NB_QUOTES_DEMONYMS))
        return 1;
    size_t n = nb_quotes_tok_len(w, k);
    const char *t = w->p + w->t[k].s;
    if (n < 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nb_ascii_is_alpha((unsigned char)t[i]))
            return 0;
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        size_t sl = strlen(suffixes[i]);
        if (n > sl + 2 && strncmp(t + n - sl, suffixes[i], sl) == 0)
            return 1;
    }
    return 0;
}

void nb_quotes_np_split(const struct nb_quotes_win *w, size_t a, size_t b,
                        struct nb_quotes_speaker *sp)
{
    for (size_t j = a + 1; j + 1 < b; j++) {
        if (!nb_quotes_tok_is(w, j, "of") && !nb_quotes_tok_is(w, j, "at") &&
            !nb_quotes_tok_is(w, j, "from"))
            continue;
        if (!nb_quotes_name_token(w, j - 1) || nb_quotes_tok_possessive(w, j - 1))
            break;
        size_t c = j + 1;
        if (nb_quotes_tok_is(w, c, "the") && c + 1 < b)
            c++;
        if (!nb_quotes_name_token(w, c))
            break;
        struct nb_quotes_speaker left;
        memset(&left, 0, sizeof(left));
        nb_quotes_np_split_plain(w, a, j, &left);
        if (left.kind != NB_QUOTES_SP_NAME || !left.person ||
            nb_quotes_tok_in(w, j - 1, NB_QUOTES_TITLES))
            break; /* "Secretary of State John Kerry": a title, not a name */
        *sp = left;
        if (sp->rs == sp->re) {
            sp->rs = w->t[j].s;
            sp->re = w->t[b - 1].e;
        }
        return;
    }
    nb_quotes_np_split_plain(w, a, b, sp);
}

void nb_quotes_np_split_plain(const struct nb_quotes_win *w, size_t a, size_t b,
                              struct nb_quotes_speaker *sp)
{
    while (a < b && !nb_quotes_tok_word(w, a))
        a++;
    while (b > a && !nb_quotes_tok_word(w, b - 1) && !nb_quotes_tok_punct(w, b - 1, ')'))
        b--;
    if (a >= b)
        return;
    if (b - a == 1 && (nb_quotes_tok_in(w, a, NB_QUOTES_PRONOUNS_M) ||
                       nb_quotes_tok_in(w, a, NB_QUOTES_PRONOUNS_F) ||
                       nb_quotes_tok_in(w, a, NB_QUOTES_PRONOUNS_OTHER))) {
        sp->kind = NB_QUOTES_SP_PRONOUN;
        sp->gender = nb_quotes_tok_in(w, a, NB_QUOTES_PRONOUNS_M)   ? 1
                     : nb_quotes_tok_in(w, a, NB_QUOTES_PRONOUNS_F) ? 2
                                                                    : 0;
        sp->ns = w->t[a].s;
        sp->ne = w->t[a].e;
        return;
    }
    /* a clause cut short is no subject: "officials haven't", "Trump's"
     * (the speaker is whose, not a possessive), "the Goldman Sachs
     * Symposium" (an event) */
    for (size_t k = a; k < b; k++)
        if (nb_quotes_contraction(w, k))
            return;
    if (nb_quotes_tok_possessive(w, b - 1) ||
        (nb_quotes_tok_cap(w, b - 1) && nb_quotes_tok_in(w, b - 1, NB_QUOTES_EVENT_WORDS)))
        return;
    /* drop a parenthetical at the end: (D-N.C.) */
    if (nb_quotes_tok_punct(w, b - 1, ')')) {
        size_t k = b - 1;
        while (k > a && !nb_quotes_tok_punct(w, k, '('))
            k--;
        if (k > a)
            b = k;
    }
    /* the run of name tokens at the end */
    size_t r = b;
    while (r > a) {
        size_t k = r - 1;
        if (nb_quotes_name_token(w, k) && !(nb_quotes_tok_possessive(w, k) && k != b - 1)) {
            r = k;
            continue;
        }
        if (r < b && nb_quotes_tok_cap(w, k) && nb_quotes_tok_in(w, k, NB_QUOTES_PLACE_PARTS) &&
            (k == a || !nb_quotes_name_token(w, k - 1))) {
            r = k; /* "The New York Times" */
            continue;
        }
        if (r < b && k > a && nb_quotes_name_token(w, k - 1) &&
            (nb_quotes_tok_in(w, k, NB_QUOTES_NAME_PARTICLES) ||
             nb_quotes_tok_in(w, k, NB_QUOTES_ORG_JOINERS))) {
            r = k;
            continue;
        }
        break;
    }
    while (r < b && (nb_quotes_tok_in(w, r, NB_QUOTES_ORG_JOINERS) ||
                     nb_quotes_tok_in(w, r, NB_QUOTES_NAME_PARTICLES)))
        r++;
    if (r < b && r > a && nb_quotes_tok_in(w, b - 1, NB_QUOTES_ORG_WORDS) &&
        nb_quotes_tok_possessive(w, r - 1) && nb_quotes_name_token(w, r - 1)) {
        r--; /* "the Nurses' Union", "St Mary's Hospital" */
        while (r > a && nb_quotes_name_token(w, r - 1) && !nb_quotes_tok_possessive(w, r - 1))
            r--;
    }
    size_t q = r;
    if (q < b && q > a && nb_quotes_tok_is(w, q - 1, "the"))
        q--;
    int object = q < b && q >= a + 2 && nb_quotes_tok_in(w, q - 1, NB_QUOTES_ROLE_PREPS) &&
                 nb_quotes_tok_word(w, q - 2) && !nb_quotes_tok_cap(w, q - 2) &&
                 !nb_quotes_tok_in(w, q - 2, NB_QUOTES_ORG_JOINERS);
    if (r >= b || nb_quotes_tok_possessive(w, b - 1) || object ||
        (b - a == 2 && nb_quotes_tok_is(w, a, "the") && nb_quotes_demonym(w, a + 1))) {
        /* no name: "the minister", "A Department of Health spokesperson",
         * "a spokesperson for Granite Coast" (the name is the object of a
         * preposition), "the Italian" (who, the resolver decides) */
        sp->kind = NB_QUOTES_SP_NP;
        sp->ns = w->t[a].s;
        sp->ne = w->t[b - 1].e;
        sp->gender = nb_quotes_role_gender(w, a, b);
        return;
    }
    /* strip honorifics and titles while a name remains */
    size_t n0 = r;
    int gender = 0;
    while (n0 + 1 < b &&
           (nb_quotes_tok_honorific(w, n0, &gender) || nb_quotes_tok_in(w, n0, NB_QUOTES_TITLES)))
        n0++;
    int org = 0;
    for (size_t k = n0; k < b; k++)
        org |= nb_quotes_tok_in(w, k, NB_QUOTES_ORG_WORDS) ||
               nb_quotes_tok_in(w, k, NB_QUOTES_ORG_JOINERS);
    if (org) {
        n0 = r; /* "the Justice Department": all of it is the name */
        gender = 0;
    } else if (n0 + 1 == b && nb_quotes_tok_in(w, n0, NB_QUOTES_TITLES) && n0 > r) {
        /* "Secretary of State": a title, no name */
        sp->kind = NB_QUOTES_SP_NP;
        sp->ns = w->t[a].s;
        sp->ne = w->t[b - 1].e;
        sp->gender = gender ? gender : nb_quotes_role_gender(w, a, b);
        return;
    }
    sp->kind = NB_QUOTES_SP_NAME;
    sp->person = !org;
    sp->gender = gender ? gender : nb_quotes_role_gender(w, a, b);
    sp->ns = w->t[n0].s;
    sp->ne = w->t[b - 1].e;
    if (nb_quotes_tok_possessive(w, b - 1))
        sp->ne -= (w->p[sp->ne - 2] == '\'') ? 2 : 4;
    /* the role: what comes before the name, less articles and honorifics */
    size_t ra = a, rb = n0;
    while (rb > ra && nb_quotes_tok_honorific(w, rb - 1, NULL))
        rb--;
    while (ra < rb && (nb_quotes_tok_is(w, ra, "the") || nb_quotes_tok_is(w, ra, "a") ||
                       nb_quotes_tok_is(w, ra, "an")))
        ra++;
    if (ra < rb && org) {
        ra = rb; /* "the Department of Health": the article is no role */
    }
    /* "would involve Attorney General Loretta Lynch": a word of the clause
     * before a capitalised title is no part of the role ("former Attorney
     * General", "state Sen." are) */
    size_t t = ra;
    while (t < rb && nb_quotes_tok_word(w, t) && !nb_quotes_tok_cap(w, t))
        t++;
    if (t > ra && t <= rb && !nb_quotes_tok_in(w, t - 1, NB_QUOTES_ROLE_NOUNS) &&
        !nb_quotes_tok_in(w, t - 1, NB_QUOTES_TITLES) &&
        !nb_quotes_tok_in(w, t - 1, NB_QUOTES_FEMALE_WORDS) &&
        !nb_quotes_tok_in(w, t - 1, NB_QUOTES_MALE_WORDS) &&
        !nb_quotes_tok_in(w, t - 1, NB_QUOTES_TITLE_MODIFIERS) &&
        !nb_quotes_tok_possessive(w, t - 1))
        ra = t; /* nor, all in lower case, one that names no role: "would involve" */
    if (ra < rb) {
        sp->rs = w->t[ra].s;
        sp->re = w->t[rb - 1].e;
    }
}

/* 1 when tokens [lo, c), before a comma, open a sentence with an
 * adverbial ("Back in 1999", "Here in Columbia", "Appearing before
 * supporters", "Ever since she won"): lower-case words that are no part
 * of a name, no pronoun first and no speech verb ("calls" may be a noun). */
static int opening_phrase(const struct nb_quotes_win *w, size_t lo, size_t c)
{
    int lower = 0;
    if (nb_quotes_tok_in(w, lo, NB_QUOTES_PRONOUNS_M) ||
        nb_quotes_tok_in(w, lo, NB_QUOTES_PRONOUNS_F) ||
        nb_quotes_tok_in(w, lo, NB_QUOTES_PRONOUNS_OTHER))
        return 0;
    /* a preposition or an adverb of time first: "Later on Sunday", "In
     * response to Berg's plan", whatever names follow */
    int opener = nb_quotes_tok_in(w, lo, NB_QUOTES_OPENERS);
    for (size_t k = lo; k < c; k++) {
        int f = nb_quotes_tok_verb(w, k);
        if ((f && !(f & NB_QUOTES_V_NOUN)) || (nb_quotes_tok_possessive(w, k) && !opener) ||
            !nb_quotes_tok_word(w, k)) /* words only: no quote inside */
            return 0;                  /* "Berg said in Oslo, adding": the subject is in it */
        if (opener)
            lower = 1;
        if (nb_quotes_tok_word(w, k) && !nb_quotes_tok_cap(w, k) &&
            !nb_quotes_tok_in(w, k, NB_QUOTES_NAME_PARTICLES) &&
            !nb_quotes_tok_in(w, k, NB_QUOTES_ORG_JOINERS))
            lower = 1;
    }
    return lower;
}

static void clause_subject_from(const struct nb_quotes_win *w, size_t lo, size_t v,
                                struct nb_quotes_speaker *sp);

void nb_quotes_clause_subject(const struct nb_quotes_win *w, size_t lo, size_t v,
                              struct nb_quotes_speaker *sp)
{
    size_t c = lo, reach = nb_quotes_tok_in(w, lo, NB_QUOTES_OPENERS) ? 20 : 12;
    while (c < v && c - lo < reach && !nb_quotes_tok_punct(w, c, ','))
        c++;
    if (c + 1 < v && c > lo && nb_quotes_tok_punct(w, c, ',') && opening_phrase(w, lo, c)) {
        struct nb_quotes_speaker s;
        memset(&s, 0, sizeof(s));
        clause_subject_from(w, c + 1, v, &s);
        if (s.kind != NB_QUOTES_SP_NONE)
            *sp = s;
        if (s.kind != NB_QUOTES_SP_NONE || nb_quotes_tok_in(w, lo, NB_QUOTES_OPENERS))
            return; /* never a name of the opening phrase ("In response to Berg's plan,") */
    }
    clause_subject_from(w, lo, v, sp);
}

static void clause_subject_from(const struct nb_quotes_win *w, size_t lo, size_t v,
                                struct nb_quotes_speaker *sp)
{
    for (size_t k = lo; k < v; k++) {
        if (nb_quotes_tok_in(w, k, NB_QUOTES_PRONOUNS_M) ||
            nb_quotes_tok_in(w, k, NB_QUOTES_PRONOUNS_F) || nb_quotes_name_token(w, k)) {
            size_t e = k;
            while (
                e < v &&
                (nb_quotes_name_token(w, e) || nb_quotes_tok_in(w, e, NB_QUOTES_NAME_PARTICLES)) &&
                e - k < 5)
                e++;
            if (e == k)
                e = k + 1;
            size_t s = k;
            if (nb_quotes_tok_possessive(w, e - 1)) {
                /* "Clinton's right-hand woman", "Berg's spokesman": the
                 * person is the one the name has */
                size_t r = e;
                while (r < v && r - e < 3 && nb_quotes_tok_word(w, r) && !nb_quotes_tok_cap(w, r) &&
                       !nb_quotes_tok_in(w, r, NB_QUOTES_ROLE_NOUNS) &&
                       !nb_quotes_tok_in(w, r, NB_QUOTES_FEMALE_WORDS) &&
                       !nb_quotes_tok_in(w, r, NB_QUOTES_MALE_WORDS))
                    r++;
                if (r < v && (nb_quotes_tok_in(w, r, NB_QUOTES_ROLE_NOUNS) ||
                              nb_quotes_tok_in(w, r, NB_QUOTES_FEMALE_WORDS) ||
                              nb_quotes_tok_in(w, r, NB_QUOTES_MALE_WORDS))) {
                    if (r + 2 < v && nb_quotes_tok_is(w, r + 1, "of") &&
                        nb_quotes_tok_word(w, r + 2) && !nb_quotes_tok_cap(w, r + 2) &&
                        !nb_quotes_tok_verb(w, r + 2))
                        r += 2; /* "Solberg's chief of staff" */
                    size_t n = r + 1;
                    while (n < v && nb_quotes_name_token(w, n) && n - r < 5)
                        n++;
                    if (n > r + 1) { /* "Clinton's campaign manager Robby Mook" */
                        struct nb_quotes_speaker named;
                        memset(&named, 0, sizeof(named));
                        nb_quotes_np_split(w, k, n, &named);
                        if (named.kind == NB_QUOTES_SP_NAME) {
                            *sp = named;
                            return;
                        }
                    }
                    memset(sp, 0, sizeof(*sp));
                    sp->kind = NB_QUOTES_SP_NP;
                    sp->ns = w->t[k].s;
                    sp->ne = w->t[r].e;
                    sp->gender = nb_quotes_role_gender(w, e, r + 1);
                    sp->person = 1;
                    return;
                }
                continue;
            }
            if (e < v && nb_quotes_tok_word(w, e) && !nb_quotes_tok_cap(w, e) &&
                !nb_quotes_tok_in(w, e, NB_QUOTES_NP_STOPS) &&
                !nb_quotes_tok_in(w, e, NB_QUOTES_VERB_ADVERBS) && !nb_quotes_tok_verb(w, e) &&
                !nb_quotes_tok_possessive(w, e - 1) &&
                nb_quotes_tok_in(w, e, NB_QUOTES_ROLE_NOUNS)) {
                /* "The Republican nominee": the name only qualifies the
                 * noun; the subject is the whole phrase */
                e++;
                if (s > lo && (nb_quotes_tok_is(w, s - 1, "the") ||
                               nb_quotes_tok_is(w, s - 1, "a") || nb_quotes_tok_is(w, s - 1, "an")))
                    s--;
                size_t n = e; /* "Millbrook captain Erik Vos": the name after it */
                while (n < v && nb_quotes_name_token(w, n) && n - e < 4)
                    n++;
                e = n;
            }
            nb_quotes_np_split(w, s, e, sp);
            if (sp->kind != NB_QUOTES_SP_NONE)
                return;
        }
    }
}

size_t nb_quotes_np_back(const struct nb_quotes_win *w, size_t lo, size_t verb)
{
    size_t k = verb, adv = 0;
    while (k > lo && adv < 3 &&
           (nb_quotes_adverb(w, k - 1) || nb_quotes_contraction(w, k - 1) == 2) &&
           !nb_quotes_tok_is(w, k - 1, "told")) {
        k--;
        adv++;
    }
    size_t end = k, n = 0;
    while (k > lo && n < 9) {
        size_t j = k - 1;
        if (nb_quotes_tok_punct(w, j, ')')) {
            size_t m = j;
            while (m > lo && !nb_quotes_tok_punct(w, m, '(') && j - m < 8)
                m--;
            if (!nb_quotes_tok_punct(w, m, '('))
                break;
            k = m;
            continue;
        }
        if (!nb_quotes_tok_word(w, j))
            break;
        if (k < end && (nb_quotes_tok_in(w, j, NB_QUOTES_POSSESSIVES) ||
                        nb_quotes_tok_is(w, j, "another") || nb_quotes_tok_is(w, j, "some"))) {
            k = j; /* "my father", "their lawyer": the phrase starts here */
            break;
        }
        if (nb_quotes_tok_in(w, j, NB_QUOTES_NP_STOPS) &&
            !(k == end && (nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_M) ||
                           nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_F) ||
                           nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_OTHER))))
            break;
        if (nb_quotes_tok_verb(w, j))
            break;
        k = j;
        n++;
        if (nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_M) ||
            nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_F) ||
            nb_quotes_tok_in(w, j, NB_QUOTES_PRONOUNS_OTHER))
            break;
        if (nb_quotes_tok_is(w, j, "the") || nb_quotes_tok_is(w, j, "a") ||
            nb_quotes_tok_is(w, j, "an"))
            break; /* a noun phrase starts with its article */
    }
    while (k < end && (nb_quotes_tok_is(w, k, "of") || nb_quotes_tok_is(w, k, "for") ||
                       nb_quotes_tok_is(w, k, "and")))
        k++;
    return k == end ? verb : k;
}

int nb_quotes_relative_word(const struct nb_quotes_win *w, size_t k)
{
    return nb_quotes_tok_is(w, k, "who") || nb_quotes_tok_is(w, k, "which") ||
           nb_quotes_tok_is(w, k, "whose") || nb_quotes_tok_is(w, k, "that");
}
