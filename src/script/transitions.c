/* transitions.c - the bank of transitions and the choice between them.
 *
 * Each transition is a lead-in followed by the story's headline read as a
 * sentence.  Written for the ear: short, plain, the way a British
 * newsreader moves between stories, and each one works whatever the
 * headline says (the headline is a sentence of its own, so a lead-in ends
 * with a comma, a colon or a full stop, never with "about" or "to").
 */
#include "script/transitions.h"

#include "text/sentences.h"

#include <string.h>

struct nb_transition {
    const char *lead_in;     /* before the headline */
    const char *no_headline; /* the whole transition when there is no headline */
};

static const struct nb_transition first_transitions[] = {
    {"First, ", "First, our top story."},
    {"Our top story: ", "Our top story."},
    {"We begin with our main story. ", "We begin with our main story."},
    {"Leading the news: ", "First, the story leading the news."},
    {"Making the headlines: ", "First, the story making the headlines."},
};

static const struct nb_transition middle_transitions[] = {
    {"Next, ", "Next, another story."},
    {"In other news, ", "In other news."},
    {"Elsewhere, ", "Elsewhere in the news."},
    {"Meanwhile, ", "Meanwhile, another story."},
    {"Also in the news, ", "Also in the news."},
    {"Our next story: ", "Our next story."},
    {"Now to another story. ", "Now to another story."},
    {"Turning to other news, ", "Turning to other news."},
    {"Another story making the news: ", "Another story making the news."},
    {"Moving on, ", "Moving on to our next story."},
};

static const struct nb_transition last_transitions[] = {
    {"And finally, ", "And finally."},
    {"Finally, ", "Finally, one more story."},
    {"And our last story: ", "And our last story."},
    {"And to finish, ", "And to finish, one more story."},
    {"Lastly, ", "And lastly, one more story."},
};

struct nb_transition_set {
    const struct nb_transition *v;
    size_t n;
};

#define SET(a)                                                                                     \
    {                                                                                              \
        a, sizeof(a) / sizeof(a[0])                                                                \
    }
static const struct nb_transition_set transition_sets[] = {
    [NB_TRANSITION_FIRST] = SET(first_transitions),
    [NB_TRANSITION_MIDDLE] = SET(middle_transitions),
    [NB_TRANSITION_LAST] = SET(last_transitions),
};
#undef SET

enum nb_transition_place nb_transition_place_of(size_t i, size_t n)
{
    if (i == 0)
        return NB_TRANSITION_FIRST;
    return i + 1 >= n ? NB_TRANSITION_LAST : NB_TRANSITION_MIDDLE;
}

size_t nb_transition_count(enum nb_transition_place place)
{
    return transition_sets[place].n;
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

size_t nb_transition_pick(struct nb_transition_picker *p, enum nb_transition_place place)
{
    size_t n = transition_sets[place].n;
    uint64_t r = next_random(p);
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

static int ends_sentence(const char *s, size_t len)
{
    /* Look past closing quotes and brackets: 'He said "Go."' ends one. */
    while (len) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']')
            len--;
        else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
                 (unsigned char)s[len - 2] == 0x80 &&
                 ((unsigned char)s[len - 1] == 0x99 || (unsigned char)s[len - 1] == 0x9D))
            len -= 3; /* ’ ” */
        else
            break;
    }
    if (!len)
        return 0;
    char c = s[len - 1];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    /* … U+2026 */
    return len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
           (unsigned char)s[len - 1] == 0xA6;
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

int nb_transition_headline(const char *headline, struct nb_buf *out)
{
    if (!headline)
        return 0;
    size_t mark = out->len;
    if (nb_text_collapse_space(headline, strlen(headline), out) < 0)
        goto fail;
    size_t len = out->len - mark;
    if (!ends_sentence(out->data + mark, len)) {
        nb_buf_truncate(out, mark + trim_dangling(out->data + mark, len));
        if (out->len > mark && nb_buf_addc(out, '.') < 0)
            goto fail;
    }
    return 0;
fail:
    nb_buf_truncate(out, mark);
    return -1;
}

int nb_transition_write(enum nb_transition_place place, size_t index, const char *headline,
                        struct nb_buf *out)
{
    const struct nb_transition *t = &transition_sets[place].v[index];
    size_t mark = out->len;
    if (nb_buf_adds(out, t->lead_in) < 0 || nb_transition_headline(headline, out) < 0)
        goto fail;
    if (out->len == mark + strlen(t->lead_in)) {
        /* nothing to say after the lead-in: no headline */
        nb_buf_truncate(out, mark);
        if (nb_buf_adds(out, t->no_headline) < 0)
            goto fail;
    }
    return 0;
fail:
    nb_buf_truncate(out, mark);
    return -1;
}
