/* cleanup_shapes.c - furniture known by its shape, whatever its words
 * weigh: captions and picture credits, wire credits, syndication tails,
 * copyright lines, the head of a comments section. */
#include "article/cleanup_lines.h"

#include "text/chars.h"
#include "article/reader.h"

#include <string.h>

/* Lines within which a second signed comment shows a thread. */
#define COMMENT_SPAN 24

/* Words allowed in a credit line besides names. */
static const char *const credit_words[] = {
    "additional", "and", "at",  "by",  "compiled",    "da",      "de",       "del",
    "der",        "des", "di",  "du",  "edited",      "editing", "for",      "from",
    "graphics",   "in",  "la",  "le",  "photography", "photos",  "produced", "reporting",
    "research",   "van", "via", "von", "writing",
};

/* ---- shapes that need no vocabulary -------------------------------- */

/* "Picture: Getty Images", "Photograph: Jo Bloggs/Nordwire", "Image
 * caption ...", "(Photo by ...)", and a caption ending in such a credit. */
static int is_caption(const struct nb_clean_line *ln)
{
    static const char *const heads[] = {
        "picture",      "pictures",     "photo",         "photos",        "photograph",
        "photographs",  "image",        "images",        "illustration",  "credit",
        "photo credit", "image credit", "image caption", "media caption", "image copyright",
        "caption",      "pictured",     "main image",    "top image",     "graphic",
        "video",        "source",       "file photo",    "(photo",        "(picture",
        "(image",       "[photo",
    };
    if (ln->words > 45)
        return 0;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
        size_t n = strlen(heads[i]);
        if (!nb_clean_starts_with(ln->s, ln->len, heads[i]) || ln->len <= n)
            continue;
        const char *r = ln->s + n;
        size_t rl = ln->len - n;
        if (r[0] == ':' || r[0] == '|' || nb_clean_starts_with(r + (rl > 1), rl - (rl > 1), "by") ||
            nb_clean_starts_with(r + (rl > 1), rl - (rl > 1), "copyright") ||
            nb_clean_starts_with(r + (rl > 1), rl - (rl > 1), "caption") ||
            nb_clean_starts_with(r + (rl > 1), rl - (rl > 1), "credit") ||
            (r[0] == ' ' && ln->words <= 12 && !ln->terminal &&
             strncmp(heads[i], "pictured", 8) == 0))
            return heads[i][0] != 's' && heads[i][0] != 'v' && heads[i][0] != 'g'
                       ? 1
                       : r[0] == ':' && ln->words <= 12;
    }
    /* "... outside the court on Tuesday. Photograph: Jo Bloggs/Nordwire" */
    static const char *const tails[] = {
        "Photograph:", "Picture:",   "Photo:",        "Image:",  "Credit:",      "Photograph by",
        "Photo by",    "Picture by", "Photo credit:", "Photos:", "Photographs:", "Photo/"};
    /* the credit is among the last words: from `tail` on, at most 8
     * spaces are left */
    size_t tail = ln->len;
    for (unsigned spaces = 0; tail > 0; tail--) {
        if (nb_ascii_is_space((unsigned char)ln->s[tail - 1]) && ++spaces > 8)
            break;
    }
    /* a tail may start n bytes before `tail` (n its length) and end by the
     * line's end: the bytes from the earliest such start are read once,
     * and at each word start every tail is tried */
    const size_t ntails = sizeof(tails) / sizeof(tails[0]);
    size_t longest = 0;
    for (size_t i = 0; i < ntails; i++)
        longest = strlen(tails[i]) > longest ? strlen(tails[i]) : longest;
    for (size_t p = tail > longest ? tail - longest : 0; p < ln->len; p++) {
        if (p && !nb_ascii_is_space((unsigned char)ln->s[p - 1]) && ln->s[p - 1] != '(')
            continue;
        for (size_t i = 0; i < ntails; i++) {
            size_t n = strlen(tails[i]);
            if (ln->s[p] == tails[i][0] && p + n >= tail && p + n <= ln->len &&
                memcmp(ln->s + p, tails[i], n) == 0)
                return 1;
        }
    }
    return 0;
}

/* A credit "Jo Bloggs/Nordwire" or "Jo Bloggs/AFP via Getty Images": a
 * short unpunctuated line with a slash between capitalised words. */
static int is_credit(const struct nb_clean_line *ln)
{
    if (ln->words > 10 || ln->terminal || ln->lower > 2)
        return 0;
    for (size_t i = 1; i + 1 < ln->len; i++) {
        if (ln->s[i] != '/')
            continue;
        unsigned char a = (unsigned char)ln->s[i - 1], b = (unsigned char)ln->s[i + 1];
        if (b == ' ' && i + 2 < ln->len)
            b = (unsigned char)ln->s[i + 2];
        if (a < 0x80 && nb_ascii_is_alpha(a) && b < 0x80 && nb_ascii_is_upper(b))
            return !nb_clean_has_words(ln->s, ln->len, "http") &&
                   !nb_clean_has_words(ln->s, ln->len, "www");
    }
    return 0;
}

/* A credit under a label: "Chart: Nordwire", "Illustration: Jo Bloggs",
 * "Courtesy of Sam Hill/City Museum": one capitalised word and a colon,
 * then a short name and nothing that reads as a sentence (every word
 * capitalised, or of the credit grammar: "of", "and", "via"). */
int nb_clean_is_label_credit(const struct nb_clean_line *ln)
{
    if (ln->words < 2 || ln->words > 7 || ln->terminal || ln->quoted)
        return 0;
    size_t p = 0;
    if (nb_clean_starts_with(ln->s, ln->len, "courtesy of")) {
        p = 11;
    } else {
        if (!nb_ascii_is_upper((unsigned char)ln->s[0]))
            return 0;
        while (p < ln->len && nb_ascii_is_alpha((unsigned char)ln->s[p]))
            p++;
        if (p < 3 || p >= ln->len || ln->s[p] != ':')
            return 0;
        p++;
    }
    while (p < ln->len && ln->s[p] == ' ')
        p++;
    if (p >= ln->len || !nb_ascii_is_upper((unsigned char)ln->s[p]))
        return 0;
    char key[NB_CLEAN_KEY_MAX];
    for (size_t q = p; p < ln->len; p = q) {
        while (p < ln->len && ln->s[p] == ' ')
            p++;
        q = p;
        while (q < ln->len && ln->s[q] != ' ')
            q++;
        unsigned char c = (unsigned char)ln->s[p];
        if (q == p || (c < 0x80 && !nb_ascii_is_lower(c)))
            continue;
        nb_clean_word_key(ln->s + p, q - p, key);
        if (c >= 0x80 || (key[0] && !NB_CLEAN_IN(key, credit_words)))
            return 0;
    }
    return 1;
}

/* "Reporting by Jo Bloggs; Editing by Sam Hill", "(Writing by ...)",
 * "Jo Bloggs contributed to this report." */
static int is_wire_credit(const struct nb_clean_line *ln)
{
    static const char *const heads[] = {
        "reporting by", "reported by",          "writing by",   "written by",  "editing by",
        "edited by",    "additional reporting", "compiled by",  "produced by", "research by",
        "graphics by",  "with reporting by",    "contributing:"};
    const char *s = ln->s;
    size_t len = ln->len;
    if (ln->words > 50)
        return 0;
    if (len && (s[0] == '(' || s[0] == '['))
        s++, len--;
    /* the three phrases need the word: one scan for most lines */
    if (nb_clean_has_words(ln->s, ln->len, "contributed") &&
        (nb_clean_has_words(ln->s, ln->len, "contributed to this report") ||
         nb_clean_has_words(ln->s, ln->len, "contributed reporting") ||
         nb_clean_has_words(ln->s, ln->len, "contributed to this story")))
        return ln->words <= 30;
    int head = 0;
    for (size_t i = 0; !head && i < sizeof(heads) / sizeof(heads[0]); i++)
        head = nb_clean_starts_with(s, len, heads[i]);
    if (!head)
        return 0;
    /* every lower-case word must be part of the credit grammar */
    char key[NB_CLEAN_KEY_MAX];
    for (size_t p = 0; p < len;) {
        while (p < len && nb_ascii_is_space((unsigned char)s[p]))
            p++;
        size_t q = p;
        while (q < len && !nb_ascii_is_space((unsigned char)s[q]))
            q++;
        if (q > p && (unsigned char)s[p] < 0x80 && nb_ascii_is_lower((unsigned char)s[p])) {
            nb_clean_word_key(s + p, q - p, key);
            if (key[0] && !NB_CLEAN_IN(key, credit_words))
                return 0;
        }
        p = q;
    }
    return 1;
}

/* "This article originally appeared on ...", "A version of this story
 * was first published by ...", "Republished with permission". */
static int is_syndication(const struct nb_clean_line *ln)
{
    if (ln->words > 45 || ln->reports)
        return 0;
    if (nb_clean_starts_with(ln->s, ln->len, "republished") ||
        nb_clean_starts_with(ln->s, ln->len, "originally") ||
        nb_clean_starts_with(ln->s, ln->len, "reprinted") ||
        nb_clean_starts_with(ln->s, ln->len, "syndicated"))
        return 1;
    static const char *const things[] = {"article", "story",  "piece",     "post",   "report",
                                         "content", "column", "interview", "feature"};
    static const char *const verbs[] = {"originally",       "first published",   "first appeared",
                                        "republished",      "reproduced",        "syndicated",
                                        "reprinted",        "appeared in print", "was updated",
                                        "has been updated", "was amended",       "was corrected"};
    /* "this article", "this story" ...: each "this " at a word start is
     * followed by one of the things, in one scan of the line */
    int thing = 0, verb = 0;
    const char *s = ln->s;
    size_t len = ln->len;
    for (size_t p = 0; !thing && p + 5 <= len; p++) {
        if ((s[p] != 't' && s[p] != 'T') || (p && nb_ascii_is_alnum((unsigned char)s[p - 1])) ||
            !nb_clean_starts_with(s + p, len - p, "this") || s[p + 4] != ' ')
            continue;
        for (size_t i = 0; !thing && i < sizeof(things) / sizeof(things[0]); i++)
            thing = nb_clean_starts_with(s + p + 5, len - p - 5, things[i]);
    }
    for (size_t i = 0; thing && i < sizeof(verbs) / sizeof(verbs[0]); i++)
        verb |= nb_clean_has_words(ln->s, ln->len, verbs[i]);
    return thing && verb;
}

/* "© 2025 Nordwire", "Copyright 2025 ...", "... All rights reserved." */
static int is_copyright(const struct nb_clean_line *ln)
{
    if (ln->words > 60)
        return 0;
    if (nb_clean_has_copyright_sign(ln->s, ln->len) ||
        nb_clean_has_words(ln->s, ln->len, "all rights reserved"))
        return 1;
    if (nb_clean_starts_with(ln->s, ln->len, "copyright") && ln->len > 10) {
        const char *r = ln->s + 10;
        return nb_ascii_is_digit((unsigned char)r[0]) || r[0] == '(' || ln->words <= 4;
    }
    return nb_clean_starts_with(ln->s, ln->len, "(c)") && ln->len > 4 &&
           nb_ascii_is_digit((unsigned char)ln->s[4]);
}

/* The head of a readers' comments section: "34 responses to ...",
 * "Comments", "Leave a reply", "jo_b says: November 19, 2019 at 6:34 am".
 * Nothing after it is the story. */
int nb_clean_is_comments_head(const struct nb_clean_line *ln)
{
    static const char *const heads[] = {
        "comments",           "reader comments",     "leave a reply",         "leave a comment",
        "post a comment",     "add a comment",       "add comment",           "show comments",
        "view comments",      "join the discussion", "join the conversation", "discussion",
        "comments are closed"};
    if (ln->words > 30 || ln->terminal)
        return 0;
    for (size_t i = 0; ln->words <= 12 && i < sizeof(heads) / sizeof(heads[0]); i++)
        if (nb_clean_starts_with(ln->s, ln->len, heads[i]) &&
            (ln->len == strlen(heads[i]) || ln->words <= 6))
            return 1;
    /* "34 responses to ...", "12 comments" */
    size_t d = 0;
    while (d < ln->len && nb_ascii_is_digit((unsigned char)ln->s[d]))
        d++;
    if (d && d < ln->len && ln->s[d] == ' ' && ln->words <= 30) {
        const char *r = ln->s + d + 1;
        size_t rl = ln->len - d - 1;
        if (nb_clean_starts_with(r, rl, "comments") || nb_clean_starts_with(r, rl, "responses") ||
            nb_clean_starts_with(r, rl, "replies") || nb_clean_starts_with(r, rl, "thoughts on") ||
            nb_clean_starts_with(r, rl, "comment"))
            return 1;
    }
    /* "handle says: <date>" */
    const char *says = NULL;
    for (size_t i = 0; i + 6 <= ln->len; i++)
        if (memcmp(ln->s + i, " says:", 6) == 0) {
            says = ln->s + i + 6;
            break;
        }
    return says && nb_article_is_date_stamp(says + (says < ln->s + ln->len && *says == ' '),
                                            (size_t)(ln->s + ln->len - says) -
                                                (says < ln->s + ln->len && *says == ' '));
}

/* When a comment was posted: a clock time ("12:04 PM", "August 8, 2018
 * at 3:17 pm") or a short count of time ("3 hours ago", "vor 3
 * Stunden"), in a short line. */
static int stamp_shape(const struct nb_clean_line *ln)
{
    if (ln->words > 7)
        return 0;
    unsigned numbers = 0;
    for (size_t i = 0; i < ln->len; i++) {
        unsigned char c = (unsigned char)ln->s[i];
        if (!nb_ascii_is_digit(c))
            continue;
        if (i + 2 < ln->len && ln->s[i + 1] == ':' &&
            nb_ascii_is_digit((unsigned char)ln->s[i + 2]))
            return 1;
        numbers += i == 0 || !nb_ascii_is_digit((unsigned char)ln->s[i - 1]);
    }
    return numbers == 1 && ln->words >= 2 && ln->words <= 4;
}

/* A name signing a comment: a handle or a few capitalised words, no
 * figure, no sentence. */
static int signature_shape(const struct nb_clean_line *ln)
{
    /* "Marta K." ends with an initial, not a sentence */
    int initial = ln->len >= 3 && ln->s[ln->len - 1] == '.' && ln->s[ln->len - 3] == ' ';
    if (ln->words > 4 || (ln->terminal && !initial) || ln->fixed || (ln->words > 1 && ln->lower))
        return 0;
    for (size_t i = 0; i < ln->len; i++)
        if (nb_ascii_is_digit((unsigned char)ln->s[i]) || ln->s[i] == ':')
            return 0;
    return 1;
}

int nb_clean_is_comments_block(const struct nb_clean_line *v, size_t n, size_t i)
{
    if (!signature_shape(&v[i]) || i + 1 >= n || !stamp_shape(&v[i + 1]))
        return 0;
    /* another signed and stamped comment follows soon */
    for (size_t k = i + 2; k + 1 < n && k < i + COMMENT_SPAN; k++)
        if (signature_shape(&v[k]) && stamp_shape(&v[k + 1]))
            return 1;
    return 0;
}

/* Only characters no listener hears: "|", "0", "•", "12 comments" is
 * caught by vocabulary; this catches counters and separators. */
static int no_letters(const struct nb_clean_line *ln)
{
    for (size_t i = 0; i < ln->len; i++) {
        unsigned char c = (unsigned char)ln->s[i];
        if (c >= 0x80 || nb_ascii_is_alpha(c))
            return 0;
    }
    return 1;
}

int nb_clean_is_fixed_furniture(const struct nb_clean_line *ln)
{
    return is_caption(ln) || is_credit(ln) || is_wire_credit(ln) || is_syndication(ln) ||
           is_copyright(ln) || no_letters(ln);
}

/* ---- shapes the other rules share ---- */

/* Reads like a sentence though unpunctuated: a lead whose full stop was
 * lost, rather than a title ("Council Backs Plan") or a menu. */
int nb_clean_sentence_like(const struct nb_clean_line *ln)
{
    return ln->words >= 5 && ln->lower * 5 >= ln->words * 2;
}

int nb_clean_is_list_item(const char *s, size_t len)
{
    size_t d = 0;
    while (d < len && d < 3 && nb_ascii_is_digit((unsigned char)s[d]))
        d++;
    if (d && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
        return 1;
    if (len > 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return 1;
    if (len > 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0)
        return 1;
    /* "Winner: Harbour Rowing Club": a capitalised label of three words
     * at most, a colon, a value */
    if (!nb_ascii_is_upper((unsigned char)s[0]))
        return 0;
    for (size_t i = 1, spaces = 0; i + 1 < len && spaces < 3; i++) {
        spaces += s[i] == ' ';
        if (s[i] == ':')
            return s[i + 1] == ' ';
    }
    return 0;
}
