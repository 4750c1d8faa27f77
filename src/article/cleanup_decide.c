/* cleanup_decide.c - which lines of the body are furniture: the
 * vocabulary's verdict weighed by shape, then position (the story is the
 * stretch between its first and last prose line), runs of menu lines and
 * the lists a "Related" heading introduces. */
#include "article/cleanup_lines.h"

#include "article/reader.h"
#include "text/chars.h"

/* A line with a story sentence: punctuated with some lower-case word, or
 * long. */
static int is_prose(const struct nb_clean_line *ln)
{
    return (ln->terminal && ln->lower >= 1 && ln->words >= 2) || ln->words >= 16;
}

/* Reads like a sentence though unpunctuated: a lead whose full stop was
 * lost, rather than a title ("Council Backs Plan") or a menu. */
int nb_clean_sentence_like(const struct nb_clean_line *ln)
{
    return ln->words >= 5 && ln->lower * 5 >= ln->words * 2;
}

/* The vocabulary verdict, weighed by shape: a short unpunctuated line
 * needs little, a punctuated one must also address the reader and not
 * report, a long one is never condemned by words alone. */
static int is_furniture(const struct nb_clean_line *ln)
{
    if (ln->words > 40 || (ln->reports && (ln->terminal || ln->words > 14)))
        return 0;
    int speaks = ln->addresses || ln->prompt;
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

void nb_clean_decide(struct nb_clean_line *v, size_t n)
{
    size_t first = n, last = n, prose = 0;
    mark_wrapped(v, n);
    for (size_t i = 0; i < n; i++) {
        v[i].fixed =
            !v[i].wrapped && (unsigned)(nb_clean_is_fixed_furniture(&v[i]) || is_furniture(&v[i]) ||
                                        nb_article_is_byline(v[i].s, v[i].len) ||
                                        nb_article_is_date_stamp(v[i].s, v[i].len));
        if (!v[i].fixed && prose >= 3 && nb_clean_is_comments_head(&v[i])) {
            /* readers' comments: the story is over */
            for (size_t j = i; j < n; j++)
                v[j].fixed = 1;
            break;
        }
        if (!v[i].fixed && strong_prose(&v[i])) {
            if (first == n)
                first = i;
            last = i;
            prose++;
        }
    }
    for (size_t i = 0; i < n; i++)
        v[i].remove = v[i].fixed;
    if (first == n) {
        /* no prose line at all: keep what the vocabulary spares */
        return;
    }
    /* before the story: all but a sentence-like run touching it */
    size_t keep_from = first;
    while (keep_from > 0 && !v[keep_from - 1].fixed && nb_clean_sentence_like(&v[keep_from - 1]) &&
           !nb_article_is_byline(v[keep_from - 1].s, v[keep_from - 1].len))
        keep_from--;
    for (size_t i = 0; i < keep_from; i++)
        v[i].remove = 1;
    /* after it: the same */
    size_t keep_to = last + 1;
    int past_furniture = 0;
    for (size_t i = last + 1; i < n; i++) {
        /* furniture between the last sentences does not end the story,
         * but after it only sentences (or one broken across lines) count */
        if (v[i].fixed) {
            past_furniture = 1;
            continue;
        }
        /* list items of the story ("Work starts in May") end it too */
        int item = !past_furniture && v[i].words >= 3 && v[i].lower * 3 >= v[i].words;
        int goes_on =
            item || (nb_clean_sentence_like(&v[i]) && (!past_furniture || v[i].reports ||
                                                       (i + 1 < n && continues(&v[i], &v[i + 1]))));
        if (goes_on || is_prose(&v[i])) {
            keep_to = i + 1;
            continue;
        }
        /* one heading between the story's last lines is no end; two
         * unpunctuated lines in a row are a menu */
        if (i + 1 >= n || v[i + 1].fixed ||
            !(nb_clean_sentence_like(&v[i + 1]) || is_prose(&v[i + 1]) ||
              (!past_furniture && v[i + 1].words >= 3 && v[i + 1].lower * 3 >= v[i + 1].words)))
            break;
    }
    for (size_t i = keep_to; i < n; i++)
        v[i].remove = 1;
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
}
