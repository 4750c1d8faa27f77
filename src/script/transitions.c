/* transitions.c - the bank of transitions, the choice between them and
 * the templates they are written as. */
#include "script/transitions.h"

#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

void nb_transition_bank_init(struct nb_transition_bank *b)
{
    memset(b, 0, sizeof(*b));
}

void nb_transition_bank_release(struct nb_transition_bank *b)
{
    for (size_t p = 0; p < NB_TRANSITION_PLACES; p++) {
        for (size_t i = 0; i < b->n[p]; i++) {
            free(b->v[p][i].text);
            free(b->v[p][i].without);
        }
        free(b->v[p]);
    }
    free(b->headlines);
    free(b->recap);
    nb_transition_bank_init(b);
}

nb_status nb_transition_bank_add(struct nb_transition_bank *b, enum nb_transition_place place,
                                 const char *text, const char *without)
{
    struct nb_transition *v = realloc(b->v[place], (b->n[place] + 1) * sizeof(*v));
    if (!v)
        return NB_ENOMEM;
    b->v[place] = v;
    struct nb_transition t = {nb_strdup(text), without ? nb_strdup(without) : NULL};
    if (!t.text || (without && !t.without)) {
        free(t.text);
        free(t.without);
        return NB_ENOMEM;
    }
    v[b->n[place]++] = t;
    return NB_OK;
}

enum nb_transition_place nb_transition_place_of(size_t i, size_t n)
{
    if (i == 0)
        return NB_TRANSITION_FIRST;
    return i + 1 >= n ? NB_TRANSITION_LAST : NB_TRANSITION_MIDDLE;
}

size_t nb_transition_count(const struct nb_transition_bank *bank, enum nb_transition_place place)
{
    return bank->n[place];
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

void nb_transition_picker_init(struct nb_transition_picker *p, const char *title, int year,
                               int month, int day)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    if (title)
        h = fnv1a(h, title, strlen(title));
    unsigned char date[5] = {0, /* between title and date: "A"+"1..." != "A1"+"..." */
                             (unsigned char)(year >> 8), (unsigned char)year, (unsigned char)month,
                             (unsigned char)day};
    h = fnv1a(h, date, sizeof(date));
    p->state = h;
    p->nrecent = 0;
    memset(p->recent, 0, sizeof(p->recent));
}

/* splitmix64: small, good enough, and the same on every platform. */
static uint64_t next_random(struct nb_transition_picker *p)
{
    uint64_t z = (p->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static int recently_used(const struct nb_transition_picker *p, size_t index)
{
    for (size_t i = 0; i < p->nrecent; i++)
        if (p->recent[i] == index)
            return 1;
    return 0;
}

size_t nb_transition_pick(struct nb_transition_picker *p, enum nb_transition_place place,
                          size_t n)
{
    uint64_t r = next_random(p);
    if (n <= 1)
        return 0;
    if (place != NB_TRANSITION_MIDDLE)
        return (size_t)(r % n);

    /* The k-th of the middle transitions not used lately. */
    size_t keep = p->nrecent < n ? p->nrecent : n - 1;
    size_t k = (size_t)(r % (n - keep)), index = 0;
    for (;; index++) {
        if (recently_used(p, index))
            continue;
        if (k-- == 0)
            break;
    }
    if (NB_TRANSITION_RECENT > 1)
        memmove(p->recent + 1, p->recent, (NB_TRANSITION_RECENT - 1) * sizeof(p->recent[0]));
    p->recent[0] = index;
    if (p->nrecent < NB_TRANSITION_RECENT && p->nrecent + 1 < n)
        p->nrecent++;
    return index;
}


/* Drops what cannot end a spoken sentence: ':' ';' ',' and dashes. */
static size_t trim_dangling(const char *s, size_t len)
{
    for (;;) {
        if (len && (s[len - 1] == ':' || s[len - 1] == ';' || s[len - 1] == ',' ||
                    s[len - 1] == '-' || s[len - 1] == ' '))
            len--;
        else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
                 (unsigned char)s[len - 2] == 0x80 &&
                 ((unsigned char)s[len - 1] == 0x93 || (unsigned char)s[len - 1] == 0x94))
            len -= 3; /* – — */
        else
            return len;
    }
}

nb_status nb_transition_headline(const char *headline, struct nb_buf *out)
{
    if (!headline)
        return NB_OK;
    size_t mark = out->len;
    if (nb_text_collapse_space(headline, strlen(headline), out) != NB_OK)
        goto fail;
    size_t len = out->len - mark;
    if (!nb_sentence_ends(out->data + mark, len)) {
        nb_buf_truncate(out, mark + trim_dangling(out->data + mark, len));
        if (out->len > mark && nb_buf_addc(out, '.') != NB_OK)
            goto fail;
    }
    return NB_OK;
fail:
    nb_buf_truncate(out, mark);
    return NB_ENOMEM;
}

/* ---- templates ------------------------------------------------------- */

struct placeholder {
    const char *name;
    unsigned bit;
};

static const struct placeholder placeholders[] = {
    {"headline", NB_TEMPLATE_HEADLINE}, {"title", NB_TEMPLATE_TITLE},
    {"date", NB_TEMPLATE_DATE},         {"count", NB_TEMPLATE_COUNT},
    {"time_of_day", NB_TEMPLATE_TIME_OF_DAY},
};

#define NPLACEHOLDERS (sizeof(placeholders) / sizeof(placeholders[0]))

/* The placeholder named s[0..len), or NULL. */
static const struct placeholder *placeholder_of(const char *s, size_t len)
{
    for (size_t i = 0; i < NPLACEHOLDERS; i++)
        if (strlen(placeholders[i].name) == len && memcmp(placeholders[i].name, s, len) == 0)
            return &placeholders[i];
    return NULL;
}

int nb_template_check(const char *tpl, unsigned allowed, size_t *bad_offset, size_t *bad_len)
{
    for (size_t i = 0; tpl[i]; i++) {
        if ((tpl[i] == '{' && tpl[i + 1] == '{') || (tpl[i] == '}' && tpl[i + 1] == '}')) {
            i++;
            continue;
        }
        if (tpl[i] != '{')
            continue;
        const char *close = strchr(tpl + i, '}');
        const struct placeholder *ph =
            close ? placeholder_of(tpl + i + 1, (size_t)(close - tpl - i - 1)) : NULL;
        if (!ph || !(ph->bit & allowed)) {
            *bad_offset = i;
            *bad_len = close ? (size_t)(close - tpl - i) + 1 : strlen(tpl + i);
            return 0;
        }
        i = (size_t)(close - tpl);
    }
    return 1;
}

static nb_status add_collapsed(struct nb_buf *out, const char *s)
{
    return s ? nb_text_collapse_space(s, strlen(s), out) : NB_OK;
}

nb_status nb_template_expand(const char *tpl, const struct nb_template_vars *vars,
                             struct nb_buf *out)
{
    size_t mark = out->len;
    for (size_t i = 0; tpl[i]; i++) {
        nb_status rc = NB_OK;
        if ((tpl[i] == '{' && tpl[i + 1] == '{') || (tpl[i] == '}' && tpl[i + 1] == '}')) {
            rc = nb_buf_addc(out, tpl[i++]);
        } else if (tpl[i] == '{' && strchr(tpl + i, '}')) {
            const char *close = strchr(tpl + i, '}');
            const struct placeholder *ph =
                placeholder_of(tpl + i + 1, (size_t)(close - tpl - i - 1));
            if (!ph) {
                rc = nb_buf_add(out, tpl + i, (size_t)(close - tpl - i) + 1);
            } else if (ph->bit == NB_TEMPLATE_HEADLINE) {
                rc = nb_transition_headline(vars->headline, out);
            } else if (ph->bit == NB_TEMPLATE_TITLE) {
                rc = add_collapsed(out, vars->title);
            } else if (ph->bit == NB_TEMPLATE_DATE) {
                rc = add_collapsed(out, vars->date);
            } else if (ph->bit == NB_TEMPLATE_COUNT) {
                rc = nb_buf_addf(out, "%zu", vars->count);
            } else {
                rc = add_collapsed(out, vars->time_of_day);
            }
            i = (size_t)(close - tpl);
        } else {
            rc = nb_buf_addc(out, tpl[i]);
        }
        if (rc != NB_OK) {
            nb_buf_truncate(out, mark);
            return rc;
        }
    }
    return NB_OK;
}

/* The text without its {headline}, as a sentence: "First, {headline}" ->
 * "First." */
static nb_status write_without(const char *tpl, const struct nb_template_vars *vars,
                               struct nb_buf *out)
{
    struct nb_template_vars none = *vars;
    none.headline = NULL;
    struct nb_buf tmp;
    nb_buf_init(&tmp, 0);
    nb_status rc = nb_template_expand(tpl, &none, &tmp);
    if (rc == NB_OK)
        rc = nb_transition_headline(tmp.data, out);
    nb_buf_release(&tmp);
    return rc;
}

nb_status nb_transition_write(const struct nb_transition_bank *bank, enum nb_transition_place place,
                              size_t index, const struct nb_template_vars *vars, struct nb_buf *out)
{
    const struct nb_transition *t = &bank->v[place][index];
    size_t mark = out->len;
    struct nb_buf headline;
    nb_buf_init(&headline, 0);
    nb_status rc = nb_transition_headline(vars->headline, &headline);
    if (rc == NB_OK && headline.len)
        rc = nb_template_expand(t->text, vars, out);
    else if (rc == NB_OK && t->without)
        rc = nb_template_expand(t->without, vars, out);
    else if (rc == NB_OK)
        rc = write_without(t->text, vars, out);
    nb_buf_release(&headline);
    if (rc != NB_OK)
        nb_buf_truncate(out, mark);
    return rc;
}
