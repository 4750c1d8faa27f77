/* cleanup_decide.c - which lines of the body are furniture: the
 * vocabulary's verdict weighed by shape, then position (the story is the
 * stretch between its first and last prose line), runs of menu lines and
 * the lists a "Related" heading introduces. */
#include "article/cleanup_lines.h"

#include "article/reader.h"
#include "text/chars.h"

#include <stdlib.h>

/* A line with a story sentence: punctuated with some lower-case word, or
 * long. */
static int is_prose(const struct nb_clean_line *ln)
{
    return (ln->terminal && ln->lower >= 1 && ln->words >= 2) || ln->words >= 16;
}

/* The vocabulary verdict, weighed by shape: a short unpunctuated line
 * needs little, a punctuated one must also address the reader and not
 * report, a long one is never condemned by words alone. */
static int is_furniture(const struct nb_clean_line *ln)
{
    if (ln->words > 40 || (ln->reports && (ln->terminal || ln->words > 14)))
        return 0;
    int speaks = ln->addresses || ln->prompt;
    /* "Then the senator took to Twitter:" introduces what the story quotes */
    if (ln->s[ln->len - 1] == ':' && !speaks && !ln->list_head && nb_clean_sentence_like(ln))
        return 0;
    if (!ln->terminal && !ln->quoted && (ln->words <= 14 || speaks)) {
        unsigned need = ln->words <= 6 ? 20 : ln->words <= 14 ? 25 : 40;
        if (ln->prompt)
            need -= 5;
        return ln->score >= need;
    }
    /* a sentence: it must speak to the reader and use two furniture words */
    if (ln->quoted || !speaks || (ln->hits < 2 && !(ln->prompt && ln->addresses)))
        return 0;
    unsigned need = ln->words <= 12 ? 30 : ln->words <= 25 ? 40 : 55;
    return ln->score >= need;
}

/* A line in a list of other stories' titles. */
static int title_like(const struct nb_clean_line *ln)
{
    return !is_prose(ln) || (ln->words <= 18 && ln->upper * 2 >= ln->words) ||
           (ln->words <= 18 && !ln->reports && ln->s[ln->len - 1] == '?');
}

/* Whether line b goes on with the sentence of line a: a starts a clause
 * it does not end (comma, "the", "was") or b starts in lower case. */
static int continues(const struct nb_clean_line *a, const struct nb_clean_line *b)
{
    unsigned char c = (unsigned char)b->s[0];
    if (c < 0x80 && nb_ascii_is_lower(c))
        return 1;
    if (a->terminal)
        return 0;
    char last = a->s[a->len - 1];
    if (last == ',' || last == '-')
        return 1;
    char key[NB_CLEAN_KEY_MAX];
    nb_clean_last_key(a->s, a->len, key);
    return nb_clean_is_function_word(key);
}

/* A line that surely belongs to a story: a sentence, not a title. */
static int strong_prose(const struct nb_clean_line *ln)
{
    if (ln->wrapped)
        return 1;
    char end = ln->s[ln->len - 1];
    return is_prose(ln) && ln->words >= 6 && ln->lower * 3 >= ln->words && end != '?' &&
           (ln->terminal || nb_clean_sentence_like(ln));
}

/* An unpunctuated short line that is not a list item of the story. */
static int short_title(const struct nb_clean_line *ln)
{
    /* "The group will keep three titles:" introduces a list of the story */
    int intro = ln->s[ln->len - 1] == ':' && nb_clean_sentence_like(ln);
    return !ln->terminal && !ln->marker && ln->words <= 15 && !ln->fixed && !ln->wrapped && !intro;
}

/* A line that may open the story just before its first sentence of
 * prose: one reading like a sentence, a short one ("He's back."), or a
 * long one full of names ("Senator Jo Bloggs (D-Ore.) on Friday endorsed
 * ...") or introducing what follows ("The Latest on the race (all times
 * EDT):").  Not a question: a teaser asks. */
static int lead_like(const struct nb_clean_line *ln)
{
    char end = ln->s[ln->len - 1];
    if (end == '?')
        return 0;
    return nb_clean_sentence_like(ln) || (ln->terminal && ln->lower >= 1 && ln->words >= 2) ||
           (ln->words >= 12 && ln->lower >= 3 && (ln->terminal || end == ':'));
}

/* Marks the lines of hard-wrapped prose paragraphs: two or more lines of
 * five words or more, ending a sentence, reading like sentences.  Their
 * lines lack final punctuation but are no menu. */
static void mark_wrapped(struct nb_clean_line *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, nwords = 0, lower = 0, short_lines = 0;
        while (j < n && v[j].para == v[i].para) {
            nwords += v[j].words;
            lower += v[j].lower;
            short_lines += v[j].words < 5 && j > i;
            j++;
        }
        /* the last line may be short: count it out */
        if (j - i >= 2 && v[j - 1].words < 5)
            short_lines--;
        /* most breaks must fall inside a sentence */
        size_t inside = 0;
        for (size_t k = i; k + 1 < j; k++)
            inside += continues(&v[k], &v[k + 1]);
        if (j - i >= 2 && v[j - 1].terminal && lower * 5 >= nwords * 2 && short_lines == 0 &&
            inside * 2 >= j - i - 1)
            for (size_t k = i; k < j; k++)
                v[k].wrapped = 1;
        i = j;
    }
}

/* Prose lines closer than this (lines between them) are one run. */
#define RUN_GAP 4
/* A run apart from the story's main one stays when this share (percent)
 * of its content words are the main run's. */
#define ON_TOPIC 20
/* Uses of the story's recurring words that tie a long run to it. */
#define SUBJECT_MIN 6
/* Content words a story needs before its subject is told. */
#define TOPIC_MIN 30
/* A lone line of prose sharing less than this share (percent) of its
 * content words with the story is another story's teaser. */
#define STRANGER 15

struct run {
    size_t first, last; /* lines */
    size_t words;       /* in its prose lines */
    int empty;          /* nothing left once its teasers are off */
};

/* A line that is a paragraph of prose on its own between lines that are
 * not (a teaser between a title and a time, a notice) and shares almost
 * next to nothing with the story (counting four more words, unshared). */
static int lone_stranger(const struct nb_clean_topic *topic, const struct nb_clean_line *v,
                         size_t n, size_t i)
{
    if (!v[i].strong || (i > 0 && v[i - 1].strong) || (i + 1 < n && v[i + 1].strong))
        return 0;
    unsigned content = 0, shared = 0;
    nb_clean_topic_overlap(topic, &v[i], 0, &content, &shared);
    return content >= 5 && shared * 100 < (content + 4) * STRANGER;
}

/* A notice to the reader: it speaks to "you" (twice, or once bidding;
 * one word in ten at least) in its own voice, not in a quotation or a report, uses a word of the
 * page's furniture and shares next to nothing with the story.  `inside`: the line is part of the
 * topic. */
static int notice(const struct nb_clean_topic *topic, const struct nb_clean_line *ln, int inside)
{
    if (ln->fixed || ln->quoted || ln->reports || ln->reader + ln->prompt < 2 ||
        (ln->reader + ln->prompt) * 10 < ln->words || ln->score < 15)
        return 0;
    unsigned content = 0, shared = 0;
    nb_clean_topic_overlap(topic, ln, inside, &content, &shared);
    return shared * 100 < (content + 4) * STRANGER;
}

static int in_run(const struct run *r, size_t i)
{
    return i >= r->first && i <= r->last;
}

/* Takes lone strangers off both ends of a run. */
static void trim_run(const struct nb_clean_topic *topic, const struct nb_clean_line *v, size_t n,
                     struct run *r)
{
    while (r->first < r->last && lone_stranger(topic, v, n, r->first)) {
        r->first++;
        while (!v[r->first].strong)
            r->first++;
    }
    while (r->last > r->first && lone_stranger(topic, v, n, r->last)) {
        r->last--;
        while (!v[r->last].strong)
            r->last--;
    }
    r->empty = r->first == r->last && lone_stranger(topic, v, n, r->first);
}

/* Whether a run goes on with the subject of `topic`. */
static int on_topic(const struct nb_clean_topic *topic, const struct nb_clean_line *v,
                    const struct run *r)
{
    unsigned content = 0, shared = 0, salient = 0;
    if (r->empty)
        return 0;
    for (size_t i = r->first; i <= r->last; i++)
        if (!v[i].fixed) {
            nb_clean_topic_overlap(topic, &v[i], 0, &content, &shared);
            salient += nb_clean_topic_salient(topic, &v[i]);
        }
    /* a few words prove little either way: count four more, unshared; a
     * long run that brings much news of its own goes on with the story
     * when it keeps naming the story's subject */
    return shared * 100 >= (content + 4) * ON_TOPIC ||
           (salient >= SUBJECT_MIN && shared * 100 >= content * ON_TOPIC / 2);
}

/* A run's weight as the story: the words of its prose lines (half for
 * the lines that do not end a sentence), times the share of its content
 * words used in more than one of its lines, times the share of its lines
 * that are prose.  A list of other stories' teasers is long, but about
 * nothing in particular and broken up by titles and times. */
static nb_status run_weight(const struct nb_clean_line *v, const struct run *r, double *weight)
{
    struct nb_clean_topic own;
    nb_clean_topic_init(&own);
    size_t words = 0, strong = 0, topic = 0;
    for (size_t i = r->first; i <= r->last; i++)
        topic += v[i].strong ? v[i].ntopic : 0;
    if (nb_clean_topic_reserve(&own, topic) != NB_OK)
        return NB_ENOMEM;
    for (size_t i = r->first; i <= r->last; i++) {
        if (!v[i].strong)
            continue;
        strong++;
        if (nb_clean_topic_add(&own, &v[i], (unsigned)i) != NB_OK) {
            nb_clean_topic_release(&own);
            return NB_ENOMEM;
        }
        words += v[i].terminal ? v[i].words : v[i].words / 2;
    }
    unsigned content = 0, shared = 0;
    for (size_t i = r->first; i <= r->last; i++)
        if (v[i].strong)
            nb_clean_topic_overlap(&own, &v[i], 1, &content, &shared);
    nb_clean_topic_release(&own);
    /* a run of one line has nothing to share: count it a little */
    *weight = (double)words * (content ? (double)(shared + 1) / (double)(content + 1) : 0.0) *
              (double)strong / (double)(r->last - r->first + 1);
    return NB_OK;
}

/* The shape of a line of a list: 1 numbered ("3. Ann Price (2.)", "June
 * 9 - Tampa"), 2 marked ("- eggs"), 3 parted by a dash ("Drama - The
 * Boat"), 4 labelled ("Turnout: 61%"); 0 for none. */
static int list_shape(const struct nb_clean_line *ln)
{
    if (ln->words > 20 || ln->fixed || ln->foreign)
        return 0;
    if (nb_ascii_is_digit((unsigned char)ln->s[0]))
        return 1;
    if (ln->marker)
        return 2;
    if (nb_clean_has_bytes(ln->s, ln->len, " - ") ||
        nb_clean_has_bytes(ln->s, ln->len, " \xe2\x80\x93 ") ||
        nb_clean_has_bytes(ln->s, ln->len, " \xe2\x80\x94 "))
        return 3;
    for (size_t i = 1, spaces = 0; i + 1 < ln->len && spaces < 4; i++) {
        spaces += ln->s[i] == ' ';
        if (ln->s[i] == ':' && ln->s[i + 1] == ' ')
            return 4;
    }
    return 0;
}

/* Whether v[i..) opens a list of the story (a results table, the dates of
 * a tour, the winners of each prize), perhaps under a heading: two lines
 * or more of one list shape that the story introduces with a colon or
 * that go on with its subject.  The end of the list, or i. */
static size_t story_list(const struct nb_clean_line *v, size_t n,
                         const struct nb_clean_topic *topic, size_t i)
{
    size_t a = i;
    if (!list_shape(&v[i])) {
        /* a heading: short, not furniture */
        if (v[i].words > 12 || v[i].fixed || v[i].foreign || v[i].terminal)
            return i;
        a = i + 1;
    }
    if (a >= n)
        return i;
    int kind = list_shape(&v[a]);
    size_t j = a;
    while (kind && j < n && list_shape(&v[j]) == kind)
        j++;
    if (j - a < 2)
        return i;
    int introduced = i > 0 && !v[i - 1].remove && v[i - 1].s[v[i - 1].len - 1] == ':';
    unsigned content = 0, shared = 0, salient = 0;
    for (size_t k = i; k < j; k++) {
        nb_clean_topic_overlap(topic, &v[k], 0, &content, &shared);
        salient += nb_clean_topic_salient(topic, &v[k]);
    }
    return introduced || shared * 100 >= (content + 4) * ON_TOPIC || salient >= 3 ? j : i;
}

/* The story's extent: the prose lines fall into runs; the weightiest run
 * is the story, and it reaches from the first to the last run that goes on
 * with its subject.  The lines of the runs outside are marked foreign.
 * *first and *last are the story's first and last prose lines. */
static nb_status find_story(struct nb_clean_line *v, size_t n, struct nb_clean_topic *topic,
                            size_t *first, size_t *last)
{
    size_t nruns = 0, cap = 16, best = 0;
    struct run *runs = malloc(cap * sizeof(*runs));
    if (!runs)
        return NB_ENOMEM;
    size_t gap = 0;
    for (size_t i = 0; i < n; i++) {
        if (!v[i].strong) {
            /* questions and short sentences do not part the prose */
            gap += !is_prose(&v[i]);
            continue;
        }
        size_t apart = gap;
        gap = 0;
        if (nruns && apart <= RUN_GAP) {
            runs[nruns - 1].last = i;
            runs[nruns - 1].words += v[i].words;
            continue;
        }
        if (nruns == cap) {
            struct run *r = realloc(runs, 2 * cap * sizeof(*runs));
            if (!r) {
                free(runs);
                return NB_ENOMEM;
            }
            runs = r;
            cap *= 2;
        }
        runs[nruns].first = runs[nruns].last = i;
        runs[nruns].empty = 0;
        runs[nruns++].words = v[i].words;
    }
    double best_weight = -1.0;
    for (size_t k = 0; k < nruns; k++) {
        double w;
        if (run_weight(v, &runs[k], &w) != NB_OK) {
            free(runs);
            return NB_ENOMEM;
        }
        if (w > best_weight) {
            best_weight = w;
            best = k;
        }
    }
    size_t words = 0;
    for (size_t i = runs[best].first; i <= runs[best].last; i++)
        words += v[i].fixed ? 0 : v[i].ntopic;
    if (nb_clean_topic_reserve(topic, words) != NB_OK) {
        free(runs);
        return NB_ENOMEM;
    }
    for (size_t i = runs[best].first; i <= runs[best].last; i++)
        if (!v[i].fixed && nb_clean_topic_add(topic, &v[i], (unsigned)i) != NB_OK) {
            free(runs);
            return NB_ENOMEM;
        }
    int known = topic->n >= TOPIC_MIN;
    for (size_t k = 0; known && k < nruns; k++)
        trim_run(topic, v, n, &runs[k]);
    /* notices: among the story's prose only at its start (where a sign-up
     * notice in prose would pass for the lead) */
    for (size_t i = 0; known && i < n; i++) {
        if (!v[i].strong && notice(topic, &v[i], in_run(&runs[best], i)))
            v[i].fixed = v[i].remove = v[i].foreign = 1;
    }
    for (size_t i = runs[best].first; known && i < runs[best].last; i++) {
        if (!v[i].strong)
            continue;
        if (!notice(topic, &v[i], 1))
            break;
        v[i].fixed = v[i].remove = v[i].foreign = 1;
    }
    /* outwards from the story, over one run of another subject at most
     * (a teaser, an embedded post), while the subject goes on; a story
     * too short to tell its subject keeps every run */
    size_t lo = best, hi = best;
    while (lo > 0 && (!known || on_topic(topic, v, &runs[lo - 1])))
        lo--;
    if (lo > 1 && on_topic(topic, v, &runs[lo - 2]))
        for (lo -= 2; lo > 0 && on_topic(topic, v, &runs[lo - 1]);)
            lo--;
    while (hi + 1 < nruns && (!known || on_topic(topic, v, &runs[hi + 1])))
        hi++;
    if (hi + 2 < nruns && on_topic(topic, v, &runs[hi + 2]))
        for (hi += 2; hi + 1 < nruns && on_topic(topic, v, &runs[hi + 1]);)
            hi++;
    *first = runs[lo].first;
    *last = runs[hi].last;
    for (size_t i = 0; i < n; i++)
        v[i].foreign |= v[i].strong && (i < *first || i > *last);

    free(runs);
    return NB_OK;
}

nb_status nb_clean_decide(struct nb_clean_line *v, size_t n)
{
    size_t first = n, last = n, prose = 0;
    mark_wrapped(v, n);
    for (size_t i = 0; i < n; i++) {
        int credit = nb_clean_is_pointer_aside(&v[i]) ||
                     (nb_clean_is_label_credit(&v[i]) && !(i > 0 && list_shape(&v[i - 1]) == 4) &&
                      !(i + 1 < n && list_shape(&v[i + 1]) == 4));
        v[i].fixed =
            !v[i].wrapped && (unsigned)(nb_clean_is_fixed_furniture(&v[i]) || is_furniture(&v[i]) ||
                                        credit || nb_article_is_byline(v[i].s, v[i].len) ||
                                        nb_article_is_date_stamp(v[i].s, v[i].len));
        if (!v[i].fixed && prose >= 3 &&
            (nb_clean_is_comments_head(&v[i]) || nb_clean_is_comments_block(v, n, i))) {
            /* readers' comments: the story is over */
            for (size_t j = i; j < n; j++)
                v[j].fixed = 1;
            break;
        }
        if (!v[i].fixed && strong_prose(&v[i])) {
            v[i].strong = 1;
            prose++;
        }
    }
    for (size_t i = 0; i < n; i++)
        v[i].remove = v[i].fixed;
    if (!prose) {
        /* no prose line at all: keep what the vocabulary spares */
        return NB_OK;
    }
    struct nb_clean_topic topic;
    nb_clean_topic_init(&topic);
    if (find_story(v, n, &topic, &first, &last) != NB_OK) {
        nb_clean_topic_release(&topic);
        return NB_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        v[i].remove |= v[i].foreign;
    /* before the story: all but a sentence-like run touching it */
    size_t keep_from = first;
    while (keep_from > 0 && !v[keep_from - 1].fixed && !v[keep_from - 1].foreign &&
           lead_like(&v[keep_from - 1]) &&
           !nb_article_is_byline(v[keep_from - 1].s, v[keep_from - 1].len))
        keep_from--;
    for (size_t i = 0; i < keep_from; i++)
        v[i].remove = 1;
    /* after it: the same */
    size_t keep_to = last + 1;
    int past_furniture = 0;
    size_t end = last + 1;
    for (; end < n && !v[end].foreign; end++) {
        size_t i = end;
        /* furniture between the last sentences does not end the story,
         * but after it only sentences (or one broken across lines) count */
        if (v[i].fixed) {
            past_furniture = 1;
            continue;
        }
        /* list items of the story ("Work starts in May") end it too */
        int item = !past_furniture && v[i].words >= 3 && v[i].lower * 3 >= v[i].words;
        /* past furniture, a title ending in "may" or "in" is no sentence
         * broken off: the next line must go on in lower case */
        int broken = i + 1 < n && continues(&v[i], &v[i + 1]) &&
                     (unsigned char)v[i + 1].s[0] < 0x80 &&
                     nb_ascii_is_lower((unsigned char)v[i + 1].s[0]);
        int goes_on =
            item || (nb_clean_sentence_like(&v[i]) && (!past_furniture || v[i].reports || broken));
        if (goes_on || is_prose(&v[i])) {
            keep_to = i + 1;
            continue;
        }
        size_t list_end = past_furniture ? i : story_list(v, n, &topic, i);
        if (list_end > i) {
            keep_to = list_end;
            end = list_end - 1;
            continue;
        }
        /* one heading between the story's last lines is no end; two
         * unpunctuated lines in a row are a menu */
        if (i + 1 >= n || v[i + 1].fixed || v[i + 1].foreign ||
            !(nb_clean_sentence_like(&v[i + 1]) || is_prose(&v[i + 1]) ||
              (!past_furniture && v[i + 1].words >= 3 && v[i + 1].lower * 3 >= v[i + 1].words)))
            break;
    }
    /* the titles of a teaser that follows are the teaser's */
    int teaser = (end < n && v[end].foreign) || (end + 1 < n && v[end + 1].foreign);
    while (teaser && keep_to > last + 1 && !is_prose(&v[keep_to - 1]))
        keep_to--;
    for (size_t k = keep_to; k < n; k++)
        v[k].remove = 1;
    /* inside: a "Related" heading takes its list with it; a run of menu
     * lines goes */
    for (size_t i = first; i < keep_to; i++) {
        if (v[i].fixed && v[i].list_head && !v[i].terminal) {
            size_t j = i + 1;
            while (j < keep_to && !v[j].marker && title_like(&v[j]) &&
                   !nb_clean_sentence_like(&v[j]) && !(v[j].terminal && v[j].words > 18))
                v[j++].remove = 1;
            while (j < keep_to && v[j].marker && title_like(&v[j]))
                v[j++].remove = 1;
            i = j - 1;
            continue;
        }
        size_t list_end = story_list(v, keep_to, &topic, i);
        if (list_end > i) {
            i = list_end - 1;
            continue;
        }
        if (short_title(&v[i])) {
            /* a run of three or more unpunctuated short lines (or titles
             * with their bylines) is a menu or a list of other stories,
             * unless the story introduced it with a colon */
            size_t j = i, titles = 0;
            while (j < keep_to && (v[j].fixed || short_title(&v[j]))) {
                titles += !v[j].fixed;
                j++;
            }
            int introduced = i > 0 && !v[i - 1].remove && v[i - 1].s[v[i - 1].len - 1] == ':';
            if ((titles >= 3 && !introduced) || (titles >= 2 && j - i >= 4))
                for (size_t k = i; k < j; k++)
                    v[k].remove = 1;
            i = j - 1;
        }
    }
    nb_clean_topic_release(&topic);
    return nb_clean_drop_inside(v, first, keep_to);
}
