/* quotation.c - quoted words in the newsreader's own sentences, made
 * audible by the wording. */
#include "script/quotation.h"

#include "quotes/marks.h"
#include "quotes/wordlists.h"
#include "text/chars.h"

#include <string.h>

#define OPEN_MARK "\xE2\x80\x9C"  /* “ */
#define CLOSE_MARK "\xE2\x80\x9D" /* ” */
#define MAX_ATTRIBUTION_WORDS 12

/* Words that speak for the speaker: a quote holding one, read in the
 * newsreader's voice, would sound like the newsreader's own claim. */
static const char *const first_person[] = {
    "i",   "i'd",   "i'll",      "i'm",    "i've",   "me",   "mine",  "my",       "myself",
    "our", "ours",  "ourselves", "us",     "we",     "we'd", "we'll", "we're",    "we've",
    "you", "you'd", "you'll",    "you're", "you've", "your", "yours", "yourself",
};

static int word_char(unsigned char c)
{
    return nb_ascii_is_alpha(c) || c == '\'';
}

/* 1 when s[start..end) holds a first- or second-person word ("I" only as a
 * capital, "us" only in lower case: "US" is a country). */
static int speaks_for_itself(const char *s, size_t start, size_t end)
{
    char word[16];
    size_t i = start;
    while (i < end) {
        if (!word_char((unsigned char)s[i]) &&
            !(i + 2 < end && memcmp(s + i, "\xE2\x80\x99", 3) == 0)) {
            i++;
            continue;
        }
        size_t n = 0, w = i;
        int too_long = 0;
        while (i < end) {
            if (i + 2 < end && memcmp(s + i, "\xE2\x80\x99", 3) == 0) {
                if (n < sizeof(word) - 1)
                    word[n++] = '\'';
                i += 3;
            } else if (word_char((unsigned char)s[i])) {
                if (n < sizeof(word) - 1)
                    word[n++] = (char)nb_ascii_lower((unsigned char)s[i]);
                else
                    too_long = 1;
                i++;
            } else {
                break;
            }
        }
        word[n] = '\0';
        if (too_long || n == 0)
            continue;
        if (strcmp(word, "i") == 0 && s[w] != 'I')
            continue;
        if (strcmp(word, "us") == 0 && s[w] != 'u')
            continue;
        for (size_t k = 0; k < sizeof(first_person) / sizeof(first_person[0]); k++)
            if (strcmp(word, first_person[k]) == 0)
                return 1;
    }
    return 0;
}

/* The closed quotes of s: stretches whose marks both stand in s. */
static nb_status find_quotes(const char *s, size_t len, struct nb_quotes_segv *sv)
{
    int carry = 0;
    if (nb_quotes_scan_marks(s, len, NULL, 0, sv, &carry) != NB_OK)
        return NB_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < sv->n; i++)
        if (!sv->v[i].cont_prev && sv->v[i].after > sv->v[i].end)
            sv->v[n++] = sv->v[i];
    sv->n = n;
    return NB_OK;
}

static int is_space_at(const char *s, size_t i)
{
    return nb_ascii_is_space((unsigned char)s[i]);
}

/* Appends the quote's words s[start..end), ends trimmed of spaces and of a
 * final comma, then `stop` ("." or ",") unless they end with ? ! or ... */
static nb_status add_words(struct nb_buf *out, const char *s, size_t start, size_t end, char stop)
{
    while (start < end && is_space_at(s, start))
        start++;
    while (end > start && (is_space_at(s, end - 1) || s[end - 1] == ',' || s[end - 1] == ';'))
        end--;
    if (nb_buf_add(out, s + start, end - start) != NB_OK)
        return NB_ENOMEM;
    char last = end > start ? s[end - 1] : 0;
    if (last == '?' || last == '!')
        return NB_OK;
    if (last == '.') {
        if (stop == '.')
            return NB_OK;
        nb_buf_truncate(out, out->len - 1);
    }
    return nb_buf_addc(out, stop);
}

/* Appends s[start..end) with its first letter a capital. */
static nb_status add_capitalised(struct nb_buf *out, const char *s, size_t start, size_t end)
{
    size_t mark = out->len;
    if (nb_buf_add(out, s + start, end - start) != NB_OK)
        return NB_ENOMEM;
    if (out->len > mark && nb_ascii_is_lower((unsigned char)out->data[mark]))
        out->data[mark] = (char)(out->data[mark] - 'a' + 'A');
    return NB_OK;
}

/* A verb of saying: "said", "added", "warned". */
static int saying(const char *s, size_t len, int inverted)
{
    int f = nb_quotes_verb_flags(s, len);
    if (!f || (f & (NB_QUOTES_V_ING | NB_QUOTES_V_PART)))
        return 0;
    return !inverted || (f & NB_QUOTES_V_INV);
}

/* “Q,” X said. / “Q,” said X. -> X said: “Q.”  1 when done, 0 when s is no
 * such sentence (out untouched), -1 when out of memory. */
static int turn_round(const char *s, size_t len, const struct nb_quotes_segv *sv,
                      struct nb_buf *out)
{
    size_t p = 0;
    while (p < len && is_space_at(s, p))
        p++;
    if (sv->n != 1 || sv->v[0].open != p)
        return 0;
    const struct nb_quotes_seg *q = &sv->v[0];
    size_t t = q->after;
    if (t < len && s[t] == ',')
        t++;
    while (t < len && is_space_at(s, t))
        t++;
    size_t e = len;
    while (e > t && is_space_at(s, e - 1))
        e--;
    if (e <= t || s[e - 1] != '.')
        return 0;
    e--;
    /* the tail's words: the verb first or last */
    size_t words = 0, first_end = t, last_start = t;
    for (size_t i = t; i < e;) {
        while (i < e && is_space_at(s, i))
            i++;
        if (i >= e)
            break;
        size_t w = i;
        while (i < e && !is_space_at(s, i))
            i++;
        if (words++ == 0)
            first_end = i;
        last_start = w;
    }
    if (words < 2 || words > MAX_ATTRIBUTION_WORDS)
        return 0;
    size_t x_start, x_end, v_start, v_end;
    if (saying(s + last_start, e - last_start, 0)) {
        x_start = t, x_end = last_start, v_start = last_start, v_end = e;
    } else if (saying(s + t, first_end - t, 1)) {
        v_start = t, v_end = first_end, x_start = first_end, x_end = e;
    } else {
        return 0;
    }
    while (x_start < x_end && is_space_at(s, x_start))
        x_start++;
    while (x_end > x_start && is_space_at(s, x_end - 1))
        x_end--;
    /* the speaker is a name, a description or a pronoun, not a clause */
    if (x_end <= x_start || memchr(s + x_start, ':', x_end - x_start) ||
        memchr(s + x_start, ';', x_end - x_start))
        return 0;
    size_t mark = out->len;
    int ok =
        add_capitalised(out, s, x_start, x_end) == NB_OK &&
        (!memchr(s + x_start, ',', x_end - x_start) || nb_buf_addc(out, ',') == NB_OK) &&
        nb_buf_addc(out, ' ') == NB_OK && nb_buf_add(out, s + v_start, v_end - v_start) == NB_OK &&
        nb_buf_adds(out, ": " OPEN_MARK) == NB_OK &&
        add_words(out, s, q->start, q->end, '.') == NB_OK && nb_buf_adds(out, CLOSE_MARK) == NB_OK;
    if (!ok) {
        nb_buf_truncate(out, mark);
        return -1;
    }
    return 1;
}

/* Appends s with ", quote," before and ", end quote" after each quote
 * that speaks in the first person. */
static nb_status mark_quotes(const char *s, size_t len, const struct nb_quotes_segv *sv,
                             struct nb_buf *out)
{
    size_t done = 0;
    for (size_t k = 0; k < sv->n; k++) {
        const struct nb_quotes_seg *q = &sv->v[k];
        if (!speaks_for_itself(s, q->start, q->end))
            continue;
        /* before: "was, quote, “" / "said: quote, “" / "Quote, “" */
        size_t b = q->open;
        while (b > done && is_space_at(s, b - 1))
            b--;
        if (nb_buf_add(out, s + done, b - done) != NB_OK)
            return NB_ENOMEM;
        char prev = b > 0 ? s[b - 1] : 0;
        const char *lead = b == 0                                ? "Quote, "
                           : prev == '-' || strchr(",:;(", prev) ? " quote, "
                                                                 : ", quote, ";
        if (nb_buf_adds(out, lead) != NB_OK)
            return NB_ENOMEM;
        /* the quote and its marks as written; then ", end quote" and what
         * followed ("”, end quote, and would stay" / "”, end quote.") */
        if (nb_buf_add(out, s + q->open, q->after - q->open) != NB_OK)
            return NB_ENOMEM;
        size_t a = q->after;
        char inside = q->end > q->start ? s[q->end - 1] : 0;
        int stop_inside = inside == ',' || inside == '.' || inside == '?' || inside == '!';
        if (nb_buf_adds(out, stop_inside ? " end quote" : ", end quote") != NB_OK)
            return NB_ENOMEM;
        if (a < len && nb_ascii_is_space((unsigned char)s[a]) && a + 1 < len &&
            !strchr(".,;:!?)", s[a + 1]) && nb_buf_addc(out, ',') != NB_OK)
            return NB_ENOMEM;
        done = a;
    }
    return nb_buf_add(out, s + done, len - done);
}

nb_status nb_quotation_sentence(const char *s, struct nb_buf *out)
{
    size_t len = strlen(s);
    struct nb_quotes_segv sv = {0};
    nb_status rc = find_quotes(s, len, &sv);
    if (rc == NB_OK) {
        int turned = turn_round(s, len, &sv, out);
        if (turned < 0)
            rc = NB_ENOMEM;
        else if (!turned) {
            size_t mark = out->len;
            rc = mark_quotes(s, len, &sv, out);
            if (rc != NB_OK)
                nb_buf_truncate(out, mark);
        }
    }
    nb_quotes_segv_release(&sv);
    return rc;
}

/* The length of a separator at s[i..): " - ", " – ", " — ", ": ", " | "
 * with any spaces around (a colon needs none before); 0 for none. */
static size_t separator_at(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_space_at(s, j))
        j++;
    size_t spaced = j - i, mark = 0;
    if (j < len && s[j] == ':')
        mark = 1;
    else if (spaced && j < len && (s[j] == '-' || s[j] == '|'))
        mark = 1;
    else if (spaced && j + 2 < len &&
             (memcmp(s + j, "\xE2\x80\x93", 3) == 0 || memcmp(s + j, "\xE2\x80\x94", 3) == 0))
        mark = 3;
    if (!mark)
        return 0;
    j += mark;
    size_t k = j;
    while (k < len && is_space_at(s, k))
        k++;
    if (k == j && s[j - 1] != ':')
        return 0; /* a hyphen inside a word is no separator */
    return k - i;
}

/* Headline shapes: *rs..*re is the rest (empty for a headline that is
 * only a quote). */
static int headline_parts(const char *h, size_t len, const struct nb_quotes_segv *sv, size_t *qs,
                          size_t *qe, size_t *rs, size_t *re)
{
    if (sv->n != 1)
        return 0;
    const struct nb_quotes_seg *q = &sv->v[0];
    size_t tail = q->after;
    while (tail < len && (is_space_at(h, tail) || strchr(".!?", h[tail])))
        tail++;
    if (q->open == 0 && tail == len) { /* 'Q' */
        *rs = *re = 0;
    } else if (q->open == 0) { /* 'Q' - REST */
        size_t sep = separator_at(h, len, q->after);
        if (!sep)
            return 0;
        *rs = q->after + sep;
        *re = len;
    } else if (tail == len) { /* REST: 'Q' */
        size_t r = q->open;
        while (r > 0 && is_space_at(h, r - 1))
            r--;
        size_t b = r;
        /* the separator just before the opening mark */
        if (b > 0 && (h[b - 1] == ':' || h[b - 1] == '-' || h[b - 1] == '|'))
            b--;
        else if (b >= 3 && (memcmp(h + b - 3, "\xE2\x80\x93", 3) == 0 ||
                            memcmp(h + b - 3, "\xE2\x80\x94", 3) == 0))
            b -= 3;
        else
            return 0;
        while (b > 0 && is_space_at(h, b - 1))
            b--;
        if (b == 0)
            return 0;
        *rs = 0;
        *re = b;
    } else {
        return 0;
    }
    *qs = q->start;
    *qe = q->end;
    return *qe > *qs;
}

int nb_quotation_headline_quote(const char *h, size_t *start, size_t *len)
{
    size_t n = strlen(h), qs, qe, rs, re;
    struct nb_quotes_segv sv = {0};
    int found = find_quotes(h, n, &sv) == NB_OK && headline_parts(h, n, &sv, &qs, &qe, &rs, &re);
    nb_quotes_segv_release(&sv);
    if (found) {
        *start = qs;
        *len = qe - qs;
    }
    return found;
}

nb_status nb_quotation_headline(const char *h, const char *speaker, struct nb_buf *out)
{
    size_t n = strlen(h), qs, qe, rs, re;
    struct nb_quotes_segv sv = {0};
    nb_status rc = find_quotes(h, n, &sv);
    int shaped = rc == NB_OK && headline_parts(h, n, &sv, &qs, &qe, &rs, &re);
    nb_quotes_segv_release(&sv);
    if (rc != NB_OK)
        return rc;
    if (!shaped)
        return nb_buf_adds(out, h);
    size_t mark = out->len;
    int ok = 1;
    while (re > rs && (is_space_at(h, re - 1)))
        re--;
    if (re > rs) {
        ok = add_capitalised(out, h, rs, re) == NB_OK &&
             (strchr(".!?", h[re - 1]) || nb_buf_addc(out, '.') == NB_OK) &&
             nb_buf_addc(out, ' ') == NB_OK;
    }
    if (ok && speaker && *speaker)
        ok = add_capitalised(out, speaker, 0, strlen(speaker)) == NB_OK &&
             nb_buf_adds(out, " says: " OPEN_MARK) == NB_OK &&
             add_words(out, h, qs, qe, '.') == NB_OK && nb_buf_adds(out, CLOSE_MARK) == NB_OK;
    else if (ok)
        ok = nb_buf_adds(out, "Quote: " OPEN_MARK) == NB_OK &&
             add_words(out, h, qs, qe, ',') == NB_OK &&
             nb_buf_adds(out, CLOSE_MARK " end quote.") == NB_OK;
    if (!ok) {
        nb_buf_truncate(out, mark);
        return NB_ENOMEM;
    }
    return NB_OK;
}
