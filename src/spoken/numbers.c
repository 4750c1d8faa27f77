/* numbers.c - numbers as words, driven by one language's word table. */
#include "spoken/numbers.h"

#include <string.h>

/* Appends `word` after a space unless out is empty or ends with one. */
static nb_status add_word(struct nb_buf *out, size_t from, const char *word)
{
    (void)from;
    if (out->len > 0 && out->data[out->len - 1] != ' ' && nb_buf_addc(out, ' ') != NB_OK)
        return NB_ENOMEM;
    return nb_buf_adds(out, word);
}

/* 1..99 */
static nb_status say_below_hundred(const struct nb_number_words *w, unsigned v, struct nb_buf *out,
                                   size_t from)
{
    if (v < 20)
        return add_word(out, from, w->ones[v]);
    if (add_word(out, from, w->tens[v / 10]) != NB_OK)
        return NB_ENOMEM;
    return v % 10 ? add_word(out, from, w->ones[v % 10]) : NB_OK;
}

/* 1..999 */
static nb_status say_group(const struct nb_number_words *w, unsigned g, struct nb_buf *out,
                           size_t from)
{
    if (g >= 100) {
        if (add_word(out, from, w->ones[g / 100]) != NB_OK ||
            add_word(out, from, w->hundred) != NB_OK)
            return NB_ENOMEM;
        if (g % 100 && w->british_and && add_word(out, from, w->and_word) != NB_OK)
            return NB_ENOMEM;
    }
    return g % 100 ? say_below_hundred(w, g % 100, out, from) : 0;
}

nb_status nb_numbers_digits(const struct nb_number_words *w, const char *digits, size_t n,
                            struct nb_buf *out)
{
    size_t from = out->len;
    for (size_t i = 0; i < n; i++)
        if (digits[i] >= '0' && digits[i] <= '9' &&
            add_word(out, from, w->ones[digits[i] - '0']) != NB_OK) {
            nb_buf_truncate(out, from);
            return NB_ENOMEM;
        }
    return NB_OK;
}

nb_status nb_numbers_cardinal(const struct nb_number_words *w, const char *digits, size_t n,
                              struct nb_buf *out)
{
    size_t from = out->len;
    while (n > 1 && digits[0] == '0') {
        digits++;
        n--;
    }
    if (n == 0 || (n == 1 && digits[0] == '0')) {
        if (add_word(out, from, w->ones[0]) == NB_OK)
            return NB_OK;
        nb_buf_truncate(out, from);
        return NB_ENOMEM;
    }
    if (n > 3 * NB_NUMBERS_SCALES)
        return nb_numbers_digits(w, digits, n, out);
    size_t ngroups = (n + 2) / 3;
    size_t first = n - (ngroups - 1) * 3; /* digits in the leading group */
    size_t pos = 0;
    int said = 0;
    for (size_t k = ngroups; k-- > 0;) {
        size_t take = k == ngroups - 1 ? first : 3;
        unsigned g = 0;
        for (size_t j = 0; j < take; j++)
            g = g * 10 + (unsigned)(digits[pos + j] - '0');
        pos += take;
        if (!g)
            continue;
        if (k == 0 && said && g < 100 && w->british_and &&
            add_word(out, from, w->and_word) != NB_OK)
            goto fail;
        if (say_group(w, g, out, from) != NB_OK)
            goto fail;
        if (k > 0 && add_word(out, from, w->scales[k]) != NB_OK)
            goto fail;
        said = 1;
    }
    return NB_OK;
fail:
    nb_buf_truncate(out, from);
    return NB_ENOMEM;
}

nb_status nb_numbers_cardinal_u(const struct nb_number_words *w, unsigned long long v,
                                struct nb_buf *out)
{
    char d[24];
    size_t n = sizeof(d);
    do {
        d[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return nb_numbers_cardinal(w, d + n, sizeof(d) - n, out);
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t k = strlen(suffix);
    return k <= len && memcmp(s + len - k, suffix, k) == 0;
}

/* Rewrites the last word from `from` using whole-word replacements, then
 * suffix rewrites, then the default ending. */
static nb_status rewrite_last(struct nb_buf *out, size_t from, const struct nb_word_pair *whole,
                              size_t nwhole, const struct nb_word_pair *suffix, size_t nsuffix,
                              const char *dflt)
{
    size_t start = out->len;
    while (start > from && out->data[start - 1] != ' ')
        start--;
    const char *word = out->data + start;
    size_t wl = out->len - start;
    for (size_t i = 0; i < nwhole; i++)
        if (strlen(whole[i].from) == wl && memcmp(word, whole[i].from, wl) == 0) {
            nb_buf_truncate(out, start);
            return nb_buf_adds(out, whole[i].to);
        }
    for (size_t i = 0; i < nsuffix; i++)
        if (ends_with(word, wl, suffix[i].from)) {
            nb_buf_truncate(out, out->len - strlen(suffix[i].from));
            return nb_buf_adds(out, suffix[i].to);
        }
    return nb_buf_adds(out, dflt);
}

nb_status nb_numbers_last_ordinal(const struct nb_number_words *w, struct nb_buf *out, size_t from)
{
    return rewrite_last(out, from, w->ordinal_whole, w->nordinal_whole, w->ordinal_suffix,
                        w->nordinal_suffix, w->ordinal_default);
}

nb_status nb_numbers_last_plural(const struct nb_number_words *w, struct nb_buf *out, size_t from)
{
    return rewrite_last(out, from, NULL, 0, w->plural_suffix, w->nplural_suffix,
                        w->plural_default);
}

nb_status nb_numbers_ordinal(const struct nb_number_words *w, const char *digits, size_t n,
                             struct nb_buf *out)
{
    size_t from = out->len;
    if (nb_numbers_cardinal(w, digits, n, out) != NB_OK ||
        nb_numbers_last_ordinal(w, out, from) != NB_OK) {
        nb_buf_truncate(out, from);
        return NB_ENOMEM;
    }
    return NB_OK;
}

nb_status nb_numbers_decimal(const struct nb_number_words *w, const char *ip, size_t ni,
                             const char *frac, size_t nf, struct nb_buf *out)
{
    size_t from = out->len;
    if (ni && nb_numbers_cardinal(w, ip, ni, out) != NB_OK)
        goto fail;
    if (nf &&
        (add_word(out, from, w->point) != NB_OK || nb_numbers_digits(w, frac, nf, out) != NB_OK))
        goto fail;
    return NB_OK;
fail:
    nb_buf_truncate(out, from);
    return NB_ENOMEM;
}

nb_status nb_numbers_year(const struct nb_number_words *w, unsigned v, struct nb_buf *out)
{
    size_t from = out->len;
    unsigned hi = v / 100, lo = v % 100;
    /* 2000-2009 and 1000-1009 are said as cardinals; so are two-digit
     * years.  Three digits read like four: 410 "four ten", 305 "three oh
     * five", 800 "eight hundred" */
    if (v < 100 || (hi % 10 == 0 && lo < 10) || v >= 10000)
        return nb_numbers_cardinal_u(w, v, out);
    if (say_below_hundred(w, hi, out, from) != NB_OK)
        goto fail;
    if (lo == 0) {
        if (add_word(out, from, w->hundred) != NB_OK)
            goto fail;
    } else if (lo < 10) {
        if (add_word(out, from, w->oh) != NB_OK || add_word(out, from, w->ones[lo]) != NB_OK)
            goto fail;
    } else if (say_below_hundred(w, lo, out, from) != NB_OK) {
        goto fail;
    }
    return NB_OK;
fail:
    nb_buf_truncate(out, from);
    return NB_ENOMEM;
}
