/* cleanup_join.c - the seams of the story: a wire dateline at its start,
 * paragraphs broken in mid-sentence, a byline fused to the lead. */
#include "article/cleanup_lines.h"

#include "article/reader.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <string.h>

/* ---- dateline -------------------------------------------------------- */

static size_t dash_at(const char *s, size_t len, size_t p)
{
    if (p < len && s[p] == '-')
        return 1;
    if (p + 2 < len && (unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x80 &&
        ((unsigned char)s[p + 2] == 0x93 || (unsigned char)s[p + 2] == 0x94))
        return 3;
    return 0;
}

/* Length of a wire dateline at the start of s ("LONDON, Feb 4 (Reuters) -
 * ", "WASHINGTON (AP) — ", "PARIS, Jan 3 -", "(Nordwire) - "), or 0. */
size_t nb_clean_dateline_len(const char *s, size_t len)
{
    size_t p = 0, caps = 0;
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (nb_ascii_is_upper(c)) {
            caps++;
            p++;
        } else if ((c == ' ' || c == '.' || c == '\'' || c == '-') && caps && p + 1 < len &&
                   (nb_ascii_is_upper((unsigned char)s[p + 1]) || s[p + 1] == ' ' ||
                    s[p + 1] == '(' || s[p + 1] == ',')) {
            if (c == '-' && s[p + 1] == ' ')
                break;
            p++;
        } else {
            break;
        }
    }
    int wire = 0, date = 0;
    if (caps && caps < 3)
        return 0;
    while (p < len && s[p] == ' ')
        p++;
    /* ", Feb 4" or ", Nov. 27" */
    if (caps && p < len && s[p] == ',') {
        size_t q = p + 1;
        while (q < len && s[q] == ' ')
            q++;
        size_t m = q;
        while (q < len && nb_ascii_is_alpha((unsigned char)s[q]))
            q++;
        if (q - m < 3 || !nb_ascii_is_upper((unsigned char)s[m]))
            return 0;
        if (q < len && s[q] == '.')
            q++;
        while (q < len && s[q] == ' ')
            q++;
        size_t d = q;
        while (q < len && nb_ascii_is_digit((unsigned char)s[q]))
            q++;
        if (q == d || q - d > 2)
            return 0;
        date = 1;
        p = q;
        while (p < len && s[p] == ' ')
            p++;
    }
    /* "(Reuters)" */
    if (p < len && s[p] == '(') {
        size_t q = p + 1;
        if (q >= len || !nb_ascii_is_upper((unsigned char)s[q]))
            return 0;
        while (q < len && q - p < 40 && s[q] != ')' && s[q] != '\n')
            q++;
        if (q >= len || s[q] != ')')
            return 0;
        wire = 1;
        p = q + 1;
        while (p < len && s[p] == ' ')
            p++;
    }
    if (!caps && !wire)
        return 0;
    size_t d = dash_at(s, len, p);
    if (!d || (!wire && !date && caps < 4))
        return 0;
    p += d;
    if (p < len && !nb_ascii_is_space((unsigned char)s[p]))
        return 0;
    while (p < len && nb_ascii_is_space((unsigned char)s[p]))
        p++;
    /* the lead starts like a sentence: "NASA - the agency said" is no dateline */
    if (p >= len || ((unsigned char)s[p] < 0x80 && nb_ascii_is_lower((unsigned char)s[p])))
        return 0;
    return p;
}

/* A line without final punctuation this long, reading like a sentence,
 * is a sentence broken off, not a heading. */
#define PROSE_WORDS 8

/* ---- paragraph repair -------------------------------------------------- */

/* Whether a quotation opened in s[0..len) is left open: the paragraph
 * ends a quote that lost its closing mark, not a sentence broken off. */
static int open_quote(const char *s, size_t len)
{
    int straight = 0, curly = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            straight ^= 1;
        else if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            curly += (unsigned char)s[i + 2] == 0x9C ? 1 : -1;
    }
    return straight || curly > 0;
}

/* Whether paragraph p stops in mid-sentence so that `next` continues it. */
int nb_clean_broken_after(const char *p, size_t len, const char *next)
{
    while (len && nb_ascii_is_space((unsigned char)p[len - 1]))
        len--;
    if (!len || nb_sentence_ends(p, len))
        return 0;
    /* its last line must not be a heading */
    size_t ls = len;
    while (ls && p[ls - 1] != '\n')
        ls--;
    struct nb_clean_line last = {0};
    last.s = p + ls;
    last.len = len - ls;
    nb_clean_measure(&last);
    unsigned char end = (unsigned char)p[len - 1];
    unsigned char start = (unsigned char)next[0];
    if (end == ':' || end == ';' || end == ')' || end == '"')
        return 0;
    if (end == ',' || dash_at(p, len, len - 1) == 1 || (len >= 3 && dash_at(p, len, len - 3) == 3))
        return 1;
    size_t ws = len;
    while (ws && !nb_ascii_is_space((unsigned char)p[ws - 1]))
        ws--;
    char key[NB_CLEAN_KEY_MAX];
    nb_clean_word_key(p + ws, len - ws, key);
    int ends_lower = (unsigned char)p[ws] < 0x80 && nb_ascii_is_lower((unsigned char)p[ws]);
    if (ends_lower && nb_clean_is_function_word(key) && (last.words >= 4 || last.lower >= 2))
        return 1;
    /* any other word: join a line of prose long enough to be no heading,
     * however the next paragraph begins (a name, a capital), unless it is
     * a list item; a shorter sentence-like line only when the next one
     * starts in lower case or with a figure */
    int item = nb_clean_is_list_item(next, strlen(next)) || nb_clean_is_list_item(last.s, last.len);
    if (nb_clean_sentence_like(&last) && last.words >= PROSE_WORDS && !item &&
        !open_quote(last.s, last.len))
        return 1;
    return ends_lower && !item && nb_clean_sentence_like(&last) && start < 0x80 &&
           (nb_ascii_is_lower(start) || nb_ascii_is_digit(start));
}

/* ---- a byline fused to the lead ---------------------------------------- */

/* Whether the text after a join reads as the start of the story: its
 * first word all capitals ("LONDON (Nordwire) -") or its second word in
 * lower case ("The council said"), not the rest of a name ("Donald
 * Reports"). */
static int starts_story(const char *s, size_t len)
{
    size_t p = 0, caps = 0, letters = 0;
    for (; p < len && !nb_ascii_is_space((unsigned char)s[p]); p++) {
        unsigned char c = (unsigned char)s[p];
        letters += nb_ascii_is_alpha(c);
        caps += nb_ascii_is_upper(c);
    }
    if (letters >= 2 && caps == letters)
        return 1;
    while (p < len && nb_ascii_is_space((unsigned char)s[p]))
        p++;
    return p < len && nb_ascii_is_lower((unsigned char)s[p]);
}

size_t nb_clean_fused_byline_len(const char *s, size_t len, const char *byline)
{
    /* the name is the run of capitalised words at the start; the join is
     * a lower-case letter followed by a capital inside one of its words */
    size_t best = 0, words = 0;
    for (size_t p = 0; p < len && words < 8;) {
        while (p < len && nb_ascii_is_space((unsigned char)s[p]))
            p++;
        if (p >= len || !nb_ascii_is_upper((unsigned char)s[p]))
            break;
        words++;
        size_t q = p + 1;
        for (; q < len && !nb_ascii_is_space((unsigned char)s[q]); q++)
            if (nb_ascii_is_lower((unsigned char)s[q - 1]) &&
                nb_ascii_is_upper((unsigned char)s[q]) && starts_story(s + q, len - q))
                best = q;
        p = q;
    }
    if (!best)
        return 0;
    /* a story of a few words at least follows */
    unsigned rest = 0;
    for (size_t p = best; p < len; p++)
        rest += nb_ascii_is_space((unsigned char)s[p]) && p + 1 < len &&
                !nb_ascii_is_space((unsigned char)s[p + 1]);
    if (rest < 2)
        return 0;
    if (nb_clean_starts_with(s, best, "by"))
        return nb_article_is_byline(s, best) ? best : 0;
    /* the byline's name repeated: "Jo BloggsThe council ..." */
    if (!byline)
        return 0;
    size_t bl = strlen(byline);
    if (nb_clean_starts_with(byline, bl, "by"))
        byline += 3, bl = bl > 3 ? bl - 3 : 0;
    return bl == best && memcmp(byline, s, best) == 0 ? best : 0;
}
