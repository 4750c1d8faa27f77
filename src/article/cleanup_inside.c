/* cleanup_inside.c - furniture inside the story that only its place
 * among the story's lines gives away: captions in the present between
 * paragraphs told in the past, a title-case line cutting a sentence in
 * two, a bracketed pointer elsewhere. */
#include "article/cleanup_lines.h"

#include "text/calendar.h"
#include "text/chars.h"

#include <stdint.h>
#include <string.h>

/* A caption shares less than this share (percent) of its content words
 * with the paragraphs around it. */
#define CAPTION_SHARED 25

/* A sentence that may describe a picture: short, in the present (no verb
 * of the past, no modal, no "I"), reporting nothing, quoting no one,
 * speaking to no reader. */
static int caption_shape(const struct nb_clean_line *ln)
{
    unsigned char c = (unsigned char)ln->s[0];
    char end = ln->s[ln->len - 1];
    return ln->words >= 3 && ln->words <= 35 && !ln->narrates && !ln->quoted && !ln->reports &&
           !ln->addresses && !ln->marker && c < 0x80 && nb_ascii_is_upper(c) && end != '?' &&
           end != ':' && !nb_clean_is_list_item(ln->s, ln->len);
}

/* Whether a line dates a scene as a caption does: a sentence ending with
 * a year, a day or month named ("... on Sunday, Nov. 17, 2019, in Las
 * Vegas.") or a name first ("Jo M. Bloggs in 1987."). */
static int dated_scene(const struct nb_clean_line *ln)
{
    int day = 0, dated = 0;
    unsigned caps = 0, k = 0, since = 99; /* words since the last year */
    for (size_t p = 0; p < ln->len; k++) {
        while (p < ln->len && ln->s[p] == ' ')
            p++;
        size_t q = p;
        while (q < ln->len && ln->s[q] != ' ')
            q++;
        size_t w = q - p;
        while (w > 1 && (ln->s[p + w - 1] == ',' || ln->s[p + w - 1] == '.' ||
                         ln->s[p + w - 1] == ')' || ln->s[p + w - 1] == ';'))
            w--;
        const char *s = ln->s + p;
        since++;
        if (w == 4 && (!memcmp(s, "19", 2) || !memcmp(s, "20", 2)) &&
            nb_ascii_is_digit((unsigned char)s[2]) && nb_ascii_is_digit((unsigned char)s[3]))
            since = 0;
        if (w && nb_ascii_is_upper((unsigned char)s[0])) {
            caps += k == caps;
            day |= nb_calendar_month(&nb_calendar_en, s, w + (q - p > w && s[w] == '.'), 1) ||
                   nb_calendar_weekday(&nb_calendar_en, s, w, 0);
        }
        /* the sentence ends a few words after the year */
        if (since <= 3 && q > p && (ln->s[q - 1] == '.' || q >= ln->len))
            dated = 1;
        p = q;
    }
    return dated && (day || caps >= 2);
}

/* Whether h is among words[0..n). */
static int has_hash(const uint64_t *words, unsigned n, uint64_t h)
{
    for (unsigned i = 0; i < n; i++)
        if (words[i] == h)
            return 1;
    return 0;
}

/* Up to this many comparisons, shared_with() compares the words one by one
 * instead of building a table of the neighbours' words. */
#define NEAR_SCAN_MAX 1024

/* Content words a line shares with its neighbours a and b: those of a
 * caption are few.  NB_OK or NB_ENOMEM. */
static nb_status shared_with(const struct nb_clean_line *ln, const struct nb_clean_line *a,
                             const struct nb_clean_line *b, unsigned *content, unsigned *shared)
{
    *content = *shared = 0;
    if ((size_t)ln->ntopic * (a->ntopic + b->ntopic) <= NEAR_SCAN_MAX) {
        /* few words: compared one by one, as the table would find them */
        for (unsigned k = 0; k < ln->ntopic; k++) {
            uint64_t h = ln->topic[k];
            (*content)++;
            *shared += has_hash(a->topic, a->ntopic, h) || has_hash(b->topic, b->ntopic, h);
        }
        return NB_OK;
    }
    struct nb_clean_topic near;
    nb_clean_topic_init(&near);
    if (nb_clean_topic_reserve(&near, (size_t)a->ntopic + b->ntopic) != NB_OK ||
        nb_clean_topic_add(&near, a, 0) != NB_OK || nb_clean_topic_add(&near, b, 1) != NB_OK) {
        nb_clean_topic_release(&near);
        return NB_ENOMEM;
    }
    nb_clean_topic_overlap(&near, ln, 0, content, shared);
    nb_clean_topic_release(&near);
    return NB_OK;
}

/* Captions among the story's lines v[first..end): a sentence of caption
 * shape that a picture credit follows in its paragraph, or that stands
 * alone between two paragraphs of a story told in the past, shares few
 * of their words and dates the scene it shows.  NB_OK or NB_ENOMEM. */
static nb_status drop_captions(struct nb_clean_line *v, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++) {
        if (v[i].remove || v[i].wrapped || !caption_shape(&v[i]))
            continue;
        if (i + 1 < end && v[i + 1].para == v[i].para && v[i + 1].fixed &&
            nb_clean_is_fixed_furniture(&v[i + 1]) && v[i + 1].words <= 8) {
            v[i].remove = 1;
            continue;
        }
        size_t a = i, b = i + 1;
        while (a > first && v[a - 1].remove)
            a--;
        while (b < end && v[b].remove)
            b++;
        if (a == first || b >= end || v[a - 1].para == v[i].para || v[b].para == v[i].para ||
            !v[a - 1].strong || !v[b].strong || !v[a - 1].narrates || !v[b].narrates)
            continue;
        unsigned content = 0, shared = 0;
        if (shared_with(&v[i], &v[a - 1], &v[b], &content, &shared) != NB_OK)
            return NB_ENOMEM;
        if (content >= 3 && shared * 100 < content * CAPTION_SHARED && dated_scene(&v[i]))
            v[i].remove = 1;
    }
    return NB_OK;
}

/* A short line in title case ("Article Continued Below") that cuts a
 * sentence of the story in two: the line before stops in mid-clause and
 * the one after goes on in lower case. */
static int interruption(const struct nb_clean_line *v, size_t n, size_t i)
{
    const struct nb_clean_line *ln = &v[i];
    if (i == 0 || i + 1 >= n || ln->words > 5 || ln->lower || ln->terminal || ln->marker ||
        v[i - 1].remove || v[i + 1].remove || v[i - 1].terminal)
        return 0;
    unsigned char c = (unsigned char)v[i + 1].s[0];
    return nb_clean_sentence_like(&v[i - 1]) && c < 0x80 && nb_ascii_is_lower(c);
}

/* An aside in brackets that points elsewhere, on a line of its own:
 * "(Graphic: the vote, seat by seat - here)", "[See the full list]",
 * not a sentence. */
int nb_clean_is_pointer_aside(const struct nb_clean_line *ln)
{
    char end = ln->s[ln->len - 1];
    if (ln->words > 20 || !((ln->s[0] == '(' && end == ')') || (ln->s[0] == '[' && end == ']')))
        return 0;
    /* a whole sentence in brackets is the writer's note ("(See the
     * timeline below.)"), which the story keeps */
    char last = ln->s[ln->len - 2];
    if (last == '.' || last == '!' || last == '?')
        return 0;
    return nb_clean_has_words(ln->s, ln->len, "here") ||
           nb_clean_has_words(ln->s, ln->len, "http") ||
           nb_clean_has_words(ln->s, ln->len, "www") ||
           nb_clean_has_words(ln->s + 1, ln->len - 1, "see") || ln->prompt;
}

nb_status nb_clean_drop_inside(struct nb_clean_line *v, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++)
        v[i].remove |= interruption(v, end, i);
    return drop_captions(v, first, end);
}
