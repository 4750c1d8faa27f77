/* lang.c - the languages the normaliser has rules for: one row per
 * language, each table in its own file (lang_en.c). */
#include "spoken/lang.h"

#include "text/chars.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Most specific tags first. */
static const struct nb_norm_lang *const languages[] = {&nb_norm_lang_en_us, &nb_norm_lang_en_gb};

int nb_language_matches(const char *language, const char *prefix)
{
    if (!language)
        return 0;
    size_t i = 0;
    for (; prefix[i]; i++) {
        int a = (unsigned char)language[i], b = (unsigned char)prefix[i];
        if (a == '_')
            a = '-';
        if (b == '_')
            b = '-';
        if (nb_ascii_lower(a) != nb_ascii_lower(b))
            return 0;
    }
    return language[i] == '\0' || language[i] == '-' || language[i] == '_' || language[i] == '+';
}

const struct nb_norm_lang *nb_norm_lang_find(const char *language)
{
    if (!language)
        language = "en-gb";
    for (size_t i = 0; i < N(languages); i++)
        if (nb_language_matches(language, languages[i]->language))
            return languages[i];
    return NULL;
}

static int ci_cmp(const char *a, size_t alen, const char *b)
{
    size_t i = 0;
    for (; i < alen && b[i]; i++) {
        int x = nb_ascii_lower((unsigned char)a[i]), y = nb_ascii_lower((unsigned char)b[i]);
        if (x != y)
            return x - y;
    }
    if (i == alen)
        return b[i] ? -1 : 0;
    return 1;
}

int nb_norm_in_list(const char *const *list, size_t n, const char *word, size_t len, int nocase)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = ci_cmp(word, len, list[mid]);
        if (c == 0)
            return nocase || (strlen(list[mid]) == len && memcmp(word, list[mid], len) == 0);
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}
