/* suggest.c - "did you mean": edit distance and the closest word. */
#include "text/suggest.h"

#include "text/chars.h"

#include <stdint.h>
#include <string.h>

size_t nb_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > NB_SUGGEST_MAX_WORD || m > NB_SUGGEST_MAX_WORD)
        return SIZE_MAX;
    /* three rows: two back (for swaps), one back, current */
    size_t rows[3][NB_SUGGEST_MAX_WORD + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        int ca = nb_ascii_lower((unsigned char)a[i - 1]);
        for (size_t j = 1; j <= m; j++) {
            int cb = nb_ascii_lower((unsigned char)b[j - 1]);
            size_t best = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == nb_ascii_lower((unsigned char)b[j - 2]) &&
                nb_ascii_lower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

static int is_prefix_ci(const char *p, const char *s)
{
    for (; *p; p++, s++)
        if (nb_ascii_lower((unsigned char)*p) != nb_ascii_lower((unsigned char)*s))
            return 0;
    return 1;
}

const char *nb_suggest(const char *word, const char *const *candidates)
{
    if (!word[0] || strlen(word) > NB_SUGGEST_MAX_WORD)
        return NULL;
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; candidates[i]; i++) {
        size_t d = nb_edit_distance(word, candidates[i]);
        if (d <= 2 && d < strlen(candidates[i]) && d < best_d) {
            best = candidates[i];
            best_d = d;
        }
    }
    if (best)
        return best;
    for (size_t i = 0; candidates[i]; i++) {
        const char *c = candidates[i];
        size_t wl = strlen(word), cl = strlen(c);
        if ((wl >= 3 && wl < cl && is_prefix_ci(word, c)) ||
            (cl >= 3 && cl < wl && is_prefix_ci(c, word)))
            return c;
    }
    return NULL;
}
