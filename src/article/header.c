/* header.c - the header lines real exports carry between headline and body. */
#include "article/reader.h"

#include <string.h>

static int starts_with_word(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len > n && strncmp(s, word, n) == 0 && s[n] == ' ';
}

/* Header lines that real exports carry between headline and body. */
int nb_article_is_byline(const char *s, size_t len)
{
    if (len > 120 || !starts_with_word(s, len, "By"))
        return 0;
    unsigned char c = (unsigned char)s[3];
    return c >= 'A' && c <= 'Z';
}

int nb_article_is_date_stamp(const char *s, size_t len)
{
    static const char *const words[] = {"Published", "Updated", "Last updated", "Last modified",
                                        "Posted", "First published"};
    if (len > 120)
        return 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t n = strlen(words[i]);
        if (len > n && strncmp(s, words[i], n) == 0 && (s[n] == ' ' || s[n] == ':'))
            return 1;
    }
    return 0;
}
