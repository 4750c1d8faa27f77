/* people.c - the article's speakers as a list, for the script: the
 * fullest name, the surname the article uses on its own, the role, the
 * organisation the role names, the pronoun and the title.
 *
 * Everything is read from what the run already knows (the quotes and the
 * memory of people) plus one look for the surname in the paragraphs; the
 * number of speakers looked up is capped, so the work stays linear in the
 * article however many names it holds.
 */
#include "quotes/people.h"
#include "text/buf.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

#define PEOPLE_MAX 512 /* more speakers than this are not listed */
#define PEOPLE_SCAN 64 /* the first ones get their surname looked for */

/* The last word of s[0..len). */
static const char *last_word(const char *s, size_t len, size_t *wl)
{
    size_t i = len;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    *wl = len - i;
    return s + i;
}

/* 1 when a and b name one speaker: the same, or one is the other's
 * surname ("Berg", "Ola Berg"). */
static int same_speaker(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    size_t al = strlen(a), bl = strlen(b), wl;
    if (!strchr(a, ' ')) {
        const char *w = last_word(b, bl, &wl);
        return wl == al && memcmp(w, a, al) == 0;
    }
    if (!strchr(b, ' ')) {
        const char *w = last_word(a, al, &wl);
        return wl == bl && memcmp(w, b, bl) == 0;
    }
    return 0;
}

static int letter_at(const char *s, size_t i)
{
    return nb_ascii_is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
}

/* 1 when the surname of the multi-word name[0..len) stands on its own
 * somewhere in the paragraphs ("Berg said" after "Ola Berg"). */
static int surname_used(const struct nb_article *a, const char *name, size_t len)
{
    size_t wl;
    const char *w = last_word(name, len, &wl);
    size_t lead = len - wl; /* "Ola " */
    if (wl < 2 || lead == 0)
        return 0;
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        const char *p = a->paragraphs.v[i];
        for (const char *h = strstr(p, w); h; h = strstr(h + 1, w)) {
            size_t at = (size_t)(h - p);
            if ((at > 0 && letter_at(p, at - 1)) || letter_at(p, at + wl))
                continue;
            if (at >= lead && memcmp(p + at - lead, name, lead) == 0)
                continue; /* the full name again */
            return 1;
        }
    }
    return 0;
}

/* The organisation a role names: "Nordhavn Capital" of "an economist at
 * Nordhavn Capital", "Kingsbridge" of "Kingsbridge boss"; NULL when none
 * (a bare title, "Mayor", names none). */
static int organisation_of(const char *role, size_t *os, size_t *oe)
{
    static const char *const preps[] = {" of ", " at ", " for ", " from ", " with "};
    size_t len = strlen(role);
    for (size_t k = 0; k < sizeof(preps) / sizeof(preps[0]); k++) {
        const char *h = strstr(role, preps[k]);
        if (!h)
            continue;
        size_t s = (size_t)(h - role) + strlen(preps[k]);
        if (strncmp(role + s, "the ", 4) == 0)
            s += 4;
        if (s >= len ||
            !(nb_ascii_is_upper((unsigned char)role[s]) || (unsigned char)role[s] >= 0x80))
            continue;
        size_t e = s;
        while (e < len && role[e] != ',' && role[e] != ';' && role[e] != '(')
            e++;
        while (e > s && role[e - 1] == ' ')
            e--;
        *os = s;
        *oe = e;
        return 1;
    }
    /* "Kingsbridge boss", "Crestline's chief economist": capitals, then a
     * lower-case word */
    size_t e = 0;
    while (e < len &&
           (nb_ascii_is_upper((unsigned char)role[e]) || (unsigned char)role[e] >= 0x80)) {
        while (e < len && role[e] != ' ')
            e++;
        if (e < len)
            e++;
    }
    if (e == 0 || e >= len || !nb_ascii_is_lower((unsigned char)role[e]))
        return 0;
    size_t end = e - 1;
    if (end >= 2 && role[end - 2] == '\'' && role[end - 1] == 's')
        end -= 2;
    else if (end >= 4 && memcmp(role + end - 4, "\xe2\x80\x99s", 4) == 0)
        end -= 4;
    *os = 0;
    *oe = end;
    return end > 0;
}

static int later(size_t pa, size_t pos_a, size_t pb, size_t pos_b)
{
    return pa > pb || (pa == pb && pos_a > pos_b);
}

/* ---- whether the text is still with the latest speaker ----------------- */

static const struct nb_quotes_entity *last_entity(struct nb_quotes_memory *m)
{
    if (!m->have_last || !m->last_speaker)
        return NULL;
    return nb_quotes_mem_lookup(m, m->last_speaker, strlen(m->last_speaker));
}

const struct nb_quotes_entity *nb_quotes_mem_moved_on(struct nb_quotes_memory *m, size_t para)
{
    const struct nb_quotes_entity *e = last_entity(m), *best = NULL;
    for (size_t i = 0; i < m->n; i++) {
        const struct nb_quotes_entity *f = &m->e[i];
        if (f == e || !f->person || !f->subject || f->para <= m->last_para || f->para > para)
            continue;
        if (e && !later(f->para, f->pos, e->para, e->pos))
            continue;
        if (!best || later(f->para, f->pos, best->para, best->pos))
            best = f;
    }
    return best;
}

int nb_quotes_mem_stays(struct nb_quotes_memory *m, size_t para)
{
    const struct nb_quotes_entity *e = last_entity(m);
    return e && e->person && e->para > m->last_para && e->para + 1 >= para;
}

/* ---- the list ------------------------------------------------------------ */

static nb_status describe(struct nb_article *a, struct nb_quotes_memory *m, struct nb_speaker *s,
                          size_t index)
{
    size_t len = strlen(s->name);
    const struct nb_quotes_entity *e = nb_quotes_mem_lookup(m, s->name, len);
    int person = e ? e->person : 0;
    if (!s->role && e && e->role && !(s->role = nb_strndup(e->role, e->role_len)))
        return NB_ENOMEM;
    size_t os, oe;
    if (s->role && organisation_of(s->role, &os, &oe) &&
        !(s->organisation = nb_strndup(s->role + os, oe - os)))
        return NB_ENOMEM;
    if (!person)
        return NB_OK;
    int g = e->pronoun ? e->pronoun : e->gender;
    s->pronoun = g == 1 ? NB_PRONOUN_HE : g == 2 ? NB_PRONOUN_SHE : NB_PRONOUN_NONE;
    if (e->title && !(s->title = nb_strndup(e->title, e->title_len)))
        return NB_ENOMEM;
    if (index < PEOPLE_SCAN && surname_used(a, s->name, len)) {
        size_t wl;
        const char *w = last_word(s->name, len, &wl);
        if (!(s->short_name = nb_strndup(w, wl)))
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* The speaker of q, added to the list when new; 0 when none or the list
 * is full. */
static nb_status assign(struct nb_article *a, size_t *alloc, struct nb_quote *q)
{
    q->speaker_id = 0;
    if (!q->speaker)
        return NB_OK;
    for (size_t i = a->nspeakers; i-- > 0;) {
        struct nb_speaker *s = &a->speakers[i];
        if (!same_speaker(s->name, q->speaker))
            continue;
        if (strlen(q->speaker) > strlen(s->name)) { /* a fuller form */
            char *n = nb_strdup(q->speaker);
            if (!n)
                return NB_ENOMEM;
            free(s->name);
            s->name = n;
        }
        if (!s->role && q->role && !(s->role = nb_strdup(q->role)))
            return NB_ENOMEM;
        q->speaker_id = s->id;
        return NB_OK;
    }
    if (a->nspeakers >= PEOPLE_MAX)
        return NB_OK;
    if (a->nspeakers == *alloc) {
        size_t n = *alloc ? *alloc * 2 : 8;
        struct nb_speaker *v = realloc(a->speakers, n * sizeof(*v));
        if (!v)
            return NB_ENOMEM;
        a->speakers = v;
        *alloc = n;
    }
    struct nb_speaker *s = &a->speakers[a->nspeakers];
    memset(s, 0, sizeof(*s));
    s->id = a->nspeakers + 1;
    a->nspeakers++;
    if (!(s->name = nb_strdup(q->speaker)))
        return NB_ENOMEM;
    if (q->role && !(s->role = nb_strdup(q->role)))
        return NB_ENOMEM;
    q->speaker_id = s->id;
    return NB_OK;
}

static void clear(struct nb_article *a)
{
    for (size_t i = 0; i < a->nspeakers; i++)
        nb_speaker_release(&a->speakers[i]);
    free(a->speakers);
    a->speakers = NULL;
    a->nspeakers = 0;
    for (size_t i = 0; i < a->nquotes; i++)
        a->quotes[i].speaker_id = 0;
}

nb_status nb_quotes_people(struct nb_article *a, struct nb_quotes_memory *m, struct nb_error *err)
{
    clear(a);
    size_t alloc = 0;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < a->nquotes; i++)
        rc = assign(a, &alloc, &a->quotes[i]);
    for (size_t i = 0; rc == NB_OK && i < a->nspeakers; i++)
        rc = describe(a, m, &a->speakers[i], i);
    if (rc != NB_OK) {
        clear(a);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}
