/* descriptions.c - who a description cue stands for: a role said before
 * ("the minister"), the one person just named ("the 54-year-old", "the
 * rookie defenceman"), an organisation named with that word ("the club").
 */
#include "quotes/descriptions.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/chars.h"

#include <string.h>

int nb_quotes_later(size_t pa, size_t pos_a, size_t pb, size_t pos_b)
{
    return pa > pb || (pa == pb && pos_a > pos_b);
}

static const char *last_word(const char *name, size_t len, size_t *wl)
{
    size_t i = len;
    while (i > 0 && name[i - 1] != ' ')
        i--;
    *wl = len - i;
    return name + i;
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

/* The abbreviation a title is written with before a name: "Sen. Marco
 * Rubio" is the senator, "Gov. Ann Lee" the governor. */
static const char *title_abbreviation(const char *head, size_t wl)
{
    static const char *const pairs[][2] = {
        {"senator", "sen"},         {"governor", "gov"},      {"representative", "rep"},
        {"congressman", "rep"},     {"congresswoman", "rep"}, {"general", "gen"},
        {"president", "pres"},      {"professor", "prof"},    {"secretary", "sec"},
        {"lieutenant", "lt"},       {"sergeant", "sgt"},      {"captain", "capt"},
        {"superintendent", "supt"}, {"inspector", "insp"},    {"detective", "det"},
        {"commissioner", "comr"}};
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
        if (strlen(pairs[i][0]) == wl && nb_ascii_ncasecmp(head, pairs[i][0], wl) == 0)
            return pairs[i][1];
    return NULL;
}

/* 1 when role[0..rl) holds word[0..wl) at a word's start, ending there or
 * with an abbreviation's full stop when abbrev. */
static int role_has(const char *role, size_t rl, const char *word, size_t wl, int abbrev)
{
    for (size_t j = 0; j + wl <= rl; j++) {
        if (j > 0 && nb_ascii_is_alpha((unsigned char)role[j - 1]))
            continue;
        if (nb_ascii_ncasecmp(role + j, word, wl) != 0)
            continue;
        if (!abbrev)
            return 1;
        if (j + wl == rl || role[j + wl] == '.' || role[j + wl] == ' ')
            return 1;
    }
    return 0;
}

/* The person "the minister" stands for: the latest whose role says so
 * ("the senator" for "Sen. Marco Rubio" too). */
struct nb_quotes_entity *nb_quotes_mem_role(struct nb_quotes_memory *m, const char *np, size_t len)
{
    size_t wl;
    const char *head = last_word(np, len, &wl);
    if (wl < 3)
        return NULL;
    const char *abbr = title_abbreviation(head, wl);
    struct nb_quotes_entity *best = NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct nb_quotes_entity *e = &m->e[i];
        if (!e->person || !e->role)
            continue;
        size_t rl = role_head_len(e->role, e->role_len);
        if ((role_has(e->role, rl, head, wl, 0) ||
             (abbr && role_has(e->role, rl, abbr, strlen(abbr), 1))) &&
            (!best || nb_quotes_later(e->para, e->pos, best->para, best->pos)))
            best = e;
    }
    return best;
}

/* "the Italian", "the 54-year-old", "the former manager": a definite
 * description of a person, not of an organisation ("the ministry"). */
int nb_quotes_person_description(const char *np, size_t len)
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
    if (hl > 9 && nb_ascii_is_digit((unsigned char)t[0]) &&
        (memcmp(t + hl - 9, "-year-old", 9) == 0 || memcmp(t + hl - 9, " year old", 9) == 0))
        return 1;
    if (w.n == 2 && nb_quotes_demonym(&w, h))
        return 1;
    /* "the rookie defenceman", "the veteran striker": a word for a person
     * (a role noun, or -man, -woman, -ist) with a word that describes this
     * one, and no name of its own; a bare "the senator", "the man" may be
     * someone never named */
    if (w.n < 3)
        return 0;
    for (size_t k = 1; k < w.n; k++)
        if (nb_quotes_tok_cap(&w, k))
            return 0;
    if (nb_quotes_tok_in(&w, h, NB_QUOTES_ROLE_NOUNS))
        return 1;
    static const char *const ends[] = {"man", "woman", "ist"};
    for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
        size_t el = strlen(ends[k]);
        if (hl > el + 2 && memcmp(t + hl - el, ends[k], el) == 0)
            return 1;
    }
    /* "the manager", "the senator", "the man": only through a role said
     * before (mem_role); a bare description may be someone never named */
    return 0;
}

/* The organisation "the club", "the ministry" stands for: the latest named
 * in this paragraph or the two before whose name has that word ("Harbour
 * Rovers Football Club"). */
/* 1 when word[0..wl) is a whole word of s[0..len), in any ASCII case. */
static int word_in_name(const char *s, size_t len, const char *word, size_t wl)
{
    for (size_t j = 0; j + wl <= len; j++) {
        if ((j > 0 && s[j - 1] != ' ') || (j + wl < len && s[j + wl] != ' '))
            continue;
        if (nb_ascii_ncasecmp(s + j, word, wl) == 0)
            return 1;
    }
    return 0;
}

struct nb_quotes_entity *nb_quotes_mem_org(struct nb_quotes_memory *m, const char *np, size_t len,
                                           size_t para)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, np, 0, len);
    size_t h = w.n ? w.n - 1 : 0;
    if (w.n < 2 || w.n > 3 || nb_quotes_tok_cap(&w, h) ||
        !(nb_quotes_tok_in(&w, h, NB_QUOTES_ORG_WORDS) ||
          nb_quotes_tok_in(&w, h, NB_QUOTES_ORG_NOUNS)))
        return NULL;
    const char *head = np + w.t[h].s;
    size_t hl = nb_quotes_tok_len(&w, h);
    struct nb_quotes_entity *best = NULL;
    for (size_t i = 0; i < m->n; i++) {
        struct nb_quotes_entity *e = &m->e[i];
        if (e->person || e->para + 2 < para)
            continue;
        /* the word in its name ("Harbour Rovers Football Club"), or in
         * what the text said it is ("Brightwall, a security firm") */
        if ((word_in_name(e->name, e->len, head, hl) ||
             (e->role && word_in_name(e->role, role_head_len(e->role, e->role_len), head, hl))) &&
            (!best || nb_quotes_later(e->para, e->pos, best->para, best->pos)))
            best = e;
    }
    return best;
}

/* 1 when e is the only person named in paragraph para and the one before:
 * a description can stand for no one else. */
int nb_quotes_only_person(const struct nb_quotes_memory *m, const struct nb_quotes_entity *e,
                          size_t para)
{
    for (size_t i = 0; i < m->n; i++) {
        const struct nb_quotes_entity *f = &m->e[i];
        if (f != e && f->person && (f->evidence || f->subject) && f->para + 1 >= para)
            return 0;
    }
    return 1;
}

/* "the Italian", "the 54-year-old": a description the text gives only to
 * someone it has just named (a nationality, an age). */
int nb_quotes_short_description(const char *np, size_t len)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, np, 0, len);
    return w.n == 2;
}
