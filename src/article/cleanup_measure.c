/* cleanup_measure.c - measuring a line of the body: words, capitals, final
 * punctuation, whether it speaks to the reader or reports, and its weight
 * in a small vocabulary of page furniture. */
#include "article/cleanup_lines.h"

#include "text/chars.h"
#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

/* The words a line is measured by, each looked up once: the furniture
 * vocabulary (a weight; weights add up per line, and a line's shape
 * decides how much it needs, see is_furniture()), and what else the word
 * tells, as flags:
 *   F_LIST      heads a list of other stories ("related", "popular")
 *   F_PROMPT    first word of a prompt ("Sign up to our...", "Follow us on...")
 *   F_ADDRESS   addresses the reader ("you", "our")
 *   F_REPORTS   marks a line as reporting, not prompting: it stays ("said")
 *   F_NARRATES  a story told: a verb in the past, a modal, the first person
 *               (a caption describes what a picture shows, in the present)
 *   F_PASSIVE   before a participle in "-ed" makes it no past tense ("is
 *               displayed", "after being cleaned")
 *   F_PAIR      the first word of one of the phrases below */
enum {
    F_LIST = 1,
    F_PROMPT = 2,
    F_ADDRESS = 4,
    F_REPORTS = 8,
    F_NARRATES = 16,
    F_PASSIVE = 32,
    F_PAIR = 64,
};

struct vocab {
    const char *word;
    unsigned char weight; /* tenths; 0 for a word that only has flags */
    unsigned char flags;
};

/* Sorted by strcmp, no word twice (a test checks): searched by halves. */
static const struct vocab words[] = {
    {"about", 3, F_PAIR},
    {"accept", 15, F_PROMPT},
    {"access", 10, 0},
    {"according", 0, F_REPORTS},
    {"account", 15, 0},
    {"ad", 20, 0},
    {"adblock", 30, 0},
    {"adblocker", 30, 0},
    {"added", 0, F_REPORTS},
    {"admitted", 0, F_REPORTS},
    {"ads", 20, 0},
    {"advert", 30, 0},
    {"advertise", 30, 0},
    {"advertisement", 40, 0},
    {"advertising", 15, 0},
    {"alerts", 15, 0},
    {"all", 0, F_PAIR},
    {"allow", 0, F_PROMPT},
    {"also", 0, F_PAIR},
    {"announced", 0, F_REPORTS},
    {"app", 15, 0},
    {"apps", 15, 0},
    {"archive", 10, 0},
    {"archives", 15, 0},
    {"are", 0, F_PASSIVE},
    {"argue", 0, F_REPORTS},
    {"argued", 0, F_REPORTS},
    {"ate", 0, F_NARRATES},
    {"audio", 10, 0},
    {"back", 5, 0},
    {"be", 0, F_PASSIVE},
    {"became", 0, F_NARRATES},
    {"become", 0, F_PROMPT},
    {"been", 0, F_PASSIVE},
    {"began", 0, F_NARRATES},
    {"being", 0, F_PASSIVE},
    {"bookmark", 25, 0},
    {"briefing", 10, 0},
    {"brought", 0, F_NARRATES},
    {"browser", 15, 0},
    {"browsing", 15, 0},
    {"came", 0, F_NARRATES},
    {"careers", 20, 0},
    {"categories", 20, 0},
    {"claimed", 0, F_REPORTS},
    {"claims", 0, F_REPORTS},
    {"click", 20, F_PROMPT},
    {"close", 10, 0},
    {"comment", 10, 0},
    {"comments", 15, 0},
    {"conditions", 5, 0},
    {"consent", 20, 0},
    {"contact", 10, F_PAIR},
    {"continue", 5, F_PROMPT},
    {"continues", 0, F_PAIR},
    {"cookie", 30, 0},
    {"cookies", 30, 0},
    {"copy", 5, 0},
    {"copyright", 30, 0},
    {"could", 0, F_NARRATES},
    {"credit", 10, 0},
    {"did", 0, F_NARRATES},
    {"didn't", 0, F_NARRATES},
    {"discover", 0, F_PROMPT},
    {"don't", 0, F_PROMPT},
    {"download", 15, F_PROMPT},
    {"duration", 20, 0},
    {"e-mail", 15, 0},
    {"editor's", 10, F_LIST},
    {"email", 15, 0},
    {"emails", 15, 0},
    {"enable", 10, F_PROMPT},
    {"enjoy", 0, F_PROMPT},
    {"experience", 5, 0},
    {"explained", 0, F_REPORTS},
    {"explore", 10, F_LIST | F_PROMPT},
    {"facebook", 20, 0},
    {"faq", 20, 0},
    {"feedback", 15, 0},
    {"fell", 0, F_NARRATES},
    {"felt", 0, F_NARRATES},
    {"flipboard", 25, 0},
    {"follow", 20, F_PROMPT},
    {"found", 0, F_REPORTS | F_NARRATES},
    {"free", 5, 0},
    {"further", 0, F_PAIR},
    {"gallery", 25, 0},
    {"gave", 0, F_NARRATES},
    {"get", 0, F_PROMPT | F_PASSIVE | F_PAIR},
    {"gets", 0, F_PASSIVE},
    {"getty", 20, 0},
    {"got", 0, F_NARRATES},
    {"had", 0, F_NARRATES},
    {"has", 0, F_NARRATES},
    {"have", 0, F_NARRATES},
    {"held", 0, F_NARRATES},
    {"help", 5, 0},
    {"home", 15, 0},
    {"homepage", 20, 0},
    {"i", 0, F_NARRATES},
    {"i'm", 0, F_NARRATES},
    {"images", 10, 0},
    {"in", 0, F_PAIR},
    {"inbox", 25, 0},
    {"insisted", 0, F_REPORTS},
    {"instagram", 20, 0},
    {"is", 0, F_PASSIVE},
    {"javascript", 20, 0},
    {"join", 0, F_PROMPT},
    {"kept", 0, F_NARRATES},
    {"knew", 0, F_NARRATES},
    {"latest", 10, F_LIST},
    {"led", 0, F_NARRATES},
    {"link", 10, 0},
    {"linkedin", 25, 0},
    {"listen", 15, F_PROMPT},
    {"load", 10, F_PAIR},
    {"loading", 20, 0},
    {"log", 0, F_PROMPT | F_PAIR},
    {"login", 20, 0},
    {"logout", 20, 0},
    {"lost", 0, F_NARRATES},
    {"made", 0, F_NARRATES},
    {"manage", 10, F_PROMPT},
    {"may", 0, F_NARRATES},
    {"menu", 20, 0},
    {"messenger", 15, 0},
    {"met", 0, F_NARRATES},
    {"might", 0, F_NARRATES},
    {"more", 5, F_LIST | F_PAIR},
    {"most", 0, F_PAIR},
    {"must", 0, F_NARRATES},
    {"navigation", 20, 0},
    {"newsletter", 30, 0},
    {"newsletters", 30, 0},
    {"next", 10, F_LIST},
    {"noted", 0, F_REPORTS},
    {"notifications", 15, 0},
    {"offer", 10, 0},
    {"originally", 0, F_PAIR},
    {"our", 0, F_ADDRESS},
    {"ours", 0, F_ADDRESS},
    {"paid", 0, F_NARRATES},
    {"password", 20, 0},
    {"permalink", 30, 0},
    {"photos", 15, 0},
    {"picks", 10, F_LIST},
    {"pinterest", 25, 0},
    {"play", 10, 0},
    {"playing", 15, 0},
    {"podcast", 15, 0},
    {"podcasts", 15, 0},
    {"policy", 10, 0},
    {"popular", 15, F_LIST},
    {"preferences", 15, 0},
    {"premium", 15, 0},
    {"previous", 15, 0},
    {"print", 10, 0},
    {"privacy", 20, 0},
    {"promoted", 20, 0},
    {"ran", 0, F_NARRATES},
    {"read", 10, F_LIST | F_PROMPT | F_PAIR},
    {"recommended", 25, F_LIST},
    {"reddit", 20, 0},
    {"register", 20, F_PROMPT},
    {"related", 25, F_LIST},
    {"replay", 15, 0},
    {"reported", 0, F_REPORTS},
    {"reserved", 10, 0},
    {"rights", 0, F_PAIR},
    {"rose", 0, F_NARRATES},
    {"rss", 20, 0},
    {"said", 0, F_REPORTS | F_NARRATES},
    {"saw", 0, F_NARRATES},
    {"say", 0, F_REPORTS},
    {"says", 0, F_REPORTS},
    {"search", 15, 0},
    {"see", 0, F_PROMPT | F_PAIR},
    {"sent", 0, F_NARRATES},
    {"settings", 10, 0},
    {"shall", 0, F_NARRATES},
    {"share", 30, F_PROMPT},
    {"sharing", 15, 0},
    {"should", 0, F_NARRATES},
    {"showed", 0, F_REPORTS},
    {"shows", 0, F_REPORTS},
    {"shutterstock", 30, 0},
    {"sign", 10, F_PROMPT | F_PAIR},
    {"sitemap", 30, 0},
    {"skip", 20, F_PAIR},
    {"slideshow", 30, 0},
    {"sold", 0, F_NARRATES},
    {"spent", 0, F_NARRATES},
    {"spoke", 0, F_NARRATES},
    {"sponsored", 30, 0},
    {"start", 0, F_PROMPT},
    {"stated", 0, F_REPORTS},
    {"stood", 0, F_NARRATES},
    {"stories", 10, F_LIST},
    {"story", 0, F_PAIR},
    {"subscribe", 30, F_PROMPT},
    {"subscribed", 20, 0},
    {"subscriber", 15, 0},
    {"subscribers", 15, 0},
    {"subscription", 20, 0},
    {"subscriptions", 20, 0},
    {"suggests", 0, F_REPORTS},
    {"support", 0, F_PROMPT},
    {"tags", 20, F_LIST},
    {"tap", 15, F_PROMPT},
    {"tell", 0, F_REPORTS},
    {"terms", 10, F_PAIR},
    {"the", 0, F_PAIR},
    {"thought", 0, F_NARRATES},
    {"tiktok", 15, 0},
    {"to", 0, F_PASSIVE},
    {"told", 0, F_REPORTS | F_NARRATES},
    {"took", 0, F_NARRATES},
    {"top", 0, F_PAIR},
    {"topics", 15, F_LIST},
    {"trending", 25, F_LIST},
    {"trial", 15, 0},
    {"try", 0, F_PROMPT},
    {"tumblr", 25, 0},
    {"turn", 0, F_PROMPT},
    {"tweet", 20, 0},
    {"twitter", 20, 0},
    {"unlimited", 15, 0},
    {"unlock", 0, F_PROMPT},
    {"unsubscribe", 30, 0},
    {"up", 0, F_PAIR},
    {"update", 0, F_PROMPT},
    {"updates", 10, 0},
    {"us", 0, F_ADDRESS},
    {"video", 20, 0},
    {"videos", 20, 0},
    {"view", 0, F_PROMPT},
    {"warn", 0, F_REPORTS},
    {"warned", 0, F_REPORTS},
    {"warns", 0, F_REPORTS},
    {"was", 0, F_NARRATES},
    {"wasn't", 0, F_NARRATES},
    {"watch", 15, F_PROMPT | F_PAIR},
    {"we", 0, F_ADDRESS},
    {"we'd", 0, F_ADDRESS},
    {"we'll", 0, F_ADDRESS},
    {"we're", 0, F_ADDRESS},
    {"we've", 0, F_ADDRESS},
    {"website", 10, 0},
    {"went", 0, F_NARRATES},
    {"were", 0, F_NARRATES},
    {"weren't", 0, F_NARRATES},
    {"whatsapp", 25, 0},
    {"will", 0, F_NARRATES},
    {"won", 0, F_NARRATES},
    {"won't", 0, F_NARRATES},
    {"would", 0, F_NARRATES},
    {"wrote", 0, F_REPORTS | F_NARRATES},
    {"you", 0, F_ADDRESS | F_PAIR},
    {"you'd", 0, F_ADDRESS},
    {"you'll", 0, F_ADDRESS},
    {"you're", 0, F_ADDRESS},
    {"you've", 0, F_ADDRESS},
    {"your", 0, F_ADDRESS},
    {"yourself", 0, F_ADDRESS},
    {"youtube", 15, 0},
};

/* Where the words of each first letter start in words[]: those of letter
 * c are words[words_from[c - 'a']] up to words[words_from[c - 'a' + 1]]
 * (excluded).  A key is searched among the words of its letter only
 * (nb_clean_vocab_sorted() checks the index). */
static const unsigned short words_from[27] = {
    0,   29,  41,  61,  67,  76,  86,  92,  99,  107, 109, 111, 122, 132,
    138, 142, 160, 160, 172, 208, 227, 234, 237, 258, 258, 266, 266,
};

#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Two-word phrases worth more than their words. */
static const struct vocab phrases[] = {
    {"about us", 20, 0},
    {"all rights", 30, 0},
    {"also like", 20, F_LIST},
    {"also read", 30, F_LIST},
    {"contact us", 20, 0},
    {"continues below", 30, 0},
    {"further reading", 30, F_LIST},
    {"get the", 5, 0},
    {"in pictures", 20, 0},
    {"load more", 20, 0},
    {"log in", 25, 0},
    {"more from", 20, F_LIST},
    {"more on", 15, F_LIST},
    {"most read", 30, F_LIST},
    {"most viewed", 30, F_LIST},
    {"originally appeared", 40, 0},
    {"originally published", 40, 0},
    {"read more", 25, F_LIST},
    {"read next", 30, F_LIST},
    {"rights reserved", 30, 0},
    {"see also", 35, F_LIST},
    {"sign in", 25, 0},
    {"sign up", 25, 0},
    {"skip to", 20, 0},
    {"story continues", 30, 0},
    {"terms of", 10, 0},
    {"the app", 10, 0},
    {"top stories", 25, F_LIST},
    {"up next", 30, F_LIST},
    {"watch next", 30, F_LIST},
    {"you may", 5, F_LIST},
};

/* Words a sentence broken in its middle may end with. */
static const char *const function_words[] = {
    "a",      "about", "after",   "against", "among",  "an",      "and",     "are",     "as",
    "at",     "be",    "because", "been",    "before", "between", "but",     "by",      "could",
    "during", "for",   "from",    "had",     "has",    "have",    "her",     "his",     "if",
    "in",     "into",  "is",      "its",     "may",    "might",   "must",    "nor",     "of",
    "on",     "onto",  "or",      "our",     "over",   "shall",   "should",  "since",   "than",
    "that",   "the",   "their",   "then",    "these",  "this",    "those",   "through", "to",
    "under",  "until", "upon",    "was",     "were",   "when",    "where",   "which",   "while",
    "who",    "whom",  "whose",   "will",    "with",   "within",  "without", "would",
};

/* Words allowed in a credit line besides names. */

/* strcmp's order, inline: most words differ from the entry they meet in
 * their first byte. */
static int key_cmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

int nb_clean_in_list(const char *key, const char *const *list, size_t n)
{
    return nb_clean_in_list_from(key, list, n, 0);
}

int nb_clean_in_list_from(const char *key, const char *const *list, size_t n, size_t skip)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = key_cmp(key + skip, list[mid] + skip);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int nb_clean_is_function_word(const char *key)
{
    return NB_CLEAN_IN(key, function_words);
}

/* The entry of table[0..n) that is w, or NULL; every entry starts with the
 * first `skip` bytes of w, which are not compared again. */
static const struct vocab *vocab_find(const char *w, const struct vocab *table, size_t n,
                                      size_t skip)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = key_cmp(w + skip, table[mid].word + skip);
        if (c == 0)
            return &table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The entry of words[] that is key, or NULL. */
static const struct vocab *word_find(const char *key)
{
    unsigned c = (unsigned)(unsigned char)key[0] - 'a';
    if (c >= 26)
        return NULL;
    /* all of them start with key's first byte: compared from the second */
    return vocab_find(key, words + words_from[c], (size_t)(words_from[c + 1] - words_from[c]), 1);
}

/* Whether words_from[] indexes words[] by first letter. */
static int words_indexed(void)
{
    if (words_from[0] != 0 || words_from[26] != NWORDS)
        return 0;
    for (unsigned c = 0; c < 26; c++) {
        if (words_from[c] > words_from[c + 1])
            return 0;
        for (size_t i = words_from[c]; i < words_from[c + 1]; i++)
            if ((unsigned char)words[i].word[0] != 'a' + c)
                return 0;
    }
    return 1;
}

/* The flags of the first word of `phrase`. */
static unsigned first_word_flags(const char *phrase)
{
    char w[NB_CLEAN_KEY_MAX];
    size_t n = strcspn(phrase, " ");
    if (n >= sizeof(w))
        return 0;
    memcpy(w, phrase, n);
    w[n] = '\0';
    const struct vocab *v = vocab_find(w, words, NWORDS, 0);
    return v ? v->flags : 0;
}

int nb_clean_vocab_sorted(void)
{
    for (size_t i = 1; i < NWORDS; i++)
        if (key_cmp(words[i - 1].word, words[i].word) >= 0)
            return 0;
    if (!words_indexed())
        return 0;
    for (size_t i = 1; i < sizeof(phrases) / sizeof(phrases[0]); i++)
        if (key_cmp(phrases[i - 1].word, phrases[i].word) >= 0 ||
            !(first_word_flags(phrases[i].word) & F_PAIR))
            return 0;
    return phrases[0].word && (first_word_flags(phrases[0].word) & F_PAIR);
}

#define SCORED_WORDS 60 /* lines longer than this are prose: no vocabulary */

/* nb_clean_word_key(), inline in the measure's loop over the words. */
static inline size_t word_key(const char *w, size_t n, char key[NB_CLEAN_KEY_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < NB_CLEAN_KEY_MAX; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) {
            if (nb_ascii_is_alnum(c) || c == '\'' || c == '-')
                key[k++] = (char)nb_ascii_lower(c);
            else if (k && c != '.' && c != ',' && c != ':' && c != ';' && c != '!' && c != '?' &&
                     c != ')' && c != '"')
                key[k++] = (char)c;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
                   (unsigned char)w[i + 2] == 0x99) {
            key[k++] = '\'';
            i += 2;
        } else {
            key[k++] = (char)c;
        }
    }
    while (k && (key[k - 1] == '\'' || key[k - 1] == '-'))
        k--;
    size_t start = 0;
    while (start < k && (key[start] == '\'' || key[start] == '-'))
        start++;
    if (start)
        memmove(key, key + start, k - start);
    key[k - start] = '\0';
    return k - start;
}

size_t nb_clean_word_key(const char *w, size_t n, char key[NB_CLEAN_KEY_MAX])
{
    return word_key(w, n, key);
}

void nb_clean_last_key(const char *s, size_t len, char key[NB_CLEAN_KEY_MAX])
{
    size_t ws = len;
    while (ws && !nb_ascii_is_space((unsigned char)s[ws - 1]))
        ws--;
    nb_clean_word_key(s + ws, len - ws, key);
}

int nb_clean_has_bytes(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return 1;
    /* memchr finds the candidates: most lines hold no first byte at all */
    const char *end = s + len;
    for (const char *p = s; (size_t)(end - p) >= n; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
        if (!p)
            return 0;
        if (memcmp(p, needle, n) == 0)
            return 1;
    }
    return 0;
}

/* A copyright sign starting a word ("© 2025", "(© Nordwire)"): one inside a
 * word is mis-decoded text (an accented letter read twice as Latin-1 ends
 * in its bytes), not a credit. */
int nb_clean_has_copyright_sign(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 <= len; i++) {
        const char *c2 = memchr(s + i, 0xC2, len - 1 - i);
        if (!c2)
            return 0;
        i = (size_t)(c2 - s);
        if ((unsigned char)s[i + 1] == 0xA9 &&
            (i == 0 || nb_ascii_is_space((unsigned char)s[i - 1]) || s[i - 1] == '(' ||
             s[i - 1] == '['))
            return 1;
    }
    return 0;
}

/* ASCII-case-insensitive prefix test; the prefix must end at a word end. */
int nb_clean_starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (nb_ascii_lower((unsigned char)s[i]) != nb_ascii_lower((unsigned char)prefix[i]))
            return 0;
    return len == n || !nb_ascii_is_alnum((unsigned char)s[n]);
}

/* Does s[0..len) contain `needle` (lower-case ASCII) in any case? */
int nb_clean_has_words(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || n > len)
        return n == 0;
    /* memchr finds the places that start with the first byte, in each of
     * its cases (one, when it is no letter) */
    int first = nb_ascii_lower((unsigned char)needle[0]), upper = nb_ascii_upper(first);
    const char *end = s + (len - n + 1); /* the last place it can start, and one */
    for (int pass = 0; pass < 2 && !(pass && upper == first); pass++) {
        for (const char *p = s; p < end; p++) {
            p = memchr(p, pass ? upper : first, (size_t)(end - p));
            if (!p)
                break;
            if ((p == s || !nb_ascii_is_alnum((unsigned char)p[-1])) &&
                nb_clean_starts_with(p, len - (size_t)(p - s), needle))
                return 1;
        }
    }
    return 0;
}

/* Whether s[0..len) holds a curly double quote, U+201C or U+201D: the
 * two searched for at once. */
static int has_curly_double(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *p = s; end - p >= 3; p++) {
        p = memchr(p, 0xE2, (size_t)(end - p) - 2);
        if (!p)
            return 0;
        if ((unsigned char)p[1] == 0x80 &&
            ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x9D))
            return 1;
    }
    return 0;
}

/* 1 for the ASCII white space bytes (' ', \t \n \v \f \r): the measure
 * parts a line's words at them. */
static const unsigned char space_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, /* 0x00 \t-\r */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    1,                                              /* ' ', and 0 for every other byte */
};

/* Past the white space of s[p..len). */
static size_t past_space(const char *s, size_t p, size_t len)
{
    const unsigned char *q = (const unsigned char *)s + p, *end = (const unsigned char *)s + len;
    while (q < end && space_byte[*q])
        q++;
    return (size_t)(q - (const unsigned char *)s);
}

/* Past the word that starts at s[p]: to the next white space or len. */
static size_t past_word(const char *s, size_t p, size_t len)
{
    const unsigned char *q = (const unsigned char *)s + p, *end = (const unsigned char *)s + len;
    while (q < end && !space_byte[*q])
        q++;
    return (size_t)(q - (const unsigned char *)s);
}

void nb_clean_measure(struct nb_clean_line *ln)
{
    /* the key of each word and of the word before it, swapped word by word */
    char keys[2][NB_CLEAN_KEY_MAX] = {"", ""};
    char *key = keys[0], *prev = keys[1];
    size_t prev_len = 0;
    unsigned prev_flags = 0; /* of the word before, when it had a key */
    const char *s = ln->s;
    size_t len = ln->len;
    ln->terminal = (unsigned)nb_sentence_ends(s, len);
    ln->quoted = has_curly_double(s, len) || memchr(s, '"', len) != NULL ||
                 nb_clean_has_bytes(s, len, "\xc2\xab");
    unsigned char c0 = (unsigned char)s[0];
    ln->marker = (c0 == '-' || c0 == '*' || c0 == '+') && len > 1 && s[1] == ' ';
    if (!ln->marker && nb_clean_has_bytes(s, len < 3 ? len : 3, "\xe2\x80\xa2"))
        ln->marker = 1;
    /* a word can hold a copyright sign only when the line does */
    int c2 = memchr(s, 0xC2, len) != NULL;
    for (size_t p = 0; p < len;) {
        p = past_space(s, p, len);
        if (p >= len)
            break;
        size_t q = past_word(s, p, len);
        unsigned char c = (unsigned char)s[p];
        if (c == '(' || c == '"' || c == '\'')
            c = p + 1 < q ? (unsigned char)s[p + 1] : c;
        ln->words++;
        if (c < 0x80 && nb_ascii_is_lower(c))
            ln->lower++;
        else if (c < 0x80 && (nb_ascii_is_upper(c) || nb_ascii_is_digit(c)))
            ln->upper++;
        if (ln->words <= SCORED_WORDS) {
            size_t kl = word_key(s + p, q - p, key);
            if (kl) {
                const struct vocab *v = word_find(key);
                unsigned flags = v ? v->flags : 0;
                if (v) {
                    ln->score += v->weight;
                    ln->hits += v->weight >= 15;
                    ln->list_head |= (flags & F_LIST) != 0;
                }
                if ((prev_flags & F_PAIR) && prev_len + kl + 2 <= 2 * NB_CLEAN_KEY_MAX) {
                    char pair[2 * NB_CLEAN_KEY_MAX];
                    memcpy(pair, prev, prev_len);
                    pair[prev_len] = ' ';
                    memcpy(pair + prev_len + 1, key, kl + 1);
                    v = vocab_find(pair, phrases, sizeof(phrases) / sizeof(phrases[0]), 0);
                    if (v) {
                        ln->score += v->weight;
                        ln->hits++;
                        ln->list_head |= (v->flags & F_LIST) != 0;
                    }
                }
                if (ln->words == 1 && (flags & F_PROMPT))
                    ln->prompt = 1;
                if (flags & F_ADDRESS) {
                    ln->addresses = 1;
                    ln->reader++;
                }
                if (flags & F_REPORTS)
                    ln->reports = 1;
                if ((flags & F_NARRATES) ||
                    (kl >= 5 && c < 0x80 && nb_ascii_is_lower(c) && !strcmp(key + kl - 2, "ed") &&
                     !(prev_flags & F_PASSIVE)))
                    ln->narrates = 1;
                char *was = prev;
                prev = key;
                key = was;
                prev_len = kl;
                prev_flags = flags;
            } else {
                prev[0] = '\0';
                prev_len = 0;
                prev_flags = 0;
            }
            if (c2 && nb_clean_has_copyright_sign(s + p, q - p))
                ln->score += 50;
        }
        p = q;
    }
}
